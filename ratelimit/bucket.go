// Package ratelimit bounds how often and how many at once a client may do
// something expensive, keyed by a string (a client address, an account
// name), in bounded memory.
//
// Limiter is a token bucket per key: the web layer asks it before a login
// and answers 429 with Retry-After when it says no. Fair is a counting
// semaphore that serves the keys waiting for it in turn, so a flood from one
// address queues behind itself and not in front of everyone else.
package ratelimit

import (
	"container/list"
	"math"
	"sync"
	"time"
)

// Limiter is a token bucket per key: a key may do burst things at once and
// then rate things a second. It remembers at most max keys; when full it
// forgets the one unused for longest (a key that rests long enough to be
// forgotten has a full bucket again anyway, unless the limiter is flooded
// with more distinct keys than max, which takes that many addresses).
type Limiter struct {
	rate  float64 // tokens a second
	burst float64
	max   int

	mu   sync.Mutex
	keys map[string]*list.Element // of *bucket
	lru  *list.List               // most recently used first
}

type bucket struct {
	key    string
	tokens float64
	at     time.Time // when tokens was last brought up to date
}

// NewLimiter returns a limiter of rate things a second with bursts of
// burst, remembering up to max keys.
func NewLimiter(rate float64, burst, max int) *Limiter {
	if burst < 1 {
		burst = 1
	}
	if max < 1 {
		max = 1
	}
	return &Limiter{rate: rate, burst: float64(burst), max: max, keys: map[string]*list.Element{}, lru: list.New()}
}

// Allow takes a token from key's bucket if there is one. If not, it says
// how long until there will be: the Retry-After of a 429.
func (l *Limiter) Allow(key string) (bool, time.Duration) {
	return l.AllowAt(key, time.Now())
}

// AllowAt is Allow at a given time, for tests.
func (l *Limiter) AllowAt(key string, now time.Time) (bool, time.Duration) {
	l.mu.Lock()
	defer l.mu.Unlock()
	var b *bucket
	if el, ok := l.keys[key]; ok {
		l.lru.MoveToFront(el)
		b = el.Value.(*bucket)
		if dt := now.Sub(b.at).Seconds(); dt > 0 {
			b.tokens = math.Min(l.burst, b.tokens+dt*l.rate)
			b.at = now
		}
	} else {
		for l.lru.Len() >= l.max {
			old := l.lru.Remove(l.lru.Back()).(*bucket)
			delete(l.keys, old.key)
		}
		b = &bucket{key: key, tokens: l.burst, at: now}
		l.keys[key] = l.lru.PushFront(b)
	}
	if b.tokens >= 1 {
		b.tokens--
		return true, 0
	}
	if l.rate <= 0 {
		return false, time.Hour
	}
	wait := time.Duration((1 - b.tokens) / l.rate * float64(time.Second))
	return false, max(wait, time.Second)
}

// Len is the number of keys remembered.
func (l *Limiter) Len() int {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.lru.Len()
}
