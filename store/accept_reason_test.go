package store_test

import (
	"strings"
	"testing"

	"github.com/pinggu/pinggu"
	"github.com/pinggu/pinggu/store"
	"github.com/pinggu/pinggu/store/storetest"
)

// TestAcceptingRiskNeedsAReason: an assessment with a non-compliant
// high-severity item is accepted only with a written reason, which the
// store keeps in the assessment, its submission and the audit log; without
// one nothing changes.
func TestAcceptingRiskNeedsAReason(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		w := setupAssessments(t, db)
		ent, gd := w.ctx["entA"], w.ctx["bureauGD"]
		a := create(t, db, ent, &pinggu.Assessment{ServiceID: w.svcA.ID, Kind: pinggu.KindPreLaunch})
		a = answerAll(t, db, ent, a, pinggu.AnswerCompliant)
		gap := highItem(a)
		_, err := db.SaveAnswers(ent, a.ID, []pinggu.ItemAnswer{{Key: gap, Answer: ptr(pinggu.AnswerNonCompliant)}})
		must(t, err)
		_, err = db.Submit(as(&pinggu.Actor{UserID: 100, Username: "ent-a", Name: "王敏", Role: pinggu.RoleEntAdmin, OrgID: w.orgA.ID, OrgIDs: []int64{w.orgA.ID}}), a.ID)
		must(t, err)
		_, err = db.StartReview(gd, a.ID)
		must(t, err)
		before := len(auditOf(t, db, a.ID))

		for _, reason := range []string{"", "  ", "同意"} {
			_, err = db.Review(gd, a.ID, pinggu.ReviewDecision{Decision: pinggu.AssessAccepted, Summary: "同意上线", AcceptReason: reason})
			code(t, err, pinggu.EINVALID)
			if f := pinggu.ErrorFields(err); len(f) != 1 || f[0].Field != "accept_reason" {
				t.Fatalf("reason %q: field errors %+v, want one on accept_reason", reason, f)
			}
		}
		if got, _ := db.FindAssessment(sys, a.ID); got.State != pinggu.AssessUnderReview || len(auditOf(t, db, a.ID)) != before {
			t.Fatalf("a refused acceptance changed the assessment (%s) or the audit log", got.State)
		}
		reason := "该项风险已由企业采取临时封堵措施，限期三十日内完成整改并报送整改报告。"
		officer := as(&pinggu.Actor{Username: "gd-officer", Name: "李强", Role: pinggu.RoleBureau, Province: "440000"})
		got, err := db.Review(officer, a.ID, pinggu.ReviewDecision{Decision: pinggu.AssessAccepted, Summary: "同意上线", AcceptReason: reason})
		must(t, err)
		if got.State != pinggu.AssessAccepted || got.AcceptReason != reason {
			t.Fatalf("accepted: state %s, reason %q", got.State, got.AcceptReason)
		}
		subs, err := db.Submissions(sys, a.ID)
		must(t, err)
		last := subs[len(subs)-1]
		if last.AcceptReason != reason || last.Submitter() != "王敏（ent-a）" || last.Reviewer() != "李强（gd-officer）" {
			t.Fatalf("submission: reason %q, submitter %q, reviewer %q", last.AcceptReason, last.Submitter(), last.Reviewer())
		}
		var review, risk *pinggu.AuditEntry
		for _, e := range auditOf(t, db, a.ID) {
			switch e.Action {
			case "assessment.review":
				review = e
			case "assessment.accept_risk":
				risk = e
			}
		}
		if review == nil || !strings.Contains(review.Detail, "已通过") || !strings.Contains(review.Detail, reason) {
			t.Fatalf("review entry = %+v", review)
		}
		if risk == nil || !strings.Contains(risk.Detail, "高风险") || !strings.Contains(risk.Detail, reason) {
			t.Fatalf("accept_risk entry = %+v", risk)
		}
		verifyOK(t, db)
	})
}

func auditOf(t *testing.T, db *store.DB, assessmentID int64) []*pinggu.AuditEntry {
	t.Helper()
	list, _, err := db.ListAudit(as(&pinggu.Actor{Username: "auditor", Role: pinggu.RoleAuditor}), pinggu.AuditFilter{ObjectType: "assessment", ObjectID: assessmentID})
	must(t, err)
	return list
}
