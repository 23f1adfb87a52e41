package patrol_test

import (
	"context"
	"net/netip"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/pinggu/pinggu/detect"
	"github.com/pinggu/pinggu/patrol"
	"github.com/pinggu/pinggu/patrol/patrolsite"
)

// BenchmarkPatrol measures pages patrolled per second against the
// generated site (100,000 pages, every kind in it, slow and broken hosts
// included): each page fetched as the default identities (browser,
// Baiduspider, browser from Baidu), decoded, scanned and compared, by a
// pool of workers in one process. Run it alone:
//
//	go test ./patrol -run XXX -bench Patrol -benchtime 20000x
//
// It reports pages/s, fetches/s, and from the pages it saw the recall of
// the planted harmful (hacked and cloaking) pages and the false positives
// among the ordinary ones.
func BenchmarkPatrol(b *testing.B) {
	site, err := patrolsite.Start(patrolsite.Options{Pages: 100_000, SlowDelay: 2 * time.Second})
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(site.Close)
	m, err := detect.Compile(detect.Builtin()...)
	if err != nil {
		b.Fatal(err)
	}
	for _, mode := range []string{"fetch+scan", "fetch+scan+snapshots"} {
		b.Run(mode, func(b *testing.B) {
			f := patrol.NewFetcher(patrol.Config{
				Guard:          patrol.Guard{Allow: []netip.Prefix{netip.MustParsePrefix("127.0.0.0/8")}},
				Resolver:       patrol.StaticResolver(site.Addrs()),
				Limiter:        patrol.NewLocalLimiter(patrol.HostRule{Concurrency: 8}, nil),
				HeaderTimeout:  500 * time.Millisecond,
				FetchTimeout:   time.Second,
				MaxBytes:       1 << 20,
				RetryBackoff:   50 * time.Millisecond,
				MaxIdlePerHost: 16,
			})
			defer f.Close()
			in := &patrol.Inspector{Fetcher: f, Matcher: m}
			if mode == "fetch+scan+snapshots" {
				snaps, err := patrol.OpenDirSnapshots(b.TempDir())
				if err != nil {
					b.Fatal(err)
				}
				in.Snapshots = snaps
			}
			const workers = 16
			var next, fetches, harmful, found, ordinary, falsePos atomic.Int64
			var wg sync.WaitGroup
			b.ResetTimer()
			start := time.Now()
			for w := 0; w < workers; w++ {
				wg.Add(1)
				go func() {
					defer wg.Done()
					for {
						i := int(next.Add(1) - 1)
						if i >= b.N {
							return
						}
						page := i % site.Pages()
						rep := in.Inspect(context.Background(), site.URL(page))
						fetches.Add(int64(len(rep.Variants)))
						t := site.Truth(page)
						switch {
						case t.Harmful:
							harmful.Add(1)
							if rep.Verdict == detect.Risky {
								found.Add(1)
							}
						case !t.Fails:
							ordinary.Add(1)
							if rep.Verdict == detect.Risky {
								falsePos.Add(1)
							}
						}
					}
				}()
			}
			wg.Wait()
			el := time.Since(start).Seconds()
			b.ReportMetric(float64(b.N)/el, "pages/s")
			b.ReportMetric(float64(fetches.Load())/el, "fetches/s")
			if harmful.Load() > 0 {
				b.ReportMetric(float64(found.Load())/float64(harmful.Load()), "recall")
			}
			b.ReportMetric(float64(falsePos.Load()), "false-positives")
			b.ReportMetric(float64(ordinary.Load()), "ordinary-pages")
		})
	}
}
