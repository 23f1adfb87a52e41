package store_test

import (
	"io"
	"strings"
	"testing"
	"time"

	"github.com/pinggu/pinggu"
	"github.com/pinggu/pinggu/store"
	"github.com/pinggu/pinggu/store/storetest"
)

// enforcementWorld is a Guangdong bureau, one of its enterprises with a
// service and a licence, and a Shanghai bureau that must see none of it.
type enforcementWorld struct {
	db              *store.DB
	clock           time.Time
	bureau, sh, ent *pinggu.Actor
	org             *pinggu.Organisation
	svc             *pinggu.Service
	licence         *pinggu.Licence
}

func (w *enforcementWorld) at(t time.Time) { w.clock = t }

func newEnforcementWorld(t *testing.T, db *store.DB) *enforcementWorld {
	t.Helper()
	w := &enforcementWorld{db: db, clock: time.Date(2026, 3, 1, 10, 0, 0, 0, pinggu.ChinaTime)}
	db.Now = func() time.Time { return w.clock }
	gd := &pinggu.Organisation{Kind: pinggu.OrgBureau, Name: "广东省通信管理局", Province: "440000"}
	shb := &pinggu.Organisation{Kind: pinggu.OrgBureau, Name: "上海市通信管理局", Province: "310000"}
	for _, o := range []*pinggu.Organisation{gd, shb} {
		if err := db.CreateOrganisation(sys, o); err != nil {
			t.Fatal(err)
		}
	}
	w.org = mkOrg(t, db, "粤海云信科技有限公司", "440000", nil)
	w.svc = mkService(t, db, w.org.ID, "粤海即时通信")
	w.licence = &pinggu.Licence{OrgID: w.org.ID, Number: "粤B2-20240001", Categories: []string{"B25"}, Issuer: "广东省通信管理局",
		ValidFrom: time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC), ValidTo: time.Date(2029, 1, 1, 0, 0, 0, 0, time.UTC)}
	if err := db.CreateLicence(sys, w.licence); err != nil {
		t.Fatal(err)
	}
	w.bureau = &pinggu.Actor{UserID: 1, Username: "gd", Role: pinggu.RoleBureau, OrgID: gd.ID, Province: "440000"}
	w.sh = &pinggu.Actor{UserID: 2, Username: "sh", Role: pinggu.RoleBureau, OrgID: shb.ID, Province: "310000"}
	w.ent = &pinggu.Actor{UserID: 3, Username: "ent", Role: pinggu.RoleEntAdmin, OrgID: w.org.ID, OrgIDs: []int64{w.org.ID}}
	return w
}

func (w *enforcementWorld) draft(t *testing.T, due time.Time) *pinggu.Order {
	t.Helper()
	o := &pinggu.Order{OrgID: w.org.ID, ServiceID: w.svc.ID, Title: "即时通信业务安全问题整改", Basis: "《中华人民共和国网络安全法》第五十九条",
		Problems: []*pinggu.OrderProblem{
			{Description: "未落实用户真实身份信息登记", Requirement: "对全部存量用户完成实名核验", Severity: pinggu.SeverityHigh, DueAt: due},
			{Description: "日志留存不足六个月", Requirement: "网络日志留存不少于六个月", DueAt: due},
		}}
	if err := w.db.CreateOrder(as(w.bureau), o); err != nil {
		t.Fatal(err)
	}
	return o
}

// TestOrderWholeLife follows one order from its draft through answers,
// a rejected answer, the deadline, every step of the ladder and the
// register, to the licence's annual verdict — on both databases.
func TestOrderWholeLife(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		w := newEnforcementWorld(t, db)
		due := time.Date(2026, 3, 20, 0, 0, 0, 0, pinggu.ChinaTime)
		o := w.draft(t, due)
		if o.State != pinggu.OrderDraft {
			t.Fatalf("new order state %s", o.State)
		}
		_, err := db.FindOrder(as(w.ent), o.ID)
		code(t, err, pinggu.ENOTFOUND) // a draft is the bureau's alone
		_, err = db.IssueOrder(as(w.sh), o.ID)
		code(t, err, pinggu.ENOTFOUND)

		issued, err := db.IssueOrder(as(w.bureau), o.ID)
		if err != nil {
			t.Fatal(err)
		}
		if got, want := issued.DocNumber, "粤通管安〔2026〕1号"; got != want {
			t.Errorf("document number %s, want %s", got, want)
		}
		if err := db.SetDocPrefix(as(w.bureau), "粤通管网安"); err != nil {
			t.Fatal(err)
		}
		second, err := db.IssueOrder(as(w.bureau), w.draft(t, due).ID)
		if err != nil {
			t.Fatal(err)
		}
		if got, want := second.DocNumber, "粤通管网安〔2026〕2号"; got != want {
			t.Errorf("second document number %s, want %s", got, want)
		}
		if _, err := db.RevokeOrder(as(w.bureau), second.ID, "重复下达"); err != nil {
			t.Fatal(err)
		}

		// The enterprise answers both problems, with evidence for the first.
		p1, p2 := issued.Problems[0], issued.Problems[1]
		a1, err := db.AnswerProblem(as(w.ent), p1.ID, pinggu.AnswerInput{Report: "已完成存量用户实名核验",
			Files: []pinggu.UploadFile{{Name: "核验报告.txt", Data: strings.NewReader("核验完成 100%")}}})
		if err != nil {
			t.Fatal(err)
		}
		if len(a1.Evidence) != 1 || a1.Evidence[0].SHA256 == "" {
			t.Fatalf("evidence not kept: %+v", a1.Evidence)
		}
		_, rc, err := db.OpenOrderEvidence(as(w.bureau), a1.Evidence[0].ID)
		if err != nil {
			t.Fatal(err)
		}
		body, _ := io.ReadAll(rc)
		rc.Close()
		if string(body) != "核验完成 100%" {
			t.Errorf("evidence content %q", body)
		}
		_, _, err = db.OpenOrderEvidence(as(w.sh), a1.Evidence[0].ID)
		code(t, err, pinggu.ENOTFOUND)
		a2, err := db.AnswerProblem(as(w.ent), p2.ID, pinggu.AnswerInput{Report: "已调整日志策略"})
		if err != nil {
			t.Fatal(err)
		}
		_, err = db.AnswerProblem(as(w.ent), p2.ID, pinggu.AnswerInput{Report: "再次答复"})
		code(t, err, pinggu.ECONFLICT) // one answer waits at a time
		if got := mustOrder(t, db, w.bureau, o.ID).State; got != pinggu.OrderAnswered {
			t.Errorf("after both answers: %s", got)
		}

		// The bureau accepts one answer and rejects the other.
		if _, err := db.VerifyAnswer(as(w.bureau), a1.ID, pinggu.VerifyInput{Decision: pinggu.AnswerAccepted}); err != nil {
			t.Fatal(err)
		}
		_, err = db.VerifyAnswer(as(w.bureau), a2.ID, pinggu.VerifyInput{Decision: pinggu.AnswerRejected})
		code(t, err, pinggu.EINVALID) // a rejection needs its reason
		if _, err := db.VerifyAnswer(as(w.bureau), a2.ID, pinggu.VerifyInput{Decision: pinggu.AnswerRejected, Reason: "未提供日志留存配置截图"}); err != nil {
			t.Fatal(err)
		}
		_, err = db.VerifyAnswer(as(w.sh), a2.ID, pinggu.VerifyInput{Decision: pinggu.AnswerAccepted})
		code(t, err, pinggu.ENOTFOUND)
		if got := mustOrder(t, db, w.bureau, o.ID).State; got != pinggu.OrderIssued {
			t.Errorf("after a rejection: %s", got)
		}

		// A request for more time, refused.
		x, err := db.RequestExtension(as(w.ent), o.ID, pinggu.ExtensionInput{Reason: "设备采购周期较长", RequestedDue: due.AddDate(0, 1, 0)})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := db.DecideExtension(as(w.bureau), x.ID, pinggu.DecisionInput{Grant: false, Reason: "整改内容不涉及设备采购"}); err != nil {
			t.Fatal(err)
		}

		// Nothing happens before the deadline has passed.
		w.at(time.Date(2026, 3, 20, 23, 0, 0, 0, pinggu.ChinaTime))
		run := mustRun(t, db)
		if run.Overdue != 0 || run.Proposed != 0 {
			t.Fatalf("before the deadline: %+v", run)
		}
		// The ladder, one step after another, each decided by the bureau.
		steps := []struct {
			day    time.Time
			step   pinggu.EscalationStep
			detail *pinggu.StepDetail
		}{
			{time.Date(2026, 3, 21, 2, 0, 0, 0, pinggu.ChinaTime), pinggu.StepReminder, nil},
			{time.Date(2026, 3, 28, 9, 0, 0, 0, pinggu.ChinaTime), pinggu.StepInterview, &pinggu.StepDetail{InterviewAt: ptr(time.Date(2026, 3, 28, 10, 0, 0, 0, pinggu.ChinaTime)),
				Attendees: "广东省通信管理局网络安全管理处；企业分管副总", Minutes: "指出日志留存问题", Commitments: "十日内完成日志留存整改"}},
			{time.Date(2026, 4, 12, 9, 0, 0, 0, pinggu.ChinaTime), pinggu.StepCriticism, &pinggu.StepDetail{Circular: "对粤海云信科技有限公司予以通报批评。"}},
			{time.Date(2026, 5, 12, 9, 0, 0, 0, pinggu.ChinaTime), pinggu.StepPenalty, &pinggu.StepDetail{LegalBasis: "《中华人民共和国网络安全法》第五十九条",
				AmountYuan: 50000, DecisionNumber: "粤通管罚〔2026〕3号", DecisionDate: ptr(time.Date(2026, 5, 12, 0, 0, 0, 0, pinggu.ChinaTime))}},
			{time.Date(2026, 6, 11, 9, 0, 0, 0, pinggu.ChinaTime), pinggu.StepFailAnnual, nil},
		}
		for i, s := range steps {
			w.at(s.day)
			run := mustRun(t, db)
			if run.Proposed != 1 {
				t.Fatalf("step %d (%s): the job proposed %d", i, s.step, run.Proposed)
			}
			if again := mustRun(t, db); again.Proposed != 0 {
				t.Fatalf("step %d: a second run proposed again", i)
			}
			ord := mustOrder(t, db, w.bureau, o.ID)
			if ord.State != pinggu.OrderOverdue {
				t.Fatalf("order state %s", ord.State)
			}
			e := ord.Escalations[len(ord.Escalations)-1]
			if e.Step != s.step || e.State != pinggu.EscalationProposed || len(e.Reasons) == 0 {
				t.Fatalf("step %d proposed %+v", i, e)
			}
			if s.step == pinggu.StepInterview {
				_, err := db.DecideEscalation(as(w.bureau), e.ID, pinggu.EscalationDecision{Take: true, Detail: &pinggu.StepDetail{}})
				code(t, err, pinggu.EINVALID) // an interview is recorded whole
			}
			_, err = db.DecideEscalation(as(w.sh), e.ID, pinggu.EscalationDecision{Take: true, Detail: s.detail})
			code(t, err, pinggu.ENOTFOUND)
			taken, err := db.DecideEscalation(as(w.bureau), e.ID, pinggu.EscalationDecision{Take: true, Note: "同意", Detail: s.detail})
			if err != nil {
				t.Fatalf("step %d: %v", i, err)
			}
			if _, isKind := pinggu.BadRecordKindOf(s.step); isKind != (taken.BadRecordID != 0) {
				t.Errorf("step %s: bad record %d", s.step, taken.BadRecordID)
			}
		}
		final := mustOrder(t, db, w.bureau, o.ID)
		if final.Level != pinggu.StepFailAnnual || !final.FailRecommended {
			t.Errorf("final order level %s, fail recommended %v", final.Level, final.FailRecommended)
		}

		// The register: the enterprise sees its three entries, Shanghai none.
		own, n, err := db.ListBadRecords(as(w.ent), pinggu.BadRecordFilter{})
		if err != nil || n != 3 {
			t.Fatalf("enterprise's register: %d entries, %v", n, err)
		}
		if _, n, _ := db.ListBadRecords(as(w.sh), pinggu.BadRecordFilter{}); n != 0 {
			t.Errorf("Shanghai sees %d of Guangdong's entries", n)
		}
		if _, n, _ := db.ListBadRecords(as(w.bureau), pinggu.BadRecordFilter{Kind: pinggu.BadPenalty, Query: "粤海"}); n != 1 {
			t.Errorf("search by kind and name found %d", n)
		}
		pen := own[0]
		if _, err := db.ActOnBadRecord(as(w.ent), pen.ID, pinggu.BadActAppeal, "罚款金额计算有误"); err != nil {
			t.Fatal(err)
		}
		_, err = db.ActOnBadRecord(as(w.ent), pen.ID, pinggu.BadActAppealUphold, "自行维持")
		code(t, err, pinggu.EFORBIDDEN)
		upheld, err := db.ActOnBadRecord(as(w.bureau), pen.ID, pinggu.BadActAppealUphold, "经复核，处罚适当")
		if err != nil || upheld.State != pinggu.BadActive || len(upheld.Events) != 2 {
			t.Fatalf("upheld: %+v %v", upheld, err)
		}

		// The annual inspection fails the licence, with its reasons.
		_, err = db.OpenAnnual(as(w.sh), "440000", 2026)
		code(t, err, pinggu.ENOTFOUND) // another jurisdiction is not there for it
		if n, err := db.OpenAnnual(as(w.bureau), "440000", 2026); err != nil || n != 1 {
			t.Fatalf("open annual: %d %v", n, err)
		}
		board, err := db.AnnualBoard(as(w.bureau), pinggu.BoardFilter{Year: 2026})
		if err != nil || len(board.Items) != 1 {
			t.Fatalf("board: %+v %v", board, err)
		}
		d := board.Items[0]
		if d.Proposed != pinggu.VerdictFail || !strings.Contains(strings.Join(d.Reasons, ""), "建议年检不通过") {
			t.Errorf("proposed %s: %q", d.Proposed, d.Reasons)
		}
		if sb, _ := db.AnnualBoard(as(w.sh), pinggu.BoardFilter{Year: 2026}); sb.Licences != 0 {
			t.Errorf("Shanghai's board shows %d Guangdong dossiers", sb.Licences)
		}
		decided, err := db.DecideDossier(as(w.bureau), d.ID, pinggu.DossierDecision{Verdict: pinggu.VerdictFail})
		if err != nil || decided.Verdict != pinggu.VerdictFail || decided.DecisionReason == "" || len(decided.Links) == 0 {
			t.Fatalf("decided: %+v %v", decided, err)
		}
		lic, err := db.FindLicence(as(w.ent), w.licence.ID)
		if err != nil || lic.AnnualVerdict != pinggu.VerdictFail || lic.AnnualYear != 2026 {
			t.Fatalf("licence written back: %+v %v", lic, err)
		}
		code(t, db.DeleteLicence(sys, w.licence.ID), pinggu.ECONFLICT) // its verdict is a decision on record
		_, err = db.DecideDossier(as(w.bureau), d.ID, pinggu.DossierDecision{Verdict: pinggu.VerdictConditional})
		code(t, err, pinggu.EINVALID) // an override needs its reason
		over, err := db.DecideDossier(as(w.bureau), d.ID, pinggu.DossierDecision{Verdict: pinggu.VerdictConditional, Reason: "企业已缴纳罚款并完成整改，经复查属实"})
		if err != nil || over.State != pinggu.DossierOverride || over.OverrideReason == "" {
			t.Fatalf("override: %+v %v", over, err)
		}
		// Every step was notified: the enterprise's inbox holds each kind,
		// Shanghai's none of them.
		kinds := func(a *pinggu.Actor) map[string]int {
			ns, _, err := db.ListNotices(as(a), pinggu.NoticeFilter{ListOptions: pinggu.ListOptions{Limit: pinggu.MaxLimit}})
			if err != nil {
				t.Fatal(err)
			}
			m := map[string]int{}
			for _, n := range ns {
				m[n.Kind]++
			}
			return m
		}
		got := kinds(w.ent)
		for _, k := range []string{pinggu.NoticeOrderIssued, pinggu.NoticeOrderVerified, pinggu.NoticeOrderExtension, pinggu.NoticeOrderOverdue,
			pinggu.NoticeEscalationTaken, pinggu.NoticeBadRecord, pinggu.NoticeAnnualDecided} {
			if got[k] == 0 {
				t.Errorf("the enterprise was not notified of %s: %v", k, got)
			}
		}
		if got := kinds(w.bureau); got[pinggu.NoticeOrderAnswered] != 2 || got[pinggu.NoticeEscalationPropos] != 5 {
			t.Errorf("the bureau's notices: %v", got)
		}
		if got := kinds(w.sh); len(got) != 0 {
			t.Errorf("Shanghai was notified of Guangdong's order: %v", got)
		}
		verifyOK(t, db)
	})
}

func mustOrder(t *testing.T, db *store.DB, a *pinggu.Actor, id int64) *pinggu.Order {
	t.Helper()
	o, err := db.FindOrder(as(a), id)
	if err != nil {
		t.Fatal(err)
	}
	return o
}

func mustRun(t *testing.T, db *store.DB) *pinggu.DeadlineRun {
	t.Helper()
	r, err := db.RunDeadlines(sys)
	if err != nil {
		t.Fatal(err)
	}
	return r
}
