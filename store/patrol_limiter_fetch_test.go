package store_test

import (
	"context"
	"net"
	"net/http"
	"net/http/httptest"
	"net/netip"
	"strconv"
	"sync"
	"testing"
	"time"

	"github.com/pinggu/pinggu/patrol"
	"github.com/pinggu/pinggu/store"
	"github.com/pinggu/pinggu/store/storetest"
)

// Two workers, each with its own fetcher and its own limiter on the shared
// database, patrol pages of one host on 127.0.0.1: the host never has more
// requests in flight than its limit, and their starts keep its rate — the
// limit is the host's, not each worker's.
func TestHostLimitHeldByTwoFetchingWorkers(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		var mu sync.Mutex
		inFlight, maxInFlight := 0, 0
		var starts []time.Time
		srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			mu.Lock()
			inFlight++
			maxInFlight = max(maxInFlight, inFlight)
			starts = append(starts, time.Now())
			mu.Unlock()
			time.Sleep(10 * time.Millisecond) // a page that takes a moment
			mu.Lock()
			inFlight--
			mu.Unlock()
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			_, _ = w.Write([]byte("<html><title>新闻</title><body>本站新闻</body></html>"))
		}))
		defer srv.Close()
		port := strconv.Itoa(srv.Listener.Addr().(*net.TCPAddr).Port)
		rule := store.HostLimit{Rate: 20, Burst: 1, Concurrency: 1}
		lo := map[string][]netip.Addr{"www.one-host.test": {netip.MustParseAddr("127.0.0.1")}}
		const perWorker = 8
		var wg sync.WaitGroup
		for w := 0; w < 2; w++ {
			cfg := patrol.Config{Resolver: patrol.StaticResolver(lo), Retries: -1, Limiter: db.HostLimiter(rule, nil)}
			cfg.Guard.Allow = []netip.Prefix{netip.MustParsePrefix("127.0.0.0/8")}
			f := patrol.NewFetcher(cfg)
			defer f.Close()
			// Each worker fetches with several pages at once, as a worker does.
			for j := 0; j < perWorker; j++ {
				wg.Add(1)
				go func(j int) {
					defer wg.Done()
					p := f.Fetch(context.Background(), "http://www.one-host.test:"+port+"/n/"+strconv.Itoa(w*100+j)+".html", patrol.Browser)
					if p.Err != nil {
						t.Errorf("fetch: %v", p.Err)
					}
				}(j)
			}
		}
		wg.Wait()
		if len(starts) != 2*perWorker {
			t.Fatalf("the host saw %d requests, want %d", len(starts), 2*perWorker)
		}
		if maxInFlight != 1 {
			t.Errorf("the host had %d requests in flight at once across two workers; its limit is 1", maxInFlight)
		}
		// 16 starts at 20 a second with a burst of 1 take at least 0.75 s
		// (a slower machine only makes it longer).
		if got := starts[len(starts)-1].Sub(starts[0]); got < 700*time.Millisecond {
			t.Errorf("16 requests to one host started within %s: the rate of 20/s was exceeded across workers", got)
		}
	})
}
