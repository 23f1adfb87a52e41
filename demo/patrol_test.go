package demo_test

import (
	"context"
	"testing"
	"time"

	"github.com/pinggu/pinggu"
	"github.com/pinggu/pinggu/demo"
	"github.com/pinggu/pinggu/jobs"
	"github.com/pinggu/pinggu/patrol"
	"github.com/pinggu/pinggu/patrol/patrolsite"
	"github.com/pinggu/pinggu/store/storetest"
)

// The demo's patrol shows every state a new user should see: a warning
// new, acknowledged, disposed and awaiting verification, closed after a
// verified removal, after a take-down and as a false positive, an overdue
// one escalated, findings seen more than once, and bulletins.
func TestSeedPatrolShowsEveryState(t *testing.T) {
	db := storetest.Open(t)
	sys := pinggu.WithActor(context.Background(), pinggu.SystemActor)
	d := demo.Generate(demo.ScaleDemo, 1)
	if err := db.LoadDataset(sys, d, nil); err != nil {
		t.Fatal(err)
	}
	site, err := patrolsite.Start(patrolsite.Options{Pages: demo.PatrolSitePages})
	if err != nil {
		t.Fatal(err)
	}
	defer site.Close()
	cfg := patrol.Config{Resolver: patrol.StaticResolver(site.Addrs()), Retries: -1,
		Limiter: patrol.NewLocalLimiter(patrol.HostRule{Rate: 500, Burst: 50, Concurrency: 8}, nil)}
	cfg.Guard.Allow, _ = patrol.ParseAllow("127.0.0.0/8")
	f := patrol.NewFetcher(cfg)
	defer f.Close()
	in := &jobs.TargetInspector{Fetcher: f}
	now := time.Now()
	err = demo.SeedPatrol(sys, db, d, site, in.Inspect, now, func(t time.Time) { db.Now = func() time.Time { return t } }, func(x time.Duration) { db.PatrolVerifyDelay = x })
	if err != nil {
		t.Fatal(err)
	}
	db.Now = time.Now
	ws, _, err := db.ListPatrolWarnings(sys, pinggu.PatrolWarningFilter{ListOptions: pinggu.ListOptions{Limit: 500}})
	if err != nil {
		t.Fatal(err)
	}
	states, disposals := map[pinggu.WarningState]int{}, map[pinggu.Disposal]int{}
	escalated, apps, unassigned := 0, 0, 0
	for _, w := range ws {
		states[w.State]++
		if w.State == pinggu.WarningClosed {
			disposals[w.Disposal]++
		}
		if w.Escalations > 0 {
			escalated++
		}
		if w.AppListing {
			apps++
		}
		if w.OrgID == 0 {
			unassigned++
		}
	}
	for _, s := range pinggu.WarningStates {
		if states[s] == 0 {
			t.Errorf("no warning %s in the demo: %v", s, states)
		}
	}
	for _, d := range []pinggu.Disposal{pinggu.DisposalContentRemoved, pinggu.DisposalAppTakenDown, pinggu.DisposalFalsePositive} {
		if disposals[d] == 0 {
			t.Errorf("no warning closed as %s: %v", d, disposals)
		}
	}
	if escalated == 0 || apps == 0 || unassigned == 0 {
		t.Errorf("escalated %d, app warnings %d, unassigned %d", escalated, apps, unassigned)
	}
	fs, _, _ := db.ListPatrolFindings(sys, pinggu.PatrolFindingFilter{State: pinggu.FindingOpen, ListOptions: pinggu.ListOptions{Limit: 500}})
	twice := 0
	for _, f := range fs {
		if f.SeenCount > 1 {
			twice++
		}
	}
	if twice == 0 {
		t.Error("no finding seen in two rounds")
	}
	// Rounds: one running half done (the workers of serve finish it), and
	// some done with failures.
	runs, _, err := db.ListPatrolRuns(sys, pinggu.PatrolRunFilter{ListOptions: pinggu.ListOptions{Limit: 500}})
	if err != nil {
		t.Fatal(err)
	}
	running, failed := 0, 0
	for _, r := range runs {
		if r.State == pinggu.RunRunning && r.Done > 0 && r.Done < r.Total {
			running++
		}
		if r.State == pinggu.RunDone && r.Failed > 0 {
			failed++
		}
	}
	if running != 1 || failed == 0 {
		t.Errorf("%d runs in progress (want 1), %d done with failures", running, failed)
	}
	// A cloaking page: its variants are kept, and they differ in verdict.
	cloaked := 0
	for _, w := range ws {
		snaps, _, err := db.ListPatrolSnapshots(sys, pinggu.PatrolSnapshotFilter{TargetID: w.TargetID, ListOptions: pinggu.ListOptions{Limit: 100}})
		if err != nil {
			t.Fatal(err)
		}
		verdicts := map[string]string{}
		for _, sn := range snaps {
			verdicts[sn.As] = sn.Verdict
		}
		if len(verdicts) > 1 && verdicts["browser"] != "" {
			for as, v := range verdicts {
				if v != verdicts["browser"] {
					cloaked++
					t.Logf("cloaking at %s: browser %s, %s %s", w.URL, verdicts["browser"], as, v)
					break
				}
			}
		}
	}
	if cloaked == 0 {
		t.Error("no cloaking page whose variants differ")
	}
	if _, n, _ := db.ListPatrolBulletins(sys, pinggu.PatrolBulletinFilter{}); n != 2 {
		t.Errorf("%d bulletins, want the national and Guangdong's", n)
	}
}
