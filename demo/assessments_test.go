package demo

import (
	"context"
	"strings"
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
	db.Now = func() time.Time { return HistoryStart(now) }
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
	// Bulletins in every state; the published one numbered and carrying
	// last quarter's published cases; a typical case in each state.
	bulletins, _, err := db.ListBulletins(ctx, pinggu.BulletinFilter{ListOptions: pinggu.ListOptions{Limit: 100}})
	if err != nil {
		t.Fatal(err)
	}
	bStates := map[pinggu.BulletinState]*pinggu.Bulletin{}
	for _, b := range bulletins {
		bStates[b.State] = b
	}
	for _, st := range pinggu.BulletinStates {
		if bStates[st] == nil {
			t.Errorf("no demo bulletin is %s", st)
		}
	}
	if b := bStates[pinggu.BulletinPublished]; b != nil {
		full, err := db.FindBulletin(ctx, b.ID)
		if err != nil {
			t.Fatal(err)
		}
		if full.Number == "" || len(full.Cases) != 2 || len(full.Lines) == 0 || full.Period != "2026-Q3" {
			t.Errorf("published demo bulletin: number %q, %d cases, %d lines, period %s; want a number, 2 cases, lines, 2026-Q3",
				full.Number, len(full.Cases), len(full.Lines), full.Period)
		}
	}
	returned := false
	for _, b := range bulletins {
		returned = returned || (b.State == pinggu.BulletinDraft && b.ReturnReason != "")
	}
	if !returned {
		t.Error("no demo bulletin was returned to its drafter with a reason")
	}
	for _, st := range []pinggu.TypicalState{pinggu.TypicalDraft, pinggu.TypicalPublished} {
		if _, n, err := db.ListTypicalCases(ctx, pinggu.TypicalFilter{State: st}); err != nil || n == 0 {
			t.Errorf("typical cases %s: %d, %v", st, n, err)
		}
	}
	if rep, err := db.VerifyAudit(ctx); err != nil || rep.Problem != nil {
		t.Fatalf("audit after seeding: %+v %v", rep, err)
	}

	// The audit log reads in time order, from the ledger's load to before
	// now, and every step was taken by a person, not the platform.
	entries, _, err := db.ListAudit(ctx, pinggu.AuditFilter{ListOptions: pinggu.ListOptions{Limit: pinggu.MaxLimit, Sort: "seq"}})
	if err != nil {
		t.Fatal(err)
	}
	if entries[0].Action != "dataset.load" {
		t.Errorf("the audit log begins with %s, want the dataset's load", entries[0].Action)
	}
	for i, e := range entries {
		if !e.At.Before(now) {
			t.Errorf("entry %d (%s) is dated %s, not before now", e.Seq, e.Action, e.At)
		}
		if i > 0 && e.At.Before(entries[i-1].At) {
			t.Errorf("entry %d (%s, %s) is dated before entry %d (%s)", e.Seq, e.Action, e.At, entries[i-1].Seq, entries[i-1].At)
		}
		if strings.HasPrefix(e.Action, "assessment.") && e.ActorName == pinggu.SystemActor.Username {
			t.Errorf("entry %d (%s) was made by the platform, not a person", e.Seq, e.Action)
		}
	}
	// A refused request is among them, as a security event of a person.
	denied := 0
	for _, e := range entries {
		if e.Action == pinggu.DenialOutOfScope && e.ActorName != pinggu.SystemActor.Username && e.ObjectType == "service" {
			denied++
		}
	}
	if denied != 1 {
		t.Errorf("the demo's audit log has %d refused requests, want 1", denied)
	}
	risky, specials := 0, map[pinggu.ReviewStatus]int{}
	for _, a := range list {
		subs, err := db.Submissions(ctx, a.ID)
		if err != nil {
			t.Fatal(err)
		}
		for _, s := range subs {
			if strings.Contains(s.Submitter(), pinggu.SystemActor.Name) || s.SubmittedByName == "" {
				t.Errorf("assessment %d version %d: submitted by %q", a.ID, s.Version, s.Submitter())
			}
		}
		if a.AcceptReason != "" && a.State == pinggu.AssessAccepted && pinggu.NeedsAcceptReason(a.Score) {
			risky++
		}
		if a.Kind == pinggu.KindSpecial && a.DueAt != nil {
			specials[pinggu.StatusOfReview(*a.DueAt, now)]++
		}
	}
	if risky == 0 {
		t.Error("no demo assessment is accepted despite its risks, with a reason")
	}
	if specials[pinggu.ReviewDueSoon] == 0 || specials[pinggu.ReviewOverdue] == 0 {
		t.Errorf("the demo's special assessments stand %v; want one due soon and one overdue", specials)
	}
}
