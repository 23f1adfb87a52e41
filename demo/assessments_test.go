package demo

import (
	"context"
	"testing"
	"time"

	"github.com/pinggu/pinggu"
	"github.com/pinggu/pinggu/store/storetest"
)

// The demo shows assessments in every state, the accepted pre-launch ones
// with their services launched, and the demo enterprise has work of its own
// waiting (a draft and a returned assessment).
func TestSeedAssessmentsCoversEveryState(t *testing.T) {
	db := storetest.Open(t)
	ctx := pinggu.WithActor(context.Background(), pinggu.SystemActor)
	now := time.Date(2026, 11, 29, 12, 0, 0, 0, time.UTC)
	d := GenerateAt(ScaleDemo, 1, now)
	if err := db.LoadDataset(ctx, d, nil); err != nil {
		t.Fatal(err)
	}
	n, err := SeedAssessments(ctx, db, d, now, func(at time.Time) { db.Now = func() time.Time { return at } })
	if err != nil {
		t.Fatal(err)
	}
	list, total, err := db.ListAssessments(ctx, pinggu.AssessmentFilter{ListOptions: pinggu.ListOptions{Limit: 100}})
	if err != nil {
		t.Fatal(err)
	}
	if total != n || n < 10 {
		t.Fatalf("%d assessments listed, %d reported made; want ≥ 10 and equal", total, n)
	}
	states, kinds := map[pinggu.AssessmentState]int{}, map[pinggu.AssessmentKind]int{}
	entStates := map[pinggu.AssessmentState]bool{}
	for _, a := range list {
		states[a.State]++
		kinds[a.Kind]++
		if a.OrgName == nameEnt {
			entStates[a.State] = true
		}
		if a.State == pinggu.AssessAccepted && a.Kind == pinggu.KindPreLaunch {
			s, err := db.FindService(ctx, a.ServiceID)
			if err != nil || s.Status != pinggu.StatusLaunched {
				t.Errorf("accepted pre-launch assessment %d: service %+v, %v; want launched", a.ID, s, err)
			}
		}
	}
	for _, st := range pinggu.AssessmentStates {
		if states[st] == 0 {
			t.Errorf("no demo assessment is %s (states: %v)", st, states)
		}
	}
	for _, k := range pinggu.AssessmentKinds {
		if kinds[k] == 0 {
			t.Errorf("no demo assessment of kind %s", k)
		}
	}
	if !entStates[pinggu.AssessDraft] || !entStates[pinggu.AssessReturned] {
		t.Errorf("the demo enterprise's own assessments are %v; want a draft and a returned one", entStates)
	}
	if rep, err := db.VerifyAudit(ctx); err != nil || rep.Problem != nil {
		t.Fatalf("audit after seeding: %+v %v", rep, err)
	}
}
