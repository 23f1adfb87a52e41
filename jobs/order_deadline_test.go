package jobs

import (
	"context"
	"testing"
	"time"

	"github.com/pinggu/pinggu"
	"github.com/pinggu/pinggu/store"
	"github.com/pinggu/pinggu/store/storetest"
)

// A started runner works the daily deadline pass on its own: an order
// whose deadline passed is overdue afterwards, with a reminder proposed to
// the bureau — and nothing taken without an officer.
func TestRunnerRunsOrderDeadlines(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		sys := pinggu.WithActor(context.Background(), pinggu.SystemActor)
		bureau := &pinggu.Organisation{Kind: pinggu.OrgBureau, Name: "广东省通信管理局", Province: "440000"}
		first := "91440000000012345"
		check, _ := pinggu.USCCCheckChar(first)
		ent := &pinggu.Organisation{Kind: pinggu.OrgInternet, Name: "粤海云信科技有限公司", USCC: first + string(check), Province: "440000"}
		for _, o := range []*pinggu.Organisation{bureau, ent} {
			if err := db.CreateOrganisation(sys, o); err != nil {
				t.Fatal(err)
			}
		}
		now := time.Date(2026, 3, 1, 10, 0, 0, 0, pinggu.ChinaTime)
		db.Now = func() time.Time { return now }
		o := &pinggu.Order{OrgID: ent.ID, Issuer: "440000", Title: "整改", Problems: []*pinggu.OrderProblem{
			{Description: "问题", Requirement: "要求", DueAt: now.AddDate(0, 0, 5)}}}
		if err := db.CreateOrder(sys, o); err != nil {
			t.Fatal(err)
		}
		if _, err := db.IssueOrder(sys, o.ID); err != nil {
			t.Fatal(err)
		}
		now = now.AddDate(0, 0, 7)

		r, err := Start(context.Background(), db, Options{})
		if err != nil {
			t.Fatal(err)
		}
		waitForJob(t, r, OrderDeadlineArgs{}.Kind())
		if err := r.Stop(context.Background()); err != nil {
			t.Fatal(err)
		}
		got, err := db.FindOrder(sys, o.ID)
		if err != nil {
			t.Fatal(err)
		}
		if got.State != pinggu.OrderOverdue || len(got.Escalations) != 1 || got.Escalations[0].Step != pinggu.StepReminder ||
			got.Escalations[0].State != pinggu.EscalationProposed || got.Level != "" {
			t.Fatalf("after the job: state %s, level %q, steps %+v", got.State, got.Level, got.Escalations)
		}
	})
}
