package patrol

import (
	"context"
	"net/http"
	"net/netip"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

func TestLocalLimiterRateSlots(t *testing.T) {
	l := NewLocalLimiter(HostRule{Rate: 2, Burst: 3}, nil)
	now := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	l.now = func() time.Time { return now }
	h := &hostState{}
	rule := l.ruleFor("a")
	var waits []time.Duration
	for i := 0; i < 6; i++ {
		waits = append(waits, l.reserve(h, rule))
	}
	// A burst of three at once, then one every half second.
	want := []time.Duration{0, 0, 0, 500 * time.Millisecond, time.Second, 1500 * time.Millisecond}
	for i := range want {
		if waits[i] != want[i] {
			t.Fatalf("waits %v, want %v", waits, want)
		}
	}
	// After a quiet spell the burst is available again.
	now = now.Add(10 * time.Second)
	if w := l.reserve(h, rule); w != 0 {
		t.Fatalf("after idle: wait %v", w)
	}
}

// raiseMax keeps the largest value seen in m.
func raiseMax(m *atomic.Int64, v int64) {
	for old := m.Load(); v > old && !m.CompareAndSwap(old, v); old = m.Load() {
	}
}

func TestLocalLimiterHoldsConcurrencyPerHost(t *testing.T) {
	var inFlight, maxSeen atomic.Int64
	type count struct{ now, max atomic.Int64 }
	perHost := map[string]*count{"a.example.cn": {}, "b.example.cn": {}}
	srv, _ := counted(t, func(w http.ResponseWriter, r *http.Request) {
		c := perHost[r.Host[:len("a.example.cn")]]
		raiseMax(&c.max, c.now.Add(1))
		defer c.now.Add(-1)
		raiseMax(&maxSeen, inFlight.Add(1))
		defer inFlight.Add(-1)
		// Hold the request a little so that others pile up behind it.
		time.Sleep(20 * time.Millisecond)
	})
	lo := []netip.Addr{netip.MustParseAddr("127.0.0.1")}
	lim := NewLocalLimiter(HostRule{Concurrency: 2}, nil)
	f := testFetcher(t, func(c *Config) {
		c.Limiter = lim
		c.Resolver = StaticResolver{"a.example.cn": lo, "b.example.cn": lo}
	})
	var wg sync.WaitGroup
	for i := 0; i < 16; i++ {
		host := "a.example.cn"
		if i%2 == 1 {
			host = "b.example.cn"
		}
		wg.Add(1)
		go func() {
			defer wg.Done()
			if p := f.Fetch(context.Background(), "http://"+host+":"+portOf(t, srv)+"/", Browser); p.Err != nil {
				t.Error(p.Err)
			}
		}()
	}
	wg.Wait()
	for host, c := range perHost {
		if c.max.Load() > 2 || c.max.Load() == 0 {
			t.Fatalf("%s: %d requests at once, limit 2", host, c.max.Load())
		}
	}
	if maxSeen.Load() > 4 {
		t.Fatalf("%d requests at once over two hosts limited to two each", maxSeen.Load())
	}
}

func TestLocalLimiterGivesUpWithContext(t *testing.T) {
	l := NewLocalLimiter(HostRule{Concurrency: 1}, nil)
	release, err := l.Acquire(context.Background(), "a")
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := l.Acquire(ctx, "a"); err == nil {
		t.Fatal("acquired a full host with a canceled context")
	}
	release()
	release() // a second release does nothing
	r2, err := l.Acquire(context.Background(), "a")
	if err != nil {
		t.Fatal(err)
	}
	// Had the double release freed two slots, a third hold would not block.
	ctx, cancel = context.WithTimeout(context.Background(), 50*time.Millisecond)
	defer cancel()
	if _, err := l.Acquire(ctx, "a"); err == nil {
		t.Fatal("two holds on a host limited to one")
	}
	r2()
}
