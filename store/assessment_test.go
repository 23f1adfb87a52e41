package store_test

import (
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/pinggu/pinggu"
	"github.com/pinggu/pinggu/standards"
	"github.com/pinggu/pinggu/store"
	"github.com/pinggu/pinggu/store/storetest"
)

func TestAssessmentLifecycle(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		w := setupAssessments(t, db)
		ent, gd := w.ctx["assessA"], w.ctx["bureauGD"]
		a := create(t, db, ent, &pinggu.Assessment{ServiceID: w.svcA.ID, Kind: pinggu.KindPreLaunch})
		lib := standards.Builtin()
		want := lib.Latest("general").ItemCount() + lib.Latest("converged_comm").ItemCount()
		if a.State != pinggu.AssessDraft || len(a.Standards) != 2 || a.Standards[0].ID != "general" || a.Standards[1].ID != "converged_comm" || len(a.Items) != want {
			t.Fatalf("created: state %s, standards %+v, %d items (want %d)", a.State, a.Standards, len(a.Items), want)
		}
		if a.Title != "甲融合通信上线前安全评估" || a.Province != "440000" || a.OrgID != w.orgA.ID || a.Items[0].Requirement == "" {
			t.Fatalf("created = %+v", a)
		}
		if svc, _ := db.FindService(sys, w.svcA.ID); svc.Status != pinggu.StatusInAssessment {
			t.Fatalf("service status after creating a pre-launch assessment = %s", svc.Status)
		}

		// Nothing answered: submitting names every item.
		_, err := db.Submit(ent, a.ID)
		code(t, err, pinggu.EINVALID)
		if got := len(pinggu.ErrorFields(err)); got != want {
			t.Fatalf("unanswered items listed = %d, want %d", got, want)
		}

		// Bad answers are refused whole, naming the field.
		k0, k1 := a.Items[0].Key, a.Items[1].Key
		_, err = db.SaveAnswers(ent, a.ID, []pinggu.ItemAnswer{
			{Key: k0, Answer: ptr(pinggu.AnswerCompliant)},
			{Key: "general/none", Answer: ptr(pinggu.AnswerCompliant)},
			{Key: k1, Answer: ptr(pinggu.AnswerNotApplicable)},
			{Key: k1, Answer: ptr(pinggu.Answer("maybe"))},
		})
		code(t, err, pinggu.EINVALID)
		fields := map[string]bool{}
		for _, f := range pinggu.ErrorFields(err) {
			fields[f.Field] = true
		}
		if !fields["answers[1].key"] || !fields["answers[2].reason"] || !fields["answers[3].answer"] || len(fields) != 3 {
			t.Fatalf("fields = %v", fields)
		}
		if got, _ := db.FindAssessment(ent, a.ID); item(got, k0).Answer != "" {
			t.Fatal("a refused save wrote an answer")
		}

		// Answer everything, one high-severity gap; a partial save keeps the rest.
		a = answerAll(t, db, ent, a, pinggu.AnswerCompliant)
		gap := highItem(a)
		a, err = db.SaveAnswers(ent, a.ID, []pinggu.ItemAnswer{{Key: gap, Answer: ptr(pinggu.AnswerNonCompliant)}})
		must(t, err)
		a, err = db.SaveAnswers(ent, a.ID, []pinggu.ItemAnswer{{Key: gap, Notes: ptr("号码核验尚未上线")}})
		must(t, err)
		other := a.Items[len(a.Items)-1].Key
		if it := item(a, gap); it.Answer != pinggu.AnswerNonCompliant || it.Notes != "号码核验尚未上线" || it.Reason != "" || item(a, other).Answer != pinggu.AnswerCompliant {
			t.Fatalf("after partial saves: %+v", it)
		}

		// Reviewers cannot submit; the enterprise cannot review.
		_, err = db.Submit(gd, a.ID)
		code(t, err, pinggu.EFORBIDDEN)
		_, err = db.StartReview(gd, a.ID)
		code(t, err, pinggu.ECONFLICT) // still a draft

		a, err = db.Submit(ent, a.ID)
		must(t, err)
		if a.State != pinggu.AssessSubmitted || a.Version != 1 || a.Score == nil || a.Score.HighGaps != 1 || a.Score.Rating != pinggu.RatingHigh || a.SubmittedAt == nil {
			t.Fatalf("submitted: state %s version %d score %+v", a.State, a.Version, a.Score)
		}
		_, err = db.SaveAnswers(ent, a.ID, []pinggu.ItemAnswer{{Key: k0, Notes: ptr("改")}})
		code(t, err, pinggu.ECONFLICT)
		_, err = db.Submit(ent, a.ID)
		code(t, err, pinggu.ECONFLICT)
		_, err = db.StartReview(ent, a.ID)
		code(t, err, pinggu.EFORBIDDEN)
		_, err = db.Review(gd, a.ID, pinggu.ReviewDecision{Decision: pinggu.AssessAccepted})
		code(t, err, pinggu.ECONFLICT) // not under review yet

		a, err = db.StartReview(gd, a.ID)
		must(t, err)
		if a.State != pinggu.AssessUnderReview {
			t.Fatalf("state = %s", a.State)
		}
		_, err = db.Review(gd, a.ID, pinggu.ReviewDecision{Decision: pinggu.AssessReturned})
		code(t, err, pinggu.EINVALID)
		if f := pinggu.ErrorFields(err); len(f) != 1 || f[0].Field != "summary" {
			t.Fatalf("fields = %+v", f)
		}
		_, err = db.Review(gd, a.ID, pinggu.ReviewDecision{Decision: pinggu.AssessDraft, Summary: "x"})
		code(t, err, pinggu.EINVALID)
		_, err = db.Review(ent, a.ID, pinggu.ReviewDecision{Decision: pinggu.AssessAccepted})
		code(t, err, pinggu.EFORBIDDEN)
		a, err = db.Review(gd, a.ID, pinggu.ReviewDecision{Decision: pinggu.AssessReturned, Summary: "主叫号码核验不足",
			Comments: map[pinggu.ItemKey]string{gap: "请补充号码核验方案"}})
		must(t, err)
		if a.State != pinggu.AssessReturned || a.ReviewSummary != "主叫号码核验不足" || item(a, gap).ReviewerComment != "请补充号码核验方案" {
			t.Fatalf("returned: state %s summary %q comment %q", a.State, a.ReviewSummary, item(a, gap).ReviewerComment)
		}

		// The enterprise fixes the gap and resubmits; both versions are kept.
		_, err = db.SaveAnswers(ent, a.ID, []pinggu.ItemAnswer{{Key: gap, Answer: ptr(pinggu.AnswerCompliant), Notes: ptr("已上线号码核验")}})
		must(t, err)
		a, err = db.Submit(ent, a.ID)
		must(t, err)
		if a.Version != 2 || a.Score.HighGaps != 0 || a.Score.Value != 100 {
			t.Fatalf("resubmitted: version %d score %+v", a.Version, a.Score)
		}
		subs, err := db.Submissions(gd, a.ID)
		must(t, err)
		if len(subs) != 2 || subs[0].Decision != pinggu.AssessReturned || subs[0].Comments[gap] != "请补充号码核验方案" ||
			subs[0].Answers[gap].Answer != pinggu.AnswerNonCompliant || subs[1].Answers[gap].Answer != pinggu.AnswerCompliant || subs[1].Decision != "" {
			t.Fatalf("submissions = %+v", subs)
		}
		_, err = db.StartReview(gd, a.ID)
		must(t, err)
		a, err = db.Review(gd, a.ID, pinggu.ReviewDecision{Decision: pinggu.AssessAccepted, Summary: "同意上线"})
		must(t, err)
		if a.State != pinggu.AssessAccepted || a.ReviewedAt == nil || item(a, gap).ReviewerComment != "" {
			t.Fatalf("accepted: %s, comment %q", a.State, item(a, gap).ReviewerComment)
		}
		if svc, _ := db.FindService(sys, w.svcA.ID); svc.Status != pinggu.StatusApproved {
			t.Fatalf("service status after acceptance = %s", svc.Status)
		}
		// Accepted is final.
		_, err = db.Submit(ent, a.ID)
		code(t, err, pinggu.ECONFLICT)
		_, err = db.StartReview(gd, a.ID)
		code(t, err, pinggu.ECONFLICT)
		_, err = db.Review(gd, a.ID, pinggu.ReviewDecision{Decision: pinggu.AssessReturned, Summary: "再看"})
		code(t, err, pinggu.ECONFLICT)
		// The enterprise launches without any override.
		svc, err := db.SetServiceStatus(w.ctx["entA"], w.svcA.ID, pinggu.StatusLaunched, "")
		must(t, err)
		if svc.Status != pinggu.StatusLaunched {
			t.Fatalf("status = %s", svc.Status)
		}
		for action, n := range map[string]int{"assessment.submit": 2, "assessment.review": 2, "assessment.review_start": 2, "assessment.create": 1, "service.launch_override": 0} {
			list, _, _ := db.ListAudit(sys, pinggu.AuditFilter{Action: action})
			if len(list) != n {
				t.Errorf("%s audit entries = %d, want %d", action, len(list), n)
			}
		}
		verifyOK(t, db)
	})
}

func TestAssessmentCreateRules(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		w := setupAssessments(t, db)
		ent, gd := w.ctx["entA"], w.ctx["bureauGD"]
		// Who may start which kind.
		code(t, db.CreateAssessment(w.ctx["entB"], &pinggu.Assessment{ServiceID: w.svcA.ID, Kind: pinggu.KindPreLaunch}), pinggu.ENOTFOUND)
		code(t, db.CreateAssessment(w.ctx["bureauBJ"], &pinggu.Assessment{ServiceID: w.svcA.ID, Kind: pinggu.KindSpecial}), pinggu.ENOTFOUND)
		code(t, db.CreateAssessment(gd, &pinggu.Assessment{ServiceID: w.svcA.ID, Kind: pinggu.KindPreLaunch}), pinggu.EFORBIDDEN)
		code(t, db.CreateAssessment(ent, &pinggu.Assessment{ServiceID: w.svcA.ID, Kind: pinggu.KindSpecial}), pinggu.EFORBIDDEN)
		code(t, db.CreateAssessment(w.ctx["support"], &pinggu.Assessment{ServiceID: w.svcA.ID, Kind: pinggu.KindPeriodic}), pinggu.EFORBIDDEN)
		code(t, db.CreateAssessment(ent, &pinggu.Assessment{ServiceID: w.svcA.ID, Kind: "audit"}), pinggu.EINVALID)
		// A special assessment is ordered with a due date to come.
		for _, due := range []*time.Time{nil, ptr(time.Now().Add(-time.Hour))} {
			err := db.CreateAssessment(gd, &pinggu.Assessment{ServiceID: w.svcA.ID, Kind: pinggu.KindSpecial, DueAt: due})
			if f := pinggu.ErrorFields(err); len(f) != 1 || f[0].Field != "due_at" {
				t.Fatalf("special due %v: %v", due, err)
			}
		}
		due := time.Now().AddDate(0, 1, 0).UTC().Truncate(time.Second)
		sp := create(t, db, gd, &pinggu.Assessment{ServiceID: w.svcA.ID, Kind: pinggu.KindSpecial, Title: "全流程评估", DueAt: &due})
		if sp.Title != "全流程评估" || sp.Kind != pinggu.KindSpecial || sp.DueAt == nil || !sp.DueAt.Equal(due) {
			t.Fatalf("special = %+v", sp)
		}
		if svc, _ := db.FindService(sys, w.svcA.ID); svc.Status != pinggu.StatusPlanned {
			t.Fatalf("a special assessment moved the service to %s", svc.Status)
		}
		create(t, db, w.ctx["ministry"], &pinggu.Assessment{ServiceID: w.svcC.ID, Kind: pinggu.KindSpecial, DueAt: &due})

		// A third-party assessment names a third-party body.
		for _, bad := range []int64{0, w.orgB.ID, 99999} {
			err := db.CreateAssessment(ent, &pinggu.Assessment{ServiceID: w.svcA.ID, Kind: pinggu.KindThirdParty, AssessorOrgID: bad})
			code(t, err, pinggu.EINVALID)
			if f := pinggu.ErrorFields(err); len(f) != 1 || f[0].Field != "assessor_org_id" {
				t.Fatalf("assessor %d: fields %+v", bad, f)
			}
		}
		err := db.CreateAssessment(ent, &pinggu.Assessment{ServiceID: w.svcA.ID, Kind: pinggu.KindPeriodic, AssessorOrgID: w.tp.ID})
		code(t, err, pinggu.EINVALID)
		tp := create(t, db, ent, &pinggu.Assessment{ServiceID: w.svcA.ID, Kind: pinggu.KindThirdParty, AssessorOrgID: w.tp.ID})
		if tp.AssessorName != "丁评估中心" {
			t.Fatalf("assessor name = %q", tp.AssessorName)
		}

		// Standards other than the applicable ones need a reason; unknown ones are named.
		only := []pinggu.StandardRef{{ID: "general"}}
		err = db.CreateAssessment(ent, &pinggu.Assessment{ServiceID: w.svcA.ID, Kind: pinggu.KindPeriodic, Standards: only})
		code(t, err, pinggu.EINVALID)
		if f := pinggu.ErrorFields(err); len(f) != 1 || f[0].Field != "standards_reason" {
			t.Fatalf("fields = %+v", f)
		}
		err = db.CreateAssessment(ent, &pinggu.Assessment{ServiceID: w.svcA.ID, Kind: pinggu.KindPeriodic,
			Standards: []pinggu.StandardRef{{ID: "general"}, {ID: "nosuch"}, {ID: "im", Version: "1999.1"}}, StandardsReason: "x"})
		code(t, err, pinggu.EINVALID)
		if f := pinggu.ErrorFields(err); len(f) != 2 || f[0].Field != "standards[1]" || f[1].Field != "standards[2]" {
			t.Fatalf("fields = %+v", f)
		}
		g := create(t, db, ent, &pinggu.Assessment{ServiceID: w.svcA.ID, Kind: pinggu.KindPeriodic, Standards: only, StandardsReason: "仅核查通用要求"})
		if len(g.Standards) != 1 || g.Standards[0].Version != standards.Builtin().Latest("general").Version || g.Standards[0].Digest == "" || len(g.Items) != standards.Builtin().Latest("general").ItemCount() {
			t.Fatalf("general only: %+v, %d items", g.Standards, len(g.Items))
		}
		// The applicable set given explicitly needs no reason.
		create(t, db, ent, &pinggu.Assessment{ServiceID: w.svcA.ID, Kind: pinggu.KindPeriodic, Standards: []pinggu.StandardRef{{ID: "converged_comm"}, {ID: "general"}}})

		// A launched service has no pre-launch assessment; a retired one none at all.
		for _, to := range []pinggu.ServiceStatus{pinggu.StatusInAssessment, pinggu.StatusApproved, pinggu.StatusLaunched} {
			_, err := db.SetServiceStatus(sys, w.svcC.ID, to, "存量业务补录")
			must(t, err)
		}
		entC := w.ctx["entC"]
		code(t, db.CreateAssessment(entC, &pinggu.Assessment{ServiceID: w.svcC.ID, Kind: pinggu.KindPreLaunch}), pinggu.ECONFLICT)
		create(t, db, entC, &pinggu.Assessment{ServiceID: w.svcC.ID, Kind: pinggu.KindPeriodic})
		_, err = db.SetServiceStatus(sys, w.svcC.ID, pinggu.StatusRetired, "测试")
		must(t, err)
		code(t, db.CreateAssessment(entC, &pinggu.Assessment{ServiceID: w.svcC.ID, Kind: pinggu.KindPeriodic}), pinggu.ECONFLICT)

		list, total, err := db.ListAssessments(ent, pinggu.AssessmentFilter{Kind: pinggu.KindPeriodic})
		must(t, err)
		if total != 2 || len(list) != 2 || list[0].Items != nil {
			t.Fatalf("periodic list: %d of %d", len(list), total)
		}
		list, total, _ = db.ListAssessments(ent, pinggu.AssessmentFilter{Query: "全流程"})
		if total != 1 || list[0].ID != sp.ID {
			t.Fatalf("query list: %d", total)
		}
		verifyOK(t, db)
	})
}

// TestAssessmentScope checks that everyone outside an assessment's scope
// finds nothing, changes nothing, and that each role does only its part.
func TestAssessmentScope(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		w := setupAssessments(t, db)
		ent := w.ctx["entA"]
		pre := create(t, db, ent, &pinggu.Assessment{ServiceID: w.svcA.ID, Kind: pinggu.KindPreLaunch})
		tpa := create(t, db, ent, &pinggu.Assessment{ServiceID: w.svcA.ID, Kind: pinggu.KindThirdParty, AssessorOrgID: w.tp.ID})
		k := pre.Items[0].Key
		ev, err := db.AddEvidence(ent, pre.ID, k, "方案.pdf", strings.NewReader("%PDF-1.7\n证明"))
		must(t, err)
		tev, err := db.AddEvidence(w.ctx["tp"], tpa.ID, k, "记录.txt", strings.NewReader("第三方核验记录"))
		must(t, err)

		before := map[int64]*pinggu.Assessment{}
		for _, a := range []*pinggu.Assessment{pre, tpa} {
			before[a.ID], _ = db.FindAssessment(sys, a.ID)
		}
		sees := map[string][]int64{
			"entA": {pre.ID, tpa.ID}, "assessA": {pre.ID, tpa.ID}, "bureauGD": {pre.ID, tpa.ID}, "ministry": {pre.ID, tpa.ID},
			"support": {pre.ID, tpa.ID}, "tp": {tpa.ID},
			"entB": nil, "entC": nil, "bureauBJ": nil, "tp2": nil, "auditor": nil, "nobody": nil,
		}
		for who, ids := range sees {
			ctx := w.ctx[who]
			list, total, err := db.ListAssessments(ctx, pinggu.AssessmentFilter{})
			must(t, err)
			if total != len(ids) || len(list) != len(ids) {
				t.Errorf("%s lists %d assessments, want %d", who, total, len(ids))
			}
			for _, a := range []*pinggu.Assessment{pre, tpa} {
				visible := false
				for _, id := range ids {
					visible = visible || id == a.ID
				}
				_, err := db.FindAssessment(ctx, a.ID)
				evID := ev.ID
				if a.ID == tpa.ID {
					evID = tev.ID
				}
				_, _, errE := db.OpenEvidence(ctx, evID)
				_, errS := db.Submissions(ctx, a.ID)
				if visible {
					if err != nil || errE != nil || errS != nil {
						t.Errorf("%s cannot read assessment %d: %v / %v / %v", who, a.ID, err, errE, errS)
					}
					continue
				}
				for what, err := range map[string]error{"find": err, "evidence": errE, "submissions": errS} {
					if pinggu.ErrorCode(err) != pinggu.ENOTFOUND {
						t.Errorf("%s %s %d: %v, want not found", who, what, a.ID, err)
					}
				}
				// Every write answers not found and changes nothing.
				_, err = db.SaveAnswers(ctx, a.ID, []pinggu.ItemAnswer{{Key: k, Answer: ptr(pinggu.AnswerCompliant)}})
				code(t, err, pinggu.ENOTFOUND)
				_, err = db.AddEvidence(ctx, a.ID, k, "x.pdf", strings.NewReader("%PDF-1.7"))
				code(t, err, pinggu.ENOTFOUND)
				code(t, db.DeleteEvidence(ctx, evID), pinggu.ENOTFOUND)
				_, err = db.Submit(ctx, a.ID)
				code(t, err, pinggu.ENOTFOUND)
				_, err = db.StartReview(ctx, a.ID)
				code(t, err, pinggu.ENOTFOUND)
				_, err = db.Review(ctx, a.ID, pinggu.ReviewDecision{Decision: pinggu.AssessReturned, Summary: "x"})
				code(t, err, pinggu.ENOTFOUND)
				got, _ := db.FindAssessment(sys, a.ID)
				was := before[a.ID]
				if !got.UpdatedAt.Equal(was.UpdatedAt) || got.State != was.State || item(got, k).Answer != "" || len(item(got, k).EvidenceFiles) != 1 {
					t.Errorf("%s changed assessment %d", who, a.ID)
				}
			}
		}
		// Read-only and review-only roles are refused writes they may see.
		_, err = db.SaveAnswers(w.ctx["support"], pre.ID, []pinggu.ItemAnswer{{Key: k, Answer: ptr(pinggu.AnswerCompliant)}})
		code(t, err, pinggu.EFORBIDDEN)
		_, err = db.AddEvidence(w.ctx["bureauGD"], pre.ID, k, "x.pdf", strings.NewReader("%PDF-1.7"))
		code(t, err, pinggu.EFORBIDDEN)
		code(t, db.DeleteEvidence(w.ctx["support"], ev.ID), pinggu.EFORBIDDEN)
		// The engaged body answers and submits its engagement, and cannot review it.
		tpa, err = db.FindAssessment(w.ctx["tp"], tpa.ID)
		must(t, err)
		answerAll(t, db, w.ctx["tp"], tpa, pinggu.AnswerCompliant)
		_, err = db.Submit(w.ctx["tp"], tpa.ID)
		must(t, err)
		_, err = db.StartReview(w.ctx["tp"], tpa.ID)
		code(t, err, pinggu.EFORBIDDEN)
		_, err = db.StartReview(w.ctx["bureauGD"], tpa.ID)
		must(t, err)
		_, err = db.Review(w.ctx["bureauGD"], tpa.ID, pinggu.ReviewDecision{Decision: pinggu.AssessReturned, Summary: "补充现场测试记录"})
		must(t, err)
		_, err = db.StartReview(w.ctx["bureauGD"], tpa.ID)
		code(t, err, pinggu.ECONFLICT) // returned goes back to the assessor first
		_, err = db.SaveAnswers(w.ctx["tp"], tpa.ID, []pinggu.ItemAnswer{{Key: k, Notes: ptr("已补充")}})
		must(t, err)
		got, _ := db.FindAssessment(sys, pre.ID)
		if item(got, k).Answer != "" || len(item(got, k).EvidenceFiles) != 1 {
			t.Fatalf("pre-launch item after refused writes: %+v", item(got, k))
		}
		code(t, db.DeleteEvidence(ent, ev.ID), "")
		got, _ = db.FindAssessment(sys, pre.ID)
		if len(item(got, k).EvidenceFiles) != 0 {
			t.Fatal("evidence not deleted")
		}
		verifyOK(t, db)
	})
}

// TestConcurrentPartialSaves saves the answer and the notes of one item from
// two sessions at once, many times: neither save may undo the other.
func TestConcurrentPartialSaves(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		w := setupAssessments(t, db)
		a := create(t, db, w.ctx["entA"], &pinggu.Assessment{ServiceID: w.svcA.ID, Kind: pinggu.KindPreLaunch})
		for i := range 20 {
			k := a.Items[i].Key
			notes := fmt.Sprintf("第%d项说明", i)
			var wg sync.WaitGroup
			errs := make([]error, 2)
			wg.Add(2)
			go func() {
				defer wg.Done()
				_, errs[0] = db.SaveAnswers(w.ctx["entA"], a.ID, []pinggu.ItemAnswer{{Key: k, Answer: ptr(pinggu.AnswerPartial)}})
			}()
			go func() {
				defer wg.Done()
				_, errs[1] = db.SaveAnswers(w.ctx["assessA"], a.ID, []pinggu.ItemAnswer{{Key: k, Notes: ptr(notes)}})
			}()
			wg.Wait()
			must(t, errs[0])
			must(t, errs[1])
			got, _ := db.FindAssessment(sys, a.ID)
			if it := item(got, k); it.Answer != pinggu.AnswerPartial || it.Notes != notes {
				t.Fatalf("item %s after concurrent saves: answer %q notes %q", k, it.Answer, it.Notes)
			}
		}
	})
}
