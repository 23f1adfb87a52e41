package ratelimit

import (
	"container/list"
	"context"
	"errors"
	"sync"
)

// ErrBusy is Fair's answer when a key already has as many waiting as it may,
// or too many keys are waiting: the caller should answer "try later" (429).
var ErrBusy = errors.New("ratelimit: too many waiting")

// Fair lets at most n callers at once do something expensive (an argon2id
// hash of 64 MiB) and, when more wait, serves the waiting keys in turn: the
// next slot goes to the next key in a round, not to the next caller in one
// queue. One key never holds every slot (with two slots or more): the last
// is kept for a key that holds none, so a login from another address starts
// its hash at once, however many one address has sent. Waiting costs a
// parked goroutine, not memory for the work.
type Fair struct {
	mu        sync.Mutex
	free      int
	perKey    int                   // slots one key may hold: all but one
	inflight  map[string]int        // slots held, per key
	queues    map[string]*list.List // of *waiter, per key, oldest first
	ring      []string              // keys with waiters, in turn
	next      int
	maxPerKey int
	maxKeys   int
}

type waiter struct {
	ready   chan struct{}
	granted bool
}

// NewFair returns a gate of n slots, letting each key have up to maxPerKey
// callers waiting and up to maxKeys keys waiting at once.
func NewFair(n, maxPerKey, maxKeys int) *Fair {
	n = max(n, 1)
	return &Fair{free: n, perKey: max(n-1, 1), inflight: map[string]int{}, queues: map[string]*list.List{},
		maxPerKey: max(maxPerKey, 1), maxKeys: max(maxKeys, 1)}
}

// Acquire waits for a slot for key and returns the function that gives it
// back. It fails with ErrBusy at once when key may not wait, or with ctx's
// error when ctx ends first.
func (f *Fair) Acquire(ctx context.Context, key string) (func(), error) {
	release := func() { f.release(key) }
	f.mu.Lock()
	// A free slot with keys waiting means they are all at their share:
	// this key may take it if it is not.
	if f.free > 0 && f.inflight[key] < f.perKey {
		f.free--
		f.inflight[key]++
		f.mu.Unlock()
		return release, nil
	}
	q := f.queues[key]
	if q == nil {
		if len(f.queues) >= f.maxKeys {
			f.mu.Unlock()
			return nil, ErrBusy
		}
		q = list.New()
		f.queues[key] = q
		f.ring = append(f.ring, key)
	}
	if q.Len() >= f.maxPerKey {
		f.mu.Unlock()
		return nil, ErrBusy
	}
	w := &waiter{ready: make(chan struct{})}
	el := q.PushBack(w)
	f.mu.Unlock()

	select {
	case <-w.ready:
		return release, nil
	case <-ctx.Done():
		f.mu.Lock()
		if w.granted {
			// The slot came as ctx ended: pass it on.
			f.mu.Unlock()
			release()
		} else {
			q.Remove(el)
			if q.Len() == 0 {
				f.dropKey(key)
			}
			f.mu.Unlock()
		}
		return nil, ctx.Err()
	}
}

// release gives back key's slot and hands it to the next key in turn that
// is below its share, or frees it.
func (f *Fair) release(key string) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.inflight[key]--; f.inflight[key] <= 0 {
		delete(f.inflight, key)
	}
	for range len(f.ring) {
		if f.next >= len(f.ring) {
			f.next = 0
		}
		k := f.ring[f.next]
		if f.inflight[k] >= f.perKey {
			f.next++
			continue
		}
		q := f.queues[k]
		w := q.Remove(q.Front()).(*waiter)
		if q.Len() == 0 {
			f.dropKey(k) // the ring closes up: next now names the following key
		} else {
			f.next++
		}
		f.inflight[k]++
		w.granted = true
		close(w.ready)
		return
	}
	f.free++
}

// dropKey forgets a key with no one waiting; f.mu is held.
func (f *Fair) dropKey(key string) {
	delete(f.queues, key)
	for i, k := range f.ring {
		if k == key {
			f.ring = append(f.ring[:i], f.ring[i+1:]...)
			if i < f.next {
				f.next--
			}
			return
		}
	}
}

// Waiting is the number of callers waiting, for metrics and tests.
func (f *Fair) Waiting() int {
	f.mu.Lock()
	defer f.mu.Unlock()
	n := 0
	for _, q := range f.queues {
		n += q.Len()
	}
	return n
}
