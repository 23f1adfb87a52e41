package patrol_test

import (
	"context"
	"net/netip"
	"sync"
	"testing"
	"time"

	"github.com/pinggu/pinggu/detect"
	"github.com/pinggu/pinggu/patrol"
	"github.com/pinggu/pinggu/patrol/patrolsite"
)

func compile(t testing.TB) *detect.Matcher {
	t.Helper()
	m, err := detect.Compile(detect.Builtin()...)
	if err != nil {
		t.Fatal(err)
	}
	return m
}

// siteInspector patrols a generated site, which it reaches through the
// site's own host names and an explicit allowance for loopback.
func siteInspector(t testing.TB, site *patrolsite.Site, m *detect.Matcher) *patrol.Inspector {
	f := patrol.NewFetcher(patrol.Config{
		Guard:          patrol.Guard{Allow: []netip.Prefix{netip.MustParsePrefix("127.0.0.0/8")}},
		Resolver:       patrol.StaticResolver(site.Addrs()),
		Limiter:        patrol.NewLocalLimiter(patrol.HostRule{Concurrency: 8}, nil),
		HeaderTimeout:  1500 * time.Millisecond,
		FetchTimeout:   2500 * time.Millisecond,
		MaxBytes:       1 << 20,
		RetryBackoff:   5 * time.Millisecond,
		MaxIdlePerHost: 16,
	})
	t.Cleanup(f.Close)
	return &patrol.Inspector{Fetcher: f, Matcher: m}
}

// TestGeneratedSiteGroundTruth patrols the first pages of the generated
// site and holds every report to the site's truth: hacked and cloaking
// pages risky, cloaking seen as cloaking, ordinary pages clean, failing
// hosts recorded as failures, GBK and Big5 decoded.
func TestGeneratedSiteGroundTruth(t *testing.T) {
	const pages = 2000
	site, err := patrolsite.Start(patrolsite.Options{Pages: pages, SlowDelay: 4 * time.Second, OversizedBytes: 3 << 20})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(site.Close)
	in := siteInspector(t, site, compile(t))
	reports := make([]*patrol.Report, pages)
	work := make(chan int)
	var wg sync.WaitGroup
	for w := 0; w < 8; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range work {
				reports[i] = in.Inspect(context.Background(), site.URL(i))
			}
		}()
	}
	for i := 0; i < pages; i++ {
		work <- i
	}
	close(work)
	wg.Wait()

	kinds := map[string]int{}
	charsets := map[string]int{}
	for i, rep := range reports {
		truth := site.Truth(i)
		kinds[truth.Kind]++
		charsets[truth.Charset]++
		switch {
		case truth.Harmful && rep.Verdict != detect.Risky:
			t.Errorf("page %d (%s, %s) is harmful but judged %s (score %d)", i, truth.Kind, truth.Charset, rep.Verdict, rep.Score)
		case !truth.Harmful && !truth.Fails && rep.Verdict != detect.Clean:
			t.Errorf("page %d (%s, %s) is ordinary but judged %s: %+v", i, truth.Kind, truth.Charset, rep.Verdict, rep.Findings)
		}
		if truth.Cloaking != rep.Cloaking.Detected {
			t.Errorf("page %d (%s): cloaking %v, truth %v: %s", i, truth.Kind, rep.Cloaking.Detected, truth.Cloaking, rep.Cloaking.Detail)
		}
		if truth.Fails != (rep.Error != nil) {
			t.Errorf("page %d (%s): error %v, truth says fails=%v", i, truth.Kind, rep.Error, truth.Fails)
		}
		if want := map[string]string{"gbk": "gb", "big5": "big5", "utf-8": "utf-8"}[truth.Charset]; !truth.Fails && truth.Kind != patrolsite.CloakReferrer &&
			rep.Charset[:min(len(want), len(rep.Charset))] != want {
			t.Errorf("page %d served in %s read as %s", i, truth.Charset, rep.Charset)
		}
		if (truth.Kind == patrolsite.Dead || truth.Kind == patrolsite.Slow) && len(rep.Variants) != 1 {
			t.Errorf("page %d on a %s host was asked %d times; one identity shows the host is unreachable", i, truth.Kind, len(rep.Variants))
		}
		if truth.Kind == patrolsite.Oversized && !rep.Variants[0].Truncated {
			t.Errorf("oversized page %d not marked truncated", i)
		}
		if truth.Kind == patrolsite.RedirectChain && len(rep.Redirects) != 4 {
			t.Errorf("redirect chain page %d: %d hops", i, len(rep.Redirects))
		}
	}
	// Every kind and charset is in the sample, or the test proves less than it says.
	for _, k := range []string{patrolsite.Ordinary, patrolsite.Hacked, patrolsite.CloakUA, patrolsite.CloakReferrer, patrolsite.RedirectChain,
		patrolsite.RedirectLoop, patrolsite.Oversized, patrolsite.Slow, patrolsite.Broken, patrolsite.Flaky, patrolsite.Dead} {
		if kinds[k] == 0 {
			t.Errorf("no %s page among the first %d", k, pages)
		}
	}
	if charsets["gbk"] == 0 || charsets["big5"] == 0 {
		t.Errorf("charsets %v", charsets)
	}
	t.Logf("kinds %v charsets %v", kinds, charsets)
}

// TestGeneratedSiteIsLarge checks that the site answers any of a large
// number of pages, generated on request.
func TestGeneratedSiteIsLarge(t *testing.T) {
	site, err := patrolsite.Start(patrolsite.Options{Pages: 1_000_000})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(site.Close)
	in := siteInspector(t, site, compile(t))
	i, ok := site.Find(patrolsite.Hacked, "utf-8", 999_000)
	if !ok {
		t.Fatal("no hacked page near the end")
	}
	if rep := in.Inspect(context.Background(), site.URL(i)); rep.Verdict != detect.Risky || rep.Status != 200 {
		t.Fatalf("page %d: status %d verdict %s", i, rep.Status, rep.Verdict)
	}
	if _, err := site.Find(patrolsite.Ordinary, "", 1_000_000); err {
		t.Fatal("found a page past the end")
	}
}
