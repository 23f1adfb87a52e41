package jobs

import (
	"context"
	"testing"
	"time"

	"github.com/pinggu/pinggu"
	"github.com/pinggu/pinggu/patrol/patrolsite"
	"github.com/pinggu/pinggu/store"
	"github.com/pinggu/pinggu/store/storetest"
)

// waitRecheck waits until the re-fetch of an answer has a result.
func waitRecheck(t *testing.T, db *store.DB, ctx context.Context, orderID, answerID int64) *pinggu.RecheckResult {
	t.Helper()
	deadline := time.Now().Add(60 * time.Second)
	for {
		o, err := db.FindOrder(ctx, orderID)
		if err != nil {
			t.Fatal(err)
		}
		for _, p := range o.Problems {
			for _, a := range p.Answers {
				if a.ID == answerID && a.Recheck != nil && a.Recheck.State != pinggu.RecheckPending {
					return a.Recheck
				}
			}
		}
		if time.Now().After(deadline) {
			t.Fatalf("the re-fetch of answer %d has no result", answerID)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// An enterprise answers the problems of an order built from patrol
// warnings: each answer queues a re-fetch of the page on the patrol queue,
// run against a real site on 127.0.0.1; a page the site cleaned is
// recorded as gone and accepted without more, a page still hacked as
// present, whose acceptance needs a reason, until the bureau's second
// re-fetch finds it cleaned too.
func TestAnswerRecheckAgainstLocalSite(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		site, err := patrolsite.Start(patrolsite.Options{Pages: 300})
		if err != nil {
			t.Fatal(err)
		}
		defer site.Close()
		sys := pinggu.WithActor(context.Background(), pinggu.SystemActor)
		gd := &pinggu.Organisation{Kind: pinggu.OrgBureau, Name: "广东省通信管理局", Province: "440000"}
		first := "91440000000012345"
		check, _ := pinggu.USCCCheckChar(first)
		ent := &pinggu.Organisation{Kind: pinggu.OrgInternet, Name: "粤海云信科技有限公司", USCC: first + string(check), Province: "440000"}
		for _, o := range []*pinggu.Organisation{gd, ent} {
			if err := db.CreateOrganisation(sys, o); err != nil {
				t.Fatal(err)
			}
		}
		bureau := pinggu.WithActor(context.Background(), &pinggu.Actor{UserID: 1, Username: "gd", Name: "李明", Role: pinggu.RoleBureau, OrgID: gd.ID, Province: "440000"})
		entAdmin := pinggu.WithActor(context.Background(), &pinggu.Actor{UserID: 2, Username: "ent", Name: "王芳", Role: pinggu.RoleEntAdmin, OrgID: ent.ID, OrgIDs: []int64{ent.ID}})
		sup := pinggu.WithActor(context.Background(), &pinggu.Actor{UserID: 3, Username: "analyst", Name: "郭雪宁", Role: pinggu.RoleSupport})

		// Two hacked pages of the enterprise's site, patrolled and warned.
		h1, ok := site.Find(patrolsite.Hacked, "", 0)
		h2, ok2 := site.Find(patrolsite.Hacked, "", h1+1)
		if !ok || !ok2 {
			t.Fatal("no hacked pages")
		}
		l := &pinggu.PatrolList{Name: "企业网站"}
		if err := db.CreatePatrolList(sup, l); err != nil {
			t.Fatal(err)
		}
		rows := []pinggu.PatrolTargetImportRow{
			{Line: 2, Target: pinggu.PatrolTarget{URL: site.URL(h1), Kind: pinggu.PatrolPage, OrgID: ent.ID}},
			{Line: 3, Target: pinggu.PatrolTarget{URL: site.URL(h2), Kind: pinggu.PatrolPage, OrgID: ent.ID}},
		}
		if _, err := db.ImportPatrolTargets(sup, l.ID, rows); err != nil {
			t.Fatal(err)
		}
		plan := &pinggu.PatrolPlan{Name: "企业网站巡查", ListIDs: []int64{l.ID}, Active: true}
		if err := db.CreatePatrolPlan(sup, plan); err != nil {
			t.Fatal(err)
		}
		r, err := Start(context.Background(), db, Options{Patrol: patrolOptions(site, nil)})
		if err != nil {
			t.Fatal(err)
		}
		defer r.Stop(context.Background())
		run, err := db.RunPatrolPlan(sup, plan.ID)
		if err != nil {
			t.Fatal(err)
		}
		waitRun(t, db, sup, run.ID)
		ws, _, err := db.ListPatrolWarnings(bureau, pinggu.PatrolWarningFilter{ListOptions: pinggu.ListOptions{Limit: 10}})
		if err != nil {
			t.Fatal(err)
		}
		warned := map[string]*pinggu.PatrolWarning{}
		for _, w := range ws {
			warned[w.URL] = w
		}
		w1, w2 := warned[site.URL(h1)], warned[site.URL(h2)]
		if w1 == nil || w2 == nil {
			t.Fatalf("warnings %+v", ws)
		}

		// The bureau orders the enterprise to rectify both pages.
		due := time.Now().AddDate(0, 0, 10)
		o := &pinggu.Order{OrgID: ent.ID, Title: "网站被植入赌博信息整改", Problems: []*pinggu.OrderProblem{
			{Source: pinggu.Ref{Kind: pinggu.RefPatrolWarning, ID: w1.ID}, Description: "页面被植入赌博推广信息", Requirement: "清除有害信息", DueAt: due},
			{Source: pinggu.Ref{Kind: pinggu.RefPatrolWarning, ID: w2.ID}, Description: "页面被植入赌博推广信息", Requirement: "清除有害信息", DueAt: due},
		}}
		if err := db.CreateOrder(bureau, o); err != nil {
			t.Fatal(err)
		}
		issued, err := db.IssueOrder(bureau, o.ID)
		if err != nil {
			t.Fatal(err)
		}
		p1, p2 := issued.Problems[0], issued.Problems[1]

		// The first page is cleaned; answering queues its re-fetch.
		site.Clean(h1)
		a1, err := db.AnswerProblem(entAdmin, p1.ID, pinggu.AnswerInput{Report: "已清除被植入的赌博推广链接"})
		if err != nil {
			t.Fatal(err)
		}
		if a1.Recheck == nil || a1.Recheck.State != pinggu.RecheckPending || a1.Recheck.RunID == 0 {
			t.Fatalf("answering did not queue a re-fetch: %+v", a1.Recheck)
		}
		res := waitRecheck(t, db, bureau, o.ID, a1.ID)
		if res.State != pinggu.RecheckGone || !res.Clean || res.Snapshot.ID == 0 || res.CheckedAt == nil {
			t.Fatalf("re-fetch of the cleaned page: %+v", res)
		}
		if body, err := db.PatrolSnapshotBody(bureau, res.Snapshot.ID); err != nil || len(body) == 0 {
			t.Fatalf("the re-fetch's snapshot: %d bytes, %v", len(body), err)
		}
		if _, err := db.VerifyAnswer(bureau, a1.ID, pinggu.VerifyInput{Decision: pinggu.AnswerAccepted}); err != nil {
			t.Fatalf("accepting after a clean re-fetch: %v", err)
		}

		// The second page is still hacked: accepting needs a reason.
		a2, err := db.AnswerProblem(entAdmin, p2.ID, pinggu.AnswerInput{Report: "已整改"})
		if err != nil {
			t.Fatal(err)
		}
		if res := waitRecheck(t, db, bureau, o.ID, a2.ID); res.State != pinggu.RecheckPresent || res.Clean || res.Snapshot.ID == 0 {
			t.Fatalf("re-fetch of the page still hacked: %+v", res)
		}
		_, err = db.VerifyAnswer(bureau, a2.ID, pinggu.VerifyInput{Decision: pinggu.AnswerAccepted})
		if got := pinggu.ErrorCode(err); got != pinggu.EINVALID {
			t.Fatalf("accepting while the content is present: %v", err)
		}
		_, err = db.RecheckAnswer(entAdmin, a2.ID)
		if got := pinggu.ErrorCode(err); got != pinggu.ENOTFOUND && got != pinggu.EFORBIDDEN {
			t.Fatalf("the enterprise asked for a re-fetch: %v", err)
		}
		// Once the site is cleaned the bureau fetches again, and accepts.
		site.Clean(h2)
		again, err := db.RecheckAnswer(bureau, a2.ID)
		if err != nil {
			t.Fatal(err)
		}
		if again.Recheck.State != pinggu.RecheckPending {
			t.Fatalf("second re-fetch %+v", again.Recheck)
		}
		if _, err := db.RecheckAnswer(bureau, a2.ID); pinggu.ErrorCode(err) != pinggu.ECONFLICT {
			t.Fatalf("a third re-fetch while one is pending: %v", err)
		}
		if res := waitRecheck(t, db, bureau, o.ID, a2.ID); res.State != pinggu.RecheckGone {
			t.Fatalf("second re-fetch: %+v", res)
		}
		if _, err := db.VerifyAnswer(bureau, a2.ID, pinggu.VerifyInput{Decision: pinggu.AnswerAccepted}); err != nil {
			t.Fatal(err)
		}
		if got, _ := db.FindOrder(bureau, o.ID); got.State != pinggu.OrderClosed {
			t.Errorf("order after both answers accepted: %s", got.State)
		}
	})
}
