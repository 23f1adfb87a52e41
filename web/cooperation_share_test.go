package web_test

import (
	"net/http"
	"strings"
	"testing"

	. "github.com/pinggu/pinggu/web/webtest"

	"github.com/pinggu/pinggu"
)

// TestPartnerSeesExactlyWhatWasShared refers a case from the Guangdong
// bureau to the provincial police with one of its two items, one of its two
// files and its summary but not its subject: the department sees exactly
// that — no other case, item, file, organisation or service, and the views
// and downloads are in the audit log — answers, and loses it all when the
// share is revoked.
func TestPartnerSeesExactlyWhatWasShared(t *testing.T) {
	t.Parallel()
	a := NewApp(t)
	bureau, partner := a.Login(UserBureauGD), a.Login(UserPartner)

	var c pinggu.Case
	res := bureau.Do("POST", "/api/cases", map[string]any{"title": "冒充客服诈骗线索", "category": "fraud", "province": "440000",
		"summary": "群众举报冒充客服诈骗", "subject_org_id": a.OrgA.ID})
	MustStatus(t, res, http.StatusCreated, "open case")
	res.Decode(t, &c)
	var given, withheld pinggu.CaseItem
	bureau.Do("POST", "/api/cases/"+ID(c.ID)+"/items", map[string]any{"ref": map[string]any{"kind": "assessment", "id": a.AsmA.ID}}).Decode(t, &given)
	bureau.Do("POST", "/api/cases/"+ID(c.ID)+"/items", map[string]any{"ref": map[string]any{"kind": "organisation", "id": a.OrgASub.ID}}).Decode(t, &withheld)
	if given.ID == 0 || withheld.ID == 0 {
		t.Fatalf("items not added: %+v %+v", given, withheld)
	}
	var evGiven, evWithheld pinggu.CaseEvidence
	up := func(name string, dst *pinggu.CaseEvidence) {
		res := bureau.UploadEvidence("/api/cases/"+ID(c.ID)+"/evidence", "", name, []byte(TestPDF))
		MustStatus(t, res, http.StatusCreated, "upload "+name)
		res.Decode(t, dst)
	}
	up("给公安的调证函.pdf", &evGiven)
	up("内部研判意见.pdf", &evWithheld)

	var share pinggu.CaseShare
	res = bureau.Do("POST", "/api/cases/"+ID(c.ID)+"/shares", map[string]any{"partner_org_id": a.OrgPartner.ID, "fields": []string{"summary"},
		"item_ids": []int64{given.ID}, "evidence_ids": []int64{evGiven.ID}, "message": "请协助侦办"})
	MustStatus(t, res, http.StatusCreated, "share")
	res.Decode(t, &share)

	// The list: the fixture case shared with it and this one, nothing else.
	auditBefore := a.CountAudit()
	var list struct{ Items []*pinggu.Case }
	partner.Do("GET", "/api/cases", nil).Decode(t, &list)
	var ids []int64
	for _, x := range list.Items {
		ids = append(ids, x.ID)
		if x.SubjectServiceName != "" || x.SubjectOrgName != "" {
			t.Errorf("the list shows case %d's subject, which was not shared: %+v", x.ID, x)
		}
	}
	if !SameIDs(ids, []int64{a.CaseA.ID, c.ID}) {
		t.Errorf("partner lists cases %v, want exactly %v", ids, []int64{a.CaseA.ID, c.ID})
	}

	// The case: the summary, the item and the file given, nothing else.
	res = partner.Do("GET", "/api/cases/"+ID(c.ID), nil)
	MustStatus(t, res, http.StatusOK, "partner views the case")
	var seen pinggu.Case
	res.Decode(t, &seen)
	if seen.Summary != "群众举报冒充客服诈骗" {
		t.Errorf("summary = %q, want the shared summary", seen.Summary)
	}
	body := string(res.Body)
	// The item given names the assessment (and so its service); the
	// subject, the other item and the other file are withheld.
	for _, secret := range []string{a.OrgA.Name, a.OrgASub.Name, "内部研判意见", withheld.Label} {
		if strings.Contains(body, secret) {
			t.Errorf("the partner's view names %q, which was not shared: %s", secret, body)
		}
	}
	if len(seen.Items) != 1 || seen.Items[0].ID != given.ID {
		t.Errorf("items = %+v, want only item %d", seen.Items, given.ID)
	}
	if len(seen.Evidence) != 1 || seen.Evidence[0].ID != evGiven.ID {
		t.Errorf("files = %+v, want only file %d", seen.Evidence, evGiven.ID)
	}
	if len(seen.Shares) != 1 || seen.Shares[0].PartnerOrgID != a.OrgPartner.ID {
		t.Errorf("shares = %+v, want its own only", seen.Shares)
	}
	for _, e := range seen.Events {
		if e.ShareID != share.ID {
			t.Errorf("timeline shows an entry of another share or of the regulator's own work: %+v", e)
		}
	}
	MustStatus(t, partner.Do("GET", "/api/case-evidence/"+ID(evGiven.ID), nil), http.StatusOK, "download the file given")
	for path, what := range map[string]string{
		"/api/case-evidence/" + ID(evWithheld.ID):  "the file withheld",
		"/api/case-evidence/" + ID(a.CaseEvB.ID):   "a file of a revoked share",
		"/api/cases/" + ID(a.CaseB.ID):             "a case whose share was revoked",
		"/api/services/" + ID(a.SvcA.ID):           "the case's service",
		"/api/organisations/" + ID(a.OrgA.ID):      "the case's enterprise",
		"/api/assessments/" + ID(a.AsmA.ID):        "the assessment the item names",
		"/api/evidence/" + ID(a.EvA.ID):            "the assessment's evidence",
		"/api/incidents/" + ID(a.IncA.ID):          "an incident it was not notified of",
		"/api/joint/meetings/" + ID(a.MeetingA.ID): "a mechanism it is not a member of",
	} {
		if res := partner.Do("GET", path, nil); res.Status != http.StatusNotFound {
			t.Errorf("partner GET %s (%s): status %d, want 404", path, what, res.Status)
		}
	}
	var svcs, orgs struct{ Items []map[string]any }
	partner.Do("GET", "/api/services", nil).Decode(t, &svcs)
	partner.Do("GET", "/api/organisations", nil).Decode(t, &orgs)
	if len(svcs.Items) != 0 {
		t.Errorf("partner lists services %v", svcs.Items)
	}
	for _, o := range orgs.Items {
		if num(o["id"]) != a.OrgPartner.ID {
			t.Errorf("partner lists organisation %v besides its own", o)
		}
	}

	// Every view and download is on the record.
	var audit struct{ Items []*pinggu.AuditEntry }
	a.Login(UserAuditor).Do("GET", "/api/audit?limit=500", nil).Decode(t, &audit)
	actions := map[string]int{}
	for _, e := range audit.Items {
		if e.Seq > int64(auditBefore) && e.ActorName == UserPartner {
			actions[e.Action]++
		}
	}
	if actions["case.list"] < 1 || actions["case.view"] < 1 || actions["case.evidence_download"] != 1 {
		t.Errorf("partner's audited actions = %v, want its list, view and one download", actions)
	}

	// The department answers; the bureau reads the answer.
	MustStatus(t, partner.Do("POST", "/api/cases/"+ID(c.ID)+"/reply", map[string]any{"reply": "accept", "message": "已立案侦查"}), http.StatusOK, "accept")
	MustStatus(t, partner.Do("POST", "/api/cases/"+ID(c.ID)+"/reply", map[string]any{"reply": "answer", "measures": "冻结涉案账户3个", "result": "抓获犯罪嫌疑人2名"}), http.StatusOK, "answer")
	var mine pinggu.Case
	bureau.Do("GET", "/api/cases/"+ID(c.ID), nil).Decode(t, &mine)
	if len(mine.Shares) != 1 || mine.Shares[0].State != pinggu.ShareAnswered || mine.Shares[0].Result != "抓获犯罪嫌疑人2名" {
		t.Errorf("the bureau reads the share as %+v, want answered with the result", mine.Shares)
	}
	if mine.SubjectOrgName != a.OrgA.Name || len(mine.Items) != 2 || len(mine.Evidence) != 2 {
		t.Errorf("the bureau does not see its whole case: %+v", mine)
	}

	// Revoked: gone at once, every part of it.
	MustStatus(t, bureau.Do("POST", "/api/case-shares/"+ID(share.ID)+"/revoke", map[string]any{"reason": "案件移交部里统一办理"}), http.StatusNoContent, "revoke")
	for _, path := range []string{"/api/cases/" + ID(c.ID), "/api/case-evidence/" + ID(evGiven.ID)} {
		if res := partner.Do("GET", path, nil); res.Status != http.StatusNotFound {
			t.Errorf("after revocation partner GET %s: status %d, want 404", path, res.Status)
		}
	}
	if res := partner.Do("POST", "/api/cases/"+ID(c.ID)+"/reply", map[string]any{"reply": "close"}); res.Status != http.StatusNotFound {
		t.Errorf("after revocation the partner replies: status %d, want 404", res.Status)
	}
	list.Items = nil
	partner.Do("GET", "/api/cases", nil).Decode(t, &list)
	for _, x := range list.Items {
		if x.ID == c.ID {
			t.Error("after revocation the case is still listed")
		}
	}
	// The department is told, in its inbox, without a link it could not open.
	var inbox struct{ Items []*pinggu.Notice }
	partner.Do("GET", "/api/notices", nil).Decode(t, &inbox)
	var told *pinggu.Notice
	for _, n := range inbox.Items {
		if n.Kind == pinggu.NoticeCaseRevoked && n.Subject.ID == c.ID {
			told = n
		}
	}
	if told == nil {
		t.Fatal("the partner's inbox has no notice that the share was withdrawn")
	}
	if told.Link != "" || !strings.Contains(told.Message, "案件移交部里统一办理") {
		t.Errorf("withdrawal notice = link %q, message %q; want no link and the reason", told.Link, told.Message)
	}
}

// TestJointAssessment: a partner department brought into an assessment
// sees it and its evidence, comments per item and signs off; withdrawn, it
// sees it no more.
func TestJointAssessment(t *testing.T) {
	t.Parallel()
	a := NewApp(t)
	bureau, partner := a.Login(UserBureauGD), a.Login(UserPartner)
	MustStatus(t, partner.Do("GET", "/api/assessments/"+ID(a.AsmA.ID), nil), http.StatusNotFound, "before the invitation")
	var p pinggu.AssessmentPartner
	res := bureau.Do("POST", "/api/assessments/"+ID(a.AsmA.ID)+"/partners", map[string]any{"partner_org_id": a.OrgPartner.ID, "message": "请参与联合评估"})
	MustStatus(t, res, http.StatusCreated, "invite")
	res.Decode(t, &p)
	MustStatus(t, partner.Do("GET", "/api/assessments/"+ID(a.AsmA.ID), nil), http.StatusOK, "the partner opens the assessment")
	MustStatus(t, partner.Do("GET", "/api/evidence/"+ID(a.EvA.ID), nil), http.StatusOK, "and its evidence")
	MustStatus(t, partner.Do("GET", "/api/assessments/"+ID(a.AsmB.ID), nil), http.StatusNotFound, "another assessment")
	key := string(a.AsmA.Items[0].Key)
	MustStatus(t, partner.Do("PUT", "/api/assessments/"+ID(a.AsmA.ID)+"/partner-comments", map[string]any{key: "建议补充实名核验记录"}), http.StatusOK, "comment")
	if res := partner.Do("POST", "/api/assessments/"+ID(a.AsmA.ID)+"/sign-off", map[string]any{"opinion": "reservations"}); res.Status != http.StatusBadRequest {
		t.Errorf("a reservation without reasons: status %d, want 400", res.Status)
	}
	MustStatus(t, partner.Do("POST", "/api/assessments/"+ID(a.AsmA.ID)+"/sign-off", map[string]any{"opinion": "agree", "comment": "同意"}), http.StatusOK, "sign off")
	if res := partner.Do("PUT", "/api/assessments/"+ID(a.AsmA.ID)+"/partner-comments", map[string]any{key: "再改"}); res.Status != http.StatusConflict {
		t.Errorf("commenting after signing: status %d, want 409", res.Status)
	}
	var parts struct{ Items []*pinggu.AssessmentPartner }
	bureau.Do("GET", "/api/assessments/"+ID(a.AsmA.ID)+"/partners", nil).Decode(t, &parts)
	if len(parts.Items) != 1 || parts.Items[0].Opinion != pinggu.OpinionAgree || len(parts.Items[0].Comments) != 1 || parts.Items[0].Comments[0].Comment != "建议补充实名核验记录" {
		t.Fatalf("the bureau reads %+v, want the comment and the sign-off", parts.Items)
	}
	MustStatus(t, bureau.Do("POST", "/api/assessment-partners/"+ID(p.ID)+"/withdraw", nil), http.StatusNoContent, "withdraw")
	MustStatus(t, partner.Do("GET", "/api/assessments/"+ID(a.AsmA.ID), nil), http.StatusNotFound, "after withdrawal")
	MustStatus(t, partner.Do("GET", "/api/evidence/"+ID(a.EvA.ID), nil), http.StatusNotFound, "its evidence after withdrawal")
}
