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
// queue. Fifty concurrent logins from one address thus wait behind one
// another, while a login from another address waits for one slot at most.
// Waiting costs a parked goroutine, not memory for the work.
type Fair struct {
	mu        sync.Mutex
	free      int
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
	return &Fair{free: max(n, 1), queues: map[string]*list.List{}, maxPerKey: max(maxPerKey, 1), maxKeys: max(maxKeys, 1)}
}

// Acquire waits for a slot for key and returns the function that gives it
// back. It fails with ErrBusy at once when key may not wait, or with ctx's
// error when ctx ends first.
func (f *Fair) Acquire(ctx context.Context, key string) (func(), error) {
	f.mu.Lock()
	if f.free > 0 && len(f.ring) == 0 {
		f.free--
		f.mu.Unlock()
		return f.release, nil
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
		return f.release, nil
	case <-ctx.Done():
		f.mu.Lock()
		if w.granted {
			// The slot came as ctx ended: pass it on.
			f.mu.Unlock()
			f.release()
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

// release hands the slot to the next key in turn, or frees it.
func (f *Fair) release() {
	f.mu.Lock()
	defer f.mu.Unlock()
	if len(f.ring) == 0 {
		f.free++
		return
	}
	if f.next >= len(f.ring) {
		f.next = 0
	}
	key := f.ring[f.next]
	q := f.queues[key]
	w := q.Remove(q.Front()).(*waiter)
	if q.Len() == 0 {
		f.dropKey(key) // the ring closes up: next now names the following key
	} else {
		f.next++
	}
	w.granted = true
	close(w.ready)
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
