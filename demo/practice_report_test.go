package demo

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/pinggu/pinggu"
	"github.com/pinggu/pinggu/store/storetest"
)

// The demo has practice reports in every state, and the Guangdong
// bureau's overview of the last quarter every status, some enterprises
// not reported.
func TestSeedPracticeReportsCoversEveryState(t *testing.T) {
	db := storetest.Open(t)
	ctx := pinggu.WithActor(context.Background(), pinggu.SystemActor)
	now := time.Date(2026, 11, 29, 12, 0, 0, 0, time.UTC)
	d := GenerateAt(ScaleDemo, 1, now)
	db.Now = func() time.Time { return HistoryStart(now) }
	if err := db.LoadDataset(ctx, d, nil); err != nil {
		t.Fatal(err)
	}
	n, err := SeedPracticeReports(ctx, db, d, now, func(at time.Time) { db.Now = func() time.Time { return at } })
	if err != nil {
		t.Fatal(err)
	}
	list, total, err := db.ListPracticeReports(ctx, pinggu.PracticeReportFilter{ListOptions: pinggu.ListOptions{Limit: 200}})
	if err != nil || total != n || n < 15 {
		t.Fatalf("%d reports listed, %d made, %v", total, n, err)
	}
	states := map[pinggu.ReportState]int{}
	for _, r := range list {
		states[r.State]++
		if r.SubmittedAt != nil && !r.SubmittedAt.Before(now) {
			t.Errorf("report %d submitted at %v, after now", r.ID, r.SubmittedAt)
		}
	}
	for _, st := range pinggu.ReportStates {
		if states[st] == 0 {
			t.Errorf("no demo report is %s (%v)", st, states)
		}
	}
	gd := pinggu.WithActor(ctx, &pinggu.Actor{Role: pinggu.RoleBureau, Province: "440000", Name: "广东局"})
	ov, err := db.ReportOverview(gd, pinggu.ReportOverviewFilter{Period: string(pinggu.PreviousQuarter(now))})
	if err != nil {
		t.Fatal(err)
	}
	if ov.Total.NotReported == 0 || ov.Total.Submitted == 0 || ov.Total.Returned == 0 || ov.Total.Accepted == 0 {
		t.Errorf("Guangdong's overview of the last quarter = %+v", ov.Total)
	}
	// The reports' steps are in the audit log in time order, each taken
	// by a person.
	entries, _, err := db.ListAudit(ctx, pinggu.AuditFilter{ListOptions: pinggu.ListOptions{Limit: pinggu.MaxLimit, Sort: "seq"}})
	if err != nil {
		t.Fatal(err)
	}
	var prev time.Time
	for _, e := range entries {
		if !strings.HasPrefix(e.Action, "practice_report.") {
			continue
		}
		if e.At.Before(prev) || !e.At.Before(now) || e.ActorName == pinggu.SystemActor.Username {
			t.Errorf("entry %d (%s) at %s by %s, after %s", e.Seq, e.Action, e.At, e.ActorName, prev)
		}
		prev = e.At
	}
}
