package store_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/pinggu/pinggu"
	"github.com/pinggu/pinggu/store"
	"github.com/pinggu/pinggu/store/storetest"
)

// TestBulletinLifecycle drafts a quarterly bulletin from the data, edits,
// approves and publishes it; afterwards it never changes, and each bureau
// and enterprise sees only its part.
func TestBulletinLifecycle(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		w := setupAssessments(t, db)
		// One assessment returned in Guangdong, one accepted.
		ret := answerAll(t, db, w.ctx["entB"], create(t, db, w.ctx["entB"], &pinggu.Assessment{ServiceID: w.svcB.ID, Kind: pinggu.KindPreLaunch}), pinggu.AnswerPartial)
		mustDo(t, func() error { _, err := db.Submit(w.ctx["entB"], ret.ID); return err })
		mustDo(t, func() error { _, err := db.StartReview(w.ctx["bureauGD"], ret.ID); return err })
		mustDo(t, func() error {
			_, err := db.Review(w.ctx["bureauGD"], ret.ID, pinggu.ReviewDecision{Decision: pinggu.AssessReturned, Summary: "整改"})
			return err
		})
		accept(t, db, w, w.ctx["entA"], create(t, db, w.ctx["entA"], &pinggu.Assessment{ServiceID: w.svcA.ID, Kind: pinggu.KindPreLaunch}))
		min, support := w.ctx["ministry"], w.ctx["support"]
		quarter := pinggu.QuarterOf(time.Now())

		// A published typical case, anonymised, about B's returned assessment.
		k := &pinggu.TypicalCase{Title: "某业务上线前评估流于形式", Quarter: quarter, Category: pinggu.TypicalAssessGap, Summary: "评估材料不实。",
			Measures: "退回整改。", Lessons: "评估须实事求是。", Anonymised: true, Refs: []pinggu.Ref{{Kind: "assessment", ID: ret.ID}}}
		must(t, db.CreateTypicalCase(support, k))
		if k.OrgID != w.orgB.ID || k.Party("zh") != "某互联网企业" {
			t.Fatalf("case = %+v", k)
		}
		code(t, db.CreateTypicalCase(w.ctx["bureauGD"], &pinggu.TypicalCase{}), pinggu.EFORBIDDEN)
		_, err := db.PublishTypicalCase(support, k.ID)
		code(t, err, pinggu.EFORBIDDEN)
		_, err = db.PublishTypicalCase(min, k.ID)
		must(t, err)

		// Rectification and emergency response in the quarter: Guangdong
		// issues an order and commands an incident and a drill; the
		// ministry commands an incident of its own.
		order := &pinggu.Order{OrgID: w.orgB.ID, ServiceID: w.svcB.ID, Title: "融合通信业务安全问题整改", Basis: "《中华人民共和国网络安全法》第五十九条",
			Problems: []*pinggu.OrderProblem{{Description: "未落实用户真实身份信息登记", Requirement: "完成存量用户实名核验", DueAt: time.Now().AddDate(0, 0, 20)}}}
		must(t, db.CreateOrder(w.ctx["bureauGD"], order))
		_, err = db.IssueOrder(w.ctx["bureauGD"], order.ID)
		must(t, err)
		for who, x := range map[string]*pinggu.Incident{
			"bureauGD": {Title: "乙方业务数据泄露", Level: pinggu.LevelIV, Category: pinggu.IncidentDataLeak, Province: "440000", ServiceIDs: []int64{w.svcB.ID}},
			"ministry": {Title: "跨省涉诈风险", Level: pinggu.LevelII, Category: pinggu.IncidentFraud, ServiceIDs: []int64{w.svcA.ID, w.svcC.ID}},
		} {
			must(t, db.DeclareIncident(w.ctx[who], x))
		}
		must(t, db.DeclareIncident(w.ctx["bureauGD"], &pinggu.Incident{Title: "应急演练", Level: pinggu.LevelIII, Category: pinggu.IncidentOutage,
			Province: "440000", ServiceIDs: []int64{w.svcA.ID}, Drill: true}))

		_, err = db.DraftBulletin(w.ctx["bureauGD"], pinggu.BulletinDrafting{Period: quarter})
		code(t, err, pinggu.EFORBIDDEN)
		_, err = db.DraftBulletin(support, pinggu.BulletinDrafting{Period: "2026-Q5"})
		code(t, err, pinggu.EINVALID)
		b, err := db.DraftBulletin(support, pinggu.BulletinDrafting{Period: quarter})
		must(t, err)
		fig := map[string]float64{}
		for _, f := range b.Figures {
			fig[f.Key] = f.Value
		}
		if fig["submitted"] != 2 || fig["accepted"] != 1 || fig["returned"] != 1 || fig["orders"] != 1 || fig["incidents"] != 2 {
			t.Fatalf("national figures %v", fig)
		}
		if !strings.Contains(b.Intro, "审核通过1项，退回整改1项") || !strings.Contains(b.Intro, "下发整改通知1份，启动应急响应处置事件2起") || len(b.Cases) != 1 {
			t.Fatalf("intro %q, cases %d", b.Intro, len(b.Cases))
		}
		col := map[string]int{}
		for i, f := range b.Figures {
			col[f.Key] = i
		}
		var gd *pinggu.BulletinLine
		var entLines []*pinggu.BulletinLine
		for _, l := range b.Lines {
			if l.Kind == pinggu.LineProvince && l.Province == "440000" {
				gd = l
			}
			if l.Kind == pinggu.LineEnterprise {
				entLines = append(entLines, l)
			}
		}
		if gd == nil || gd.Rank != 1 || gd.Values[col["accepted"]] != 1 || gd.Values[col["returned"]] != 1 ||
			gd.Values[col["orders"]] != 1 || gd.Values[col["incidents"]] != 1 {
			t.Fatalf("Guangdong's line = %+v (columns %v)", gd, col)
		}
		if len(entLines) != 1 || entLines[0].OrgID != w.orgB.ID || !strings.Contains(entLines[0].Note, "通报批评") {
			t.Fatalf("enterprise lines = %+v", entLines)
		}
		// Drafts are the drafters' alone.
		for _, who := range []string{"bureauGD", "entB", "tp"} {
			_, err := db.FindBulletin(w.ctx[who], b.ID)
			code(t, err, pinggu.ENOTFOUND)
		}
		title := "关于本季度安全评估工作情况的通报"
		_, err = db.EditBulletin(support, b.ID, pinggu.BulletinEdit{Title: &title, Notes: map[int64]string{entLines[0].ID: "予以通报批评。"}})
		must(t, err)
		_, err = db.StepBulletin(support, b.ID, pinggu.BulletinApprove, "")
		code(t, err, pinggu.EFORBIDDEN)
		_, err = db.StepBulletin(support, b.ID, pinggu.BulletinSubmit, "")
		must(t, err)
		_, err = db.EditBulletin(support, b.ID, pinggu.BulletinEdit{Title: &title})
		code(t, err, pinggu.ECONFLICT)
		_, err = db.StepBulletin(min, b.ID, pinggu.BulletinPublish, "")
		code(t, err, pinggu.ECONFLICT)
		got, err := db.StepBulletin(min, b.ID, pinggu.BulletinApprove, "")
		must(t, err)
		if !strings.HasPrefix(got.Number, "工信安评通报〔") || got.State != pinggu.BulletinApproved {
			t.Fatalf("approved = %s %s", got.Number, got.State)
		}
		_, err = db.StepBulletin(min, b.ID, pinggu.BulletinPublish, "")
		must(t, err)

		// Published: immutable, for the store and for the database itself.
		_, err = db.EditBulletin(min, b.ID, pinggu.BulletinEdit{Title: &title})
		code(t, err, pinggu.ECONFLICT)
		for _, q := range []string{"UPDATE bulletins SET title = 'x' WHERE id = ?", "UPDATE bulletin_lines SET note = 'x' WHERE bulletin_id = ?", "DELETE FROM bulletin_lines WHERE bulletin_id = ?"} {
			if _, err := db.SQL().ExecContext(context.Background(), db.Rebind(q), b.ID); err == nil {
				t.Fatalf("%s: the database let a published bulletin change", q)
			}
		}
		// Guangdong sees its province's line and its enterprises'; B sees
		// its own line; A, named nowhere, does not see the bulletin.
		gdView, err := db.FindBulletin(w.ctx["bureauGD"], b.ID)
		must(t, err)
		for _, l := range gdView.Lines {
			if l.Province != "440000" {
				t.Fatalf("Guangdong sees a line of %s", l.Province)
			}
		}
		if len(gdView.Lines) != 2 || gdView.Title != title {
			t.Fatalf("Guangdong sees %d lines", len(gdView.Lines))
		}
		bView, err := db.FindBulletin(w.ctx["entB"], b.ID)
		must(t, err)
		if len(bView.Lines) != 1 || bView.Lines[0].OrgID != w.orgB.ID || len(bView.Cases) != 1 {
			t.Fatalf("B sees %+v", bView.Lines)
		}
		_, err = db.FindBulletin(w.ctx["entA"], b.ID)
		code(t, err, pinggu.ENOTFOUND)
		if list, total, _ := db.ListBulletins(w.ctx["entB"], pinggu.BulletinFilter{}); total != 1 || list[0].ID != b.ID {
			t.Fatalf("B lists %d bulletins", total)
		}
		// The bureau of Beijing sees the national bulletin with its own line only.
		bj, err := db.FindBulletin(w.ctx["bureauBJ"], b.ID)
		must(t, err)
		if len(bj.Lines) != 1 || bj.Lines[0].Province != "110000" {
			t.Fatalf("Beijing sees %+v", bj.Lines)
		}
		// The publication reached Guangdong's bureau and B, filed under each.
		for who, want := range map[string]int{"bureauGD": 1, "entB": 1, "entA": 0} {
			ns, _, err := db.ListNotices(w.ctx[who], pinggu.NoticeFilter{Kind: "bulletin.published"})
			must(t, err)
			if len(ns) != want {
				t.Errorf("%s has %d publication notices, want %d", who, len(ns), want)
			}
		}
		verifyOK(t, db)
	})
}
