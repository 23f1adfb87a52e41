package main

import (
	"context"
	"fmt"
	"time"

	"github.com/pinggu/pinggu"
	"github.com/pinggu/pinggu/demo"
	"github.com/pinggu/pinggu/jobs"
	"github.com/pinggu/pinggu/patrol"
	"github.com/pinggu/pinggu/patrol/patrolsite"
	"github.com/pinggu/pinggu/store"
)

// startDemoSite serves the demo's generated site on loopback, from this
// process, and points patrol at it: its host names resolve to 127.0.0.1
// and nothing else resolves at all, and 127.0.0.0/8 is allowed explicitly,
// so the demo patrols without the internet and never reaches it.
func startDemoSite(env *cliEnv, o *jobs.PatrolOptions) (*patrolsite.Site, error) {
	site, err := patrolsite.Start(patrolsite.Options{Pages: demo.PatrolSitePages, Port: demo.PatrolSitePort})
	if err != nil {
		return nil, fmt.Errorf("demo site on 127.0.0.1:%d: %w", demo.PatrolSitePort, err)
	}
	demo.PrepareSite(site)
	if o != nil {
		o.Fetch.Resolver = patrol.StaticResolver(site.Addrs())
		allowLoopback(o)
	}
	fmt.Fprintf(env.stderr, "demo site for patrol serving on 127.0.0.1:%d (%d pages)\n", demo.PatrolSitePort, demo.PatrolSitePages)
	return site, nil
}

// seedDemoPatrol adds the demo's patrol history, fetching the demo site
// for real, then puts the store back on the real clock.
func seedDemoPatrol(ctx context.Context, env *cliEnv, db *store.DB, d *pinggu.Dataset, site *patrolsite.Site) error {
	if site == nil {
		s, err := startDemoSite(env, nil)
		if err != nil {
			return err
		}
		defer s.Close()
		site = s
	}
	var o jobs.PatrolOptions
	o.Fetch = patrol.Config{Resolver: patrol.StaticResolver(site.Addrs()), Retries: -1,
		Limiter: patrol.NewLocalLimiter(patrol.HostRule{Rate: 200, Burst: 50, Concurrency: 8}, nil)}
	allowLoopback(&o)
	f := patrol.NewFetcher(o.Fetch)
	defer f.Close()
	in := &jobs.TargetInspector{Fetcher: f}
	orig, origDelay := db.Now, db.PatrolVerifyDelay
	defer func() { db.Now, db.PatrolVerifyDelay = orig, origDelay }()
	return demo.SeedPatrol(systemCtx(ctx), db, d, site, in.Inspect, time.Now(),
		func(t time.Time) { db.Now = func() time.Time { return t } },
		func(d time.Duration) { db.PatrolVerifyDelay = d })
}
