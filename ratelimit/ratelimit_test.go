package ratelimit

import (
	"context"
	"errors"
	"strconv"
	"sync"
	"testing"
	"time"
)

func TestLimiterBurstThenRate(t *testing.T) {
	l := NewLimiter(1, 3, 100) // 3 at once, then 1 a second
	t0 := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	for i := range 3 {
		if ok, _ := l.AllowAt("10.0.0.1", t0); !ok {
			t.Fatalf("attempt %d of the burst refused", i+1)
		}
	}
	ok, wait := l.AllowAt("10.0.0.1", t0)
	if ok || wait != time.Second {
		t.Fatalf("fourth at once = %v, retry after %v; want refused, 1s", ok, wait)
	}
	if ok, _ := l.AllowAt("10.0.0.2", t0); !ok {
		t.Fatal("another key is limited by the first's use")
	}
	if ok, _ := l.AllowAt("10.0.0.1", t0.Add(1500*time.Millisecond)); !ok {
		t.Fatal("a token did not come back after a second")
	}
	if ok, _ := l.AllowAt("10.0.0.1", t0.Add(1600*time.Millisecond)); ok {
		t.Fatal("more than the rate allowed")
	}
}

func TestLimiterMemoryIsBounded(t *testing.T) {
	l := NewLimiter(1, 1, 1000)
	now := time.Now()
	for i := range 100000 {
		l.AllowAt("203.0.113."+strconv.Itoa(i), now)
	}
	if n := l.Len(); n != 1000 {
		t.Fatalf("remembers %d keys, want at most 1000", n)
	}
	// The most recent keys are the ones kept.
	if ok, _ := l.AllowAt("203.0.113.99999", now); ok {
		t.Fatal("the latest key was forgotten")
	}
}

// With one slot taken, five callers of one address and then one of
// another wait; the other address is served second, not sixth.
func TestFairServesKeysInTurn(t *testing.T) {
	f := NewFair(1, 10, 10)
	ctx := context.Background()
	hold, err := f.Acquire(ctx, "flood")
	if err != nil {
		t.Fatal(err)
	}
	var mu sync.Mutex
	var order []string
	var wg sync.WaitGroup
	for i, key := range []string{"flood", "flood", "flood", "flood", "flood", "user"} {
		wg.Add(1)
		go func() {
			defer wg.Done()
			release, err := f.Acquire(ctx, key)
			if err != nil {
				t.Error(err)
				return
			}
			mu.Lock()
			order = append(order, key)
			mu.Unlock()
			release()
		}()
		waitQueuedN(t, f, i+1) // arrivals in a known order
	}
	hold()
	wg.Wait()
	if len(order) != 6 || order[1] != "user" {
		t.Fatalf("served in order %v, want the user second", order)
	}
}

func waitQueuedN(t *testing.T, f *Fair, n int) {
	t.Helper()
	for deadline := time.Now().Add(5 * time.Second); f.Waiting() < n; {
		if time.Now().After(deadline) {
			t.Fatalf("%d waiting, want %d", f.Waiting(), n)
		}
		time.Sleep(time.Millisecond)
	}
}

func TestFairBoundsWaitingAndHonoursCancel(t *testing.T) {
	f := NewFair(1, 2, 2)
	hold, _ := f.Acquire(context.Background(), "a")
	ctx, cancel := context.WithCancel(context.Background())
	errs := make(chan error, 2)
	for range 2 {
		go func() { _, err := f.Acquire(ctx, "a"); errs <- err }()
	}
	waitQueuedN(t, f, 2)
	if _, err := f.Acquire(context.Background(), "a"); !errors.Is(err, ErrBusy) {
		t.Fatalf("third waiter of one key: %v, want ErrBusy", err)
	}
	go f.Acquire(context.Background(), "b")
	waitQueuedN(t, f, 3)
	if _, err := f.Acquire(context.Background(), "c"); !errors.Is(err, ErrBusy) {
		t.Fatalf("a third waiting key: %v, want ErrBusy", err)
	}
	cancel()
	for range 2 {
		if err := <-errs; !errors.Is(err, context.Canceled) {
			t.Fatalf("cancelled waiter: %v", err)
		}
	}
	if n := f.Waiting(); n != 1 {
		t.Fatalf("%d waiting after cancel, want b alone", n)
	}
	hold() // goes to b
	if n := f.Waiting(); n != 0 {
		t.Fatalf("%d waiting after release", n)
	}
}

// With two slots, one key holds one at most: the other is there at once
// for a key that holds none.
func TestFairKeepsASlotForOtherKeys(t *testing.T) {
	f := NewFair(2, 10, 10)
	ctx := context.Background()
	first, err := f.Acquire(ctx, "flood")
	if err != nil {
		t.Fatal(err)
	}
	second := make(chan func(), 1)
	go func() {
		r, err := f.Acquire(ctx, "flood")
		if err != nil {
			t.Error(err)
		}
		second <- r
	}()
	waitQueuedN(t, f, 1)
	user, err := f.Acquire(ctx, "user")
	if err != nil {
		t.Fatal(err)
	}
	select {
	case <-second:
		t.Fatal("the flood took the slot kept for others")
	default:
	}
	user() // the kept slot comes back; the flood is still at its share
	if n := f.Waiting(); n != 1 {
		t.Fatalf("the flood took its second slot (%d waiting)", n)
	}
	first()
	(<-second)()
	if n := f.Waiting(); n != 0 {
		t.Fatalf("%d still waiting", n)
	}
}
