package demo

import (
	"context"
	"testing"
	"time"

	"github.com/pinggu/pinggu"
	"github.com/pinggu/pinggu/store/storetest"
)

// The demo's work plans: Guangdong's published, amended three times (a
// deadline moved, its training task linked to its events, a task for its
// selection added), with tasks done, under way and overdue and progress
// read from its campaigns, training events and competitions; Beijing's
// published; the national plan a draft.
func TestSeedPlans(t *testing.T) {
	db := storetest.Open(t)
	ctx := pinggu.WithActor(context.Background(), pinggu.SystemActor)
	now := time.Now().UTC().Truncate(time.Second)
	year := now.In(pinggu.ChinaTime).Year()
	d := GenerateAt(ScaleDemo, 1, now)
	db.Now = func() time.Time { return HistoryStart(now) }
	if err := db.LoadDataset(ctx, d, nil); err != nil {
		t.Fatal(err)
	}
	clock := func(at time.Time) { db.Now = func() time.Time { return at } }
	if _, err := SeedAssessments(ctx, db, d, now, clock); err != nil {
		t.Fatal(err)
	}
	if _, err := SeedEnforcement(ctx, db, d, now, clock); err != nil {
		t.Fatal(err)
	}
	if err := SeedPlans(ctx, db, d, now, clock); err != nil {
		t.Fatal(err)
	}
	db.Now = func() time.Time { return now }
	gd, err := db.FindPlanOf(ctx, "440000", year)
	if err != nil {
		t.Fatal(err)
	}
	if gd.State != pinggu.PlanPublished || gd.Version != 4 || len(gd.Amendments) != 3 {
		t.Errorf("Guangdong's plan: %s v%d, %d amendments", gd.State, gd.Version, len(gd.Amendments))
	}
	statuses := map[pinggu.PlanTaskStatus]bool{}
	fromRecord := 0
	for _, k := range gd.Tasks {
		statuses[k.Progress.Status] = true
		if k.Progress.FromRecord && k.Progress.Goal > 0 {
			fromRecord++
		}
		if k.Kind.Links() && (!k.Progress.FromRecord || k.Progress.Goal == 0) {
			t.Errorf("Guangdong's %s task is not read from its linked records: %+v", k.Kind, k.Progress)
		}
	}
	for _, s := range []pinggu.PlanTaskStatus{pinggu.PlanTaskDone, pinggu.PlanTaskInProgress, pinggu.PlanTaskOverdue} {
		if !statuses[s] {
			t.Errorf("no Guangdong task %s: %+v", s, statuses)
		}
	}
	if fromRecord < 4 {
		t.Errorf("%d tasks read from the record", fromRecord)
	}
	sum, err := db.PlanSummary(ctx, year)
	if err != nil {
		t.Fatal(err)
	}
	states := map[string]pinggu.PlanState{}
	for _, r := range sum {
		states[r.Province] = r.State
	}
	if states["440000"] != pinggu.PlanPublished || states["110000"] != pinggu.PlanPublished || states[""] != pinggu.PlanDraft {
		t.Errorf("plans by province: %v", states)
	}
}
