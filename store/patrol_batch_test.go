package store_test

import (
	"context"
	"database/sql"
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/pinggu/pinggu"
	"github.com/pinggu/pinggu/store"
	"github.com/pinggu/pinggu/store/storetest"
)

// batchRound makes a list of n more sites, starts a round of everything
// and dispatches it, returning the run and its items' targets.
func batchRound(t *testing.T, f *patrolFixture, n int) (*pinggu.PatrolRun, []*pinggu.PatrolTarget) {
	t.Helper()
	l := &pinggu.PatrolList{Name: "批量巡查名单"}
	if err := f.db.CreatePatrolList(as(f.support), l); err != nil {
		t.Fatal(err)
	}
	var rows []pinggu.PatrolTargetImportRow
	for i := range n {
		rows = append(rows, pinggu.PatrolTargetImportRow{Line: i + 2, Target: pinggu.PatrolTarget{URL: "https://www.pi" + string(rune('a'+i)) + ".example.cn/"}})
	}
	if _, err := f.db.ImportPatrolTargets(as(f.support), l.ID, rows); err != nil {
		t.Fatal(err)
	}
	r := startRun(t, f, f.support)
	var items []store.PatrolFetchItem
	if _, err := f.db.DispatchPatrolFetches(context.Background(), func(_ *sql.Tx, its []store.PatrolFetchItem) error { items = its; return nil }); err != nil {
		t.Fatal(err)
	}
	var targets []*pinggu.PatrolTarget
	for _, it := range items {
		tg, err := f.db.FindPatrolTarget(as(f.support), it.TargetID)
		if err != nil {
			t.Fatal(err)
		}
		targets = append(targets, tg)
	}
	return r, targets
}

func ids(ts []*pinggu.PatrolTarget) []int64 {
	var out []int64
	for _, t := range ts {
		out = append(out, t.ID)
	}
	return out
}

// fetchAudits counts the audit entries of recorded fetches, sealed or
// still waiting for the sealer (PostgreSQL).
func fetchAudits(t *testing.T, db *store.DB) int {
	t.Helper()
	var n int
	if err := db.SQL().QueryRow("SELECT count(*) FROM audit_log WHERE action = 'patrol.fetch'").Scan(&n); err != nil {
		t.Fatal(err)
	}
	if db.Dialect() == "postgres" {
		var m int
		if err := db.SQL().QueryRow("SELECT count(*) FROM audit_pending WHERE action = 'patrol.fetch'").Scan(&m); err != nil {
			t.Fatal(err)
		}
		n += m
	}
	return n
}

func snapshotsOf(t *testing.T, db *store.DB, targetID int64) int {
	t.Helper()
	_, n, err := db.ListPatrolSnapshots(sys, pinggu.PatrolSnapshotFilter{TargetID: targetID})
	if err != nil {
		t.Fatal(err)
	}
	return n
}

// A batch is claimed once, and a page of a batch that cannot be recorded
// leaves nothing of itself behind and the others recorded, each with its
// own audit entry.
func TestPatrolBatchRecordOnePageFails(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		f := newPatrolFixture(t, db)
		ctx := context.Background()
		r, targets := batchRound(t, f, 3)
		if len(targets) != 5 {
			t.Fatalf("round of %d targets", len(targets))
		}
		tasks, err := db.ClaimPatrolFetches(ctx, r.ID, ids(targets))
		if err != nil || len(tasks) != 5 {
			t.Fatalf("claimed %d: %v", len(tasks), err)
		}
		if again, err := db.ClaimPatrolFetches(ctx, r.ID, ids(targets)); err != nil || len(again) != 0 {
			t.Fatalf("claimed again %d: %v", len(again), err)
		}
		for i, task := range tasks {
			if task.TargetID != targets[i].ID || task.URL != targets[i].URL || task.RunID != r.ID {
				t.Errorf("task %d = %+v, want the target %d %s", i, task, targets[i].ID, targets[i].URL)
			}
		}
		audits := fetchAudits(t, db)
		// The middle page names a target that is not there: its recording
		// fails after the batch's first page was written in the same
		// transaction.
		bad := observe(r.ID, 1<<40, "https://gone.example.cn/", 0)
		obs := []*pinggu.PatrolObservation{
			observe(r.ID, tasks[0].TargetID, tasks[0].URL, 75, casinoHit),
			bad,
			observe(r.ID, tasks[1].TargetID, tasks[1].URL, 0),
			observe(r.ID, tasks[2].TargetID, tasks[2].URL, 0),
		}
		errs := db.RecordPatrolFetches(ctx, obs)
		if errs[0] != nil || errs[2] != nil || errs[3] != nil {
			t.Fatalf("errs = %v", errs)
		}
		code(t, errs[1], pinggu.ENOTFOUND)
		if got := fetchAudits(t, db) - audits; got != 3 {
			t.Errorf("%d fetch audit entries, want one per recorded page (3)", got)
		}
		for _, task := range tasks[:3] {
			if n := snapshotsOf(t, db, task.TargetID); n != 1 {
				t.Errorf("target %s: %d snapshots", task.URL, n)
			}
		}
		var blobs int
		if err := db.SQL().QueryRow(db.Rebind("SELECT count(*) FROM patrol_blobs WHERE sha256 = ?"), bad.Snapshots[0].SHA256).Scan(&blobs); err != nil {
			t.Fatal(err)
		}
		if blobs != 0 {
			t.Error("the failed page's blob was kept")
		}
		ws, _, err := db.ListPatrolWarnings(as(f.support), pinggu.PatrolWarningFilter{})
		if err != nil || len(ws) != 1 || ws[0].TargetID != tasks[0].TargetID {
			t.Fatalf("warnings = %+v %v", ws, err)
		}
		run, err := db.FindPatrolRun(as(f.support), r.ID)
		if err != nil || run.State != pinggu.RunRunning || run.Done != 3 || run.Risky != 1 {
			t.Fatalf("run = %+v %v", run, err)
		}
		// The last two pages are recorded side by side: whichever commits
		// last ends the round.
		var wg sync.WaitGroup
		for _, task := range tasks[3:] {
			wg.Add(1)
			go func() {
				defer wg.Done()
				if err := db.RecordPatrolFetch(ctx, observe(r.ID, task.TargetID, task.URL, 0)); err != nil {
					t.Error(err)
				}
			}()
		}
		wg.Wait()
		run, err = db.FindPatrolRun(as(f.support), r.ID)
		if err != nil || run.State != pinggu.RunDone || run.Done != 5 || run.Failed != 0 || run.Risky != 1 {
			t.Fatalf("run = %+v %v", run, err)
		}
	})
}

// A worker killed in the middle of a batch leaves its recorded pages
// recorded and its other claimed items fetching; once they are older than
// any fetch may take they fail, the round ends, and none of them is
// fetched again in the round. A worker that stops before fetching puts
// its items back for another.
func TestPatrolWorkerKilledMidBatch(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		f := newPatrolFixture(t, db)
		ctx := context.Background()
		r, targets := batchRound(t, f, 4)
		all := ids(targets)
		tasks, err := db.ClaimPatrolFetches(ctx, r.ID, all[:4])
		if err != nil || len(tasks) != 4 {
			t.Fatalf("claimed %d: %v", len(tasks), err)
		}
		// The worker records two pages, then dies.
		errs := db.RecordPatrolFetches(ctx, []*pinggu.PatrolObservation{
			observe(r.ID, tasks[0].TargetID, tasks[0].URL, 0), observe(r.ID, tasks[1].TargetID, tasks[1].URL, 0)})
		if errs[0] != nil || errs[1] != nil {
			t.Fatal(errs)
		}
		// Another stops before fetching the rest of the round's items and
		// puts them back; a third worker takes them.
		rest, err := db.ClaimPatrolFetches(ctx, r.ID, all[4:])
		if err != nil || len(rest) != 2 {
			t.Fatalf("claimed %d: %v", len(rest), err)
		}
		if err := db.ReturnPatrolFetches(ctx, r.ID, all[4:]); err != nil {
			t.Fatal(err)
		}
		var items []store.PatrolFetchItem
		if _, err := db.DispatchPatrolFetches(ctx, func(_ *sql.Tx, its []store.PatrolFetchItem) error { items = its; return nil }); err != nil {
			t.Fatal(err)
		}
		if len(items) != 2 || !slices.ContainsFunc(items, func(it store.PatrolFetchItem) bool { return it.TargetID == all[4] }) {
			t.Fatalf("items put back and dispatched again: %+v", items)
		}
		rest, err = db.ClaimPatrolFetches(ctx, r.ID, all[4:])
		if err != nil || len(rest) != 2 {
			t.Fatalf("claimed again %d: %v", len(rest), err)
		}
		for _, task := range rest {
			if err := db.RecordPatrolFetch(ctx, observe(r.ID, task.TargetID, task.URL, 0)); err != nil {
				t.Fatal(err)
			}
		}
		// Nothing is failed before its time.
		if n, err := db.FailStalePatrolItems(ctx); err != nil || n != 0 {
			t.Fatalf("failed %d early: %v", n, err)
		}
		run, err := db.FindPatrolRun(as(f.support), r.ID)
		if err != nil || run.State != pinggu.RunRunning || run.Done != 4 {
			t.Fatalf("run = %+v %v", run, err)
		}
		clock := db.Now
		db.Now = func() time.Time { return clock().Add(11 * time.Minute) }
		defer func() { db.Now = clock }()
		if n, err := db.FailStalePatrolItems(ctx); err != nil || n != 2 {
			t.Fatalf("failed %d stale items: %v", n, err)
		}
		run, err = db.FindPatrolRun(as(f.support), r.ID)
		if err != nil || run.State != pinggu.RunDone || run.Done != 6 || run.Failed != 2 {
			t.Fatalf("run = %+v %v", run, err)
		}
		if again, err := db.ClaimPatrolFetches(ctx, r.ID, all); err != nil || len(again) != 0 {
			t.Fatalf("claimed in the ended round: %d %v", len(again), err)
		}
		for _, task := range tasks[:2] {
			if n := snapshotsOf(t, db, task.TargetID); n != 1 {
				t.Errorf("recorded page %s: %d snapshots", task.URL, n)
			}
		}
		for _, task := range tasks[2:] {
			if n := snapshotsOf(t, db, task.TargetID); n != 0 {
				t.Errorf("page %s of the dead worker: %d snapshots", task.URL, n)
			}
		}
	})
}
