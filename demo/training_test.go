package demo

import (
	"context"
	"testing"
	"time"

	"github.com/pinggu/pinggu"
	"github.com/pinggu/pinggu/store/storetest"
)

// The demo has a year of training in every state, with attendance, scores
// and certificates, and the dashboard's training figures count it exactly.
func TestSeedTraining(t *testing.T) {
	db := storetest.Open(t)
	ctx := pinggu.WithActor(context.Background(), pinggu.SystemActor)
	now := time.Date(2026, 11, 29, 12, 0, 0, 0, time.UTC)
	d := GenerateAt(ScaleDemo, 1, now)
	db.Now = func() time.Time { return HistoryStart(now) }
	if err := db.LoadDataset(ctx, d, nil); err != nil {
		t.Fatal(err)
	}
	if _, err := SeedAssessments(ctx, db, d, now, func(at time.Time) { db.Now = func() time.Time { return at } }); err != nil {
		t.Fatal(err)
	}
	list, total, err := db.ListTrainings(ctx, pinggu.TrainingFilter{})
	if err != nil {
		t.Fatal(err)
	}
	if total != len(demoTrainings) {
		t.Fatalf("%d events, want %d", total, len(demoTrainings))
	}
	states := map[pinggu.TrainingState]int{}
	certs := 0
	for _, e := range list {
		states[e.State]++
		full, err := db.FindTraining(ctx, e.ID)
		if err != nil {
			t.Fatal(err)
		}
		for _, a := range full.Attendees {
			if a.CertNumber != "" {
				certs++
			}
		}
	}
	for _, st := range pinggu.TrainingStates {
		if states[st] == 0 {
			t.Errorf("no demo training is %s (%v)", st, states)
		}
	}
	if certs == 0 {
		t.Error("no demo certificate issued")
	}
	if diffs, err := db.VerifyStats(ctx); err != nil || len(diffs) > 0 {
		t.Fatalf("counters: %v %v", err, diffs)
	}
	dash, err := pinggu.BuildDashboard(ctx, db, now)
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range dash.Figures {
		if f.Group == "people" && f.Value == 0 {
			t.Errorf("dashboard figure %s is 0", f.Key)
		}
	}
}
