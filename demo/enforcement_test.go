package demo

import (
	"context"
	"testing"
	"time"

	"github.com/pinggu/pinggu"
	"github.com/pinggu/pinggu/store/storetest"
)

// The demo shows orders in every state, a case escalated through to a
// penalty and the recommendation to fail, entries of the register of every
// kind, an inspection campaign on voice private lines whose failures became
// an order, and the year's boards of two provinces with decided verdicts.
func TestSeedEnforcementCoversEveryState(t *testing.T) {
	db := storetest.Open(t)
	ctx := pinggu.WithActor(context.Background(), pinggu.SystemActor)
	now := time.Date(2026, 11, 29, 12, 0, 0, 0, time.UTC)
	d := GenerateAt(ScaleDemo, 1, now)
	if err := db.LoadDataset(ctx, d, nil); err != nil {
		t.Fatal(err)
	}
	clock := func(at time.Time) { db.Now = func() time.Time { return at } }
	if _, err := SeedAssessments(ctx, db, d, now, clock); err != nil {
		t.Fatal(err)
	}
	n, err := SeedEnforcement(ctx, db, d, now, clock)
	if err != nil {
		t.Fatal(err)
	}
	orders, total, err := db.ListOrders(ctx, pinggu.OrderFilter{ListOptions: pinggu.ListOptions{Limit: 100}})
	if err != nil || total != n {
		t.Fatalf("%d orders listed, %d made: %v", total, n, err)
	}
	states := map[pinggu.OrderState]bool{}
	failed := false
	for _, o := range orders {
		states[o.State] = true
		failed = failed || (o.FailRecommended && o.Level == pinggu.StepFailAnnual)
	}
	for _, s := range pinggu.OrderStates {
		if !states[s] {
			t.Errorf("no order in state %s", s)
		}
	}
	if !failed {
		t.Error("no order escalated to the recommendation to fail")
	}
	// Every state of an extension and of a proposed step is on show.
	exts, steps := map[pinggu.ExtensionState]bool{}, map[pinggu.EscalationState]bool{}
	for _, o := range orders {
		full, err := db.FindOrder(ctx, o.ID)
		if err != nil {
			t.Fatal(err)
		}
		for _, x := range full.Extensions {
			exts[x.State] = true
		}
		for _, e := range full.Escalations {
			steps[e.State] = true
		}
	}
	for _, st := range []pinggu.ExtensionState{pinggu.ExtensionPending, pinggu.ExtensionGranted, pinggu.ExtensionRefused} {
		if !exts[st] {
			t.Errorf("no extension %s", st)
		}
	}
	for _, st := range []pinggu.EscalationState{pinggu.EscalationProposed, pinggu.EscalationTaken, pinggu.EscalationDeclined} {
		if !steps[st] {
			t.Errorf("no escalation step %s", st)
		}
	}
	bad, _, err := db.ListBadRecords(ctx, pinggu.BadRecordFilter{ListOptions: pinggu.ListOptions{Limit: 100}})
	if err != nil {
		t.Fatal(err)
	}
	kinds, bstates := map[pinggu.BadRecordKind]bool{}, map[pinggu.BadRecordState]bool{}
	for _, b := range bad {
		kinds[b.Kind], bstates[b.State] = true, true
	}
	for _, k := range pinggu.BadRecordKinds {
		if !kinds[k] {
			t.Errorf("no bad record of kind %s", k)
		}
	}
	for _, s := range []pinggu.BadRecordState{pinggu.BadActive, pinggu.BadAppealed, pinggu.BadRepaired, pinggu.BadExpired} {
		if !bstates[s] {
			t.Errorf("no bad record in state %s", s)
		}
	}
	camps, _, err := db.ListCampaigns(ctx, pinggu.CampaignFilter{})
	if err != nil {
		t.Fatal(err)
	}
	voice := false
	for _, c := range camps {
		voice = voice || (c.Category == pinggu.CatVoiceLine && c.Inspections >= 3 && c.Ordered == 1)
	}
	if !voice {
		t.Errorf("no voice-line campaign with its records and an order: %+v", camps)
	}
	for _, p := range []string{"440000", "110000"} {
		b, err := db.AnnualBoard(ctx, pinggu.BoardFilter{Province: p, Year: 2026})
		if err != nil || b.Licences == 0 || b.Decided == 0 {
			t.Fatalf("board of %s: %+v %v", p, b, err)
		}
		if p == "440000" && b.ByVerdict[pinggu.VerdictFail] == 0 {
			t.Errorf("Guangdong's board has no failed licence: %+v", b.ByVerdict)
		}
	}
	if rep, err := db.VerifyAudit(ctx); err != nil || rep.Problem != nil {
		t.Fatalf("audit chain: %+v %v", rep, err)
	}
}
