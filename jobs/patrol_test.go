package jobs

import (
	"context"
	"fmt"
	"net/netip"
	"slices"
	"testing"
	"time"

	"github.com/pinggu/pinggu"
	"github.com/pinggu/pinggu/patrol"
	"github.com/pinggu/pinggu/patrol/patrolsite"
	"github.com/pinggu/pinggu/store"
	"github.com/pinggu/pinggu/store/storetest"
)

// patrolOptions fetch the generated site on loopback, allowed explicitly.
func patrolOptions(site *patrolsite.Site, lim patrol.Limiter) PatrolOptions {
	return PatrolOptions{Workers: 8, Tick: time.Hour, Fetch: patrol.Config{
		Guard:    patrol.Guard{Allow: []netip.Prefix{netip.MustParsePrefix("127.0.0.0/8")}},
		Resolver: patrol.StaticResolver(site.Addrs()),
		Limiter:  lim,
		Retries:  -1,
	}}
}

// waitRun waits for a run to finish and returns it.
func waitRun(t *testing.T, db *store.DB, ctx context.Context, id int64) *pinggu.PatrolRun {
	t.Helper()
	deadline := time.Now().Add(60 * time.Second)
	for {
		r, err := db.FindPatrolRun(ctx, id)
		if err != nil {
			t.Fatal(err)
		}
		if r.State == pinggu.RunDone {
			return r
		}
		if time.Now().After(deadline) {
			t.Fatalf("run %d did not finish: %+v", id, r)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// A support analyst's plan over a list of the generated site's pages and
// listings runs on the workers: hacked, cloaking and harmful app pages
// raise warnings, ordinary ones do not; a disposal is verified by the
// re-fetch once the site has removed the content.
func TestPatrolRunAgainstLocalSite(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		// A site of its own: the test removes content and takes apps down.
		site, err := patrolsite.Start(patrolsite.Options{Pages: 2000})
		if err != nil {
			t.Fatal(err)
		}
		defer site.Close()
		sup := pinggu.WithActor(context.Background(), &pinggu.Actor{UserID: 1, Username: "analyst", Name: "郭雪宁", Role: pinggu.RoleSupport})
		l := &pinggu.PatrolList{Name: "生成站点"}
		if err := db.CreatePatrolList(sup, l); err != nil {
			t.Fatal(err)
		}
		var rows []pinggu.PatrolTargetImportRow
		want := map[string]bool{} // URL → harmful
		add := func(u string, kind pinggu.PatrolTargetKind, harmful bool) {
			rows = append(rows, pinggu.PatrolTargetImportRow{Line: len(rows) + 2, Target: pinggu.PatrolTarget{URL: u, Kind: kind}})
			want[u] = harmful
		}
		for _, k := range []string{patrolsite.Ordinary, patrolsite.Hacked, patrolsite.CloakUA, patrolsite.CloakReferrer} {
			for n, from := 0, 0; n < 3; n++ {
				i, ok := site.Find(k, "", from)
				if !ok {
					t.Fatalf("no %s page", k)
				}
				from = i + 1
				add(site.URL(i), pinggu.PatrolPage, site.Truth(i).Harmful)
			}
		}
		for _, k := range []string{patrolsite.AppOrdinary, patrolsite.AppSpoofing, patrolsite.AppPorn, patrolsite.AppFraud} {
			i, ok := site.FindApp(k, 0)
			if !ok {
				t.Fatalf("no %s listing", k)
			}
			add(site.AppURL(i), pinggu.PatrolAppListing, site.AppHarmful(i))
		}
		if _, err := db.ImportPatrolTargets(sup, l.ID, rows); err != nil {
			t.Fatal(err)
		}
		p := &pinggu.PatrolPlan{Name: "生成站点巡查", ListIDs: []int64{l.ID}, Active: true}
		if err := db.CreatePatrolPlan(sup, p); err != nil {
			t.Fatal(err)
		}
		r, err := Start(context.Background(), db, Options{Patrol: patrolOptions(site, nil)})
		if err != nil {
			t.Fatal(err)
		}
		defer r.Stop(context.Background())
		run, err := db.RunPatrolPlan(sup, p.ID)
		if err != nil {
			t.Fatal(err)
		}
		run = waitRun(t, db, sup, run.ID)
		if run.Total != len(rows) || run.Done != len(rows) || run.Failed != 0 {
			t.Fatalf("run = %+v", run)
		}
		ws, _, err := db.ListPatrolWarnings(sup, pinggu.PatrolWarningFilter{ListOptions: pinggu.ListOptions{Limit: 100}})
		if err != nil {
			t.Fatal(err)
		}
		warned := map[string]*pinggu.PatrolWarning{}
		for _, w := range ws {
			warned[w.URL] = w
		}
		for u, harmful := range want {
			if (warned[u] != nil) != harmful {
				t.Errorf("%s: warned %v, harmful %v", u, warned[u] != nil, harmful)
			}
		}
		// The snapshots are evidence: their bytes are stored once and read
		// back against their hash, and the audit chain holds the fetches.
		for _, w := range ws[:1] {
			body, err := db.PatrolSnapshotBody(sup, w.SnapshotID)
			if err != nil || len(body) == 0 {
				t.Fatalf("evidence of %s: %d bytes, %v", w.URL, len(body), err)
			}
		}
		// Dispose of a hacked page's warning once the site removed it; the
		// re-fetch closes it.
		i, _ := site.Find(patrolsite.Hacked, "", 0)
		w := warned[site.URL(i)]
		if _, err := db.AcknowledgePatrolWarning(sup, w.ID, ""); err != nil {
			t.Fatal(err)
		}
		site.Clean(i)
		w, err = db.DisposePatrolWarning(sup, w.ID, pinggu.PatrolDisposal{Disposal: pinggu.DisposalContentRemoved, Note: "已删除"})
		if err != nil {
			t.Fatal(err)
		}
		waitRun(t, db, sup, w.VerifyRunID)
		if w, _ = db.FindPatrolWarning(sup, w.ID); w.State != pinggu.WarningClosed {
			t.Errorf("after the site removed the content the warning is %s: %s", w.State, w.VerifyNote)
		}
		// A spoofing app taken down by the store: closed as well.
		j, _ := site.FindApp(patrolsite.AppSpoofing, 0)
		w = warned[site.AppURL(j)]
		if w == nil || !w.AppListing {
			t.Fatalf("spoofing app warning = %+v", w)
		}
		db.AcknowledgePatrolWarning(sup, w.ID, "")
		site.TakeDown(j)
		w, err = db.DisposePatrolWarning(sup, w.ID, pinggu.PatrolDisposal{Disposal: pinggu.DisposalAppTakenDown})
		if err != nil {
			t.Fatal(err)
		}
		waitRun(t, db, sup, w.VerifyRunID)
		if w, _ = db.FindPatrolWarning(sup, w.ID); w.State != pinggu.WarningClosed {
			t.Errorf("after the take-down the app warning is %s: %s", w.State, w.VerifyNote)
		}
		// Run again: the page that stays bad is seen again, not found again.
		run2, _ := db.RunPatrolPlan(sup, p.ID)
		waitRun(t, db, sup, run2.ID)
		j2, _ := site.Find(patrolsite.Hacked, "", i+1)
		fs, n, _ := db.ListPatrolFindings(sup, pinggu.PatrolFindingFilter{State: pinggu.FindingOpen})
		for _, f := range fs {
			if f.URL == site.URL(j2) && f.SeenCount != 2 {
				t.Errorf("finding %s seen %d times after two rounds", f.Rule, f.SeenCount)
			}
		}
		if n == 0 {
			t.Error("no open findings after the second round")
		}
		if _, total, _ := db.ListPatrolWarnings(sup, pinggu.PatrolWarningFilter{Open: true}); total != len(ws)-2 {
			t.Errorf("%d open warnings after round two, want %d", total, len(ws)-2)
		}
	})
}

// Dispatched items become fetch jobs of up to a batch of one run's targets
// at one priority, so the queue's cost is paid per batch; a job queued
// before batching (one target_id) still names its target.
func TestPatrolFetchJobsBatchByRun(t *testing.T) {
	var items []store.PatrolFetchItem
	for i := int64(1); i <= 5; i++ {
		items = append(items, store.PatrolFetchItem{RunID: 7, TargetID: i, Priority: 2})
	}
	items = append(items, store.PatrolFetchItem{RunID: 9, TargetID: 3, Priority: 1}, store.PatrolFetchItem{RunID: 9, TargetID: 4, Priority: 1})
	jobs := fetchJobs(items, 2)
	var got []string
	for _, j := range jobs {
		a := j.Args.(PatrolFetchArgs)
		got = append(got, fmt.Sprintf("%d:%v@%d", a.RunID, a.TargetIDs, j.InsertOpts.Priority))
		if j.InsertOpts.Queue != PatrolQueue || j.InsertOpts.MaxAttempts != 1 {
			t.Errorf("job %+v: not on the patrol queue, tried once", j.InsertOpts)
		}
	}
	if want := []string{"7:[1 2]@2", "7:[3 4]@2", "7:[5]@2", "9:[3 4]@1"}; !slices.Equal(got, want) {
		t.Errorf("jobs = %v, want %v", got, want)
	}
	if got := (PatrolFetchArgs{RunID: 7, TargetID: 9}).targets(); !slices.Equal(got, []int64{9}) {
		t.Errorf("an old job's targets = %v", got)
	}
}
