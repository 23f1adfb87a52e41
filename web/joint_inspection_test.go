package web_test

import (
	"net/http"
	"net/url"
	"strings"
	"testing"

	. "github.com/pinggu/pinggu/web/webtest"

	"github.com/pinggu/pinggu"
)

// TestJointInspection: the bureau brings a partner department into an
// inspection record; the department opens that record only, comments on
// an item and signs off on the inspection page; the bureau's page shows
// the comment and the sign-off, and every look of the department is on
// the audit record.
func TestJointInspection(t *testing.T) {
	t.Parallel()
	a := NewApp(t)
	if a.EnfA == nil {
		t.Skip("enforcement not served")
	}
	bureau, partner := a.Login(UserBureauGD), a.Login(UserPartner)
	in := a.EnfA.Inspection
	path := "/inspections/" + ID(in.ID)
	MustStatus(t, partner.Do("GET", "/api"+path, nil), http.StatusNotFound, "before the invitation")
	if p := partner.Get(path); p.Status != http.StatusNotFound {
		t.Fatalf("the page before the invitation: %d", p.Status)
	}
	if p := bureau.Get(path); !strings.Contains(p.Body, `action="`+path+`/partners"`) {
		t.Fatalf("the bureau's page has no invitation form:\n%s", Text(p.Body))
	}
	bureau.Follow(path+"/partners", url.Values{"partner_org_id": {ID(a.OrgPartner.ID)}, "message": {"请参与联合检查"}})

	MustStatus(t, partner.Do("GET", "/api"+path, nil), http.StatusOK, "the partner opens the inspection")
	MustStatus(t, partner.Do("GET", "/api/inspections/"+ID(a.EnfB.Inspection.ID), nil), http.StatusNotFound, "another inspection")
	MustStatus(t, partner.Do("GET", "/api/campaigns/"+ID(in.CampaignID), nil), http.StatusNotFound, "the campaign")
	page := partner.Get(path)
	if page.Status != http.StatusOK || !strings.Contains(page.Body, `action="`+path+`/partner-comments"`) || !strings.Contains(page.Body, `action="`+path+`/sign-off"`) {
		t.Fatalf("the partner's page lacks its forms: %d\n%s", page.Status, Text(page.Body))
	}
	key := string(in.Items[0].Key)
	partner.Follow(path+"/partner-comments", url.Values{"comment." + key: {"建议核查外呼号码来源"}})
	partner.Follow(path+"/sign-off", url.Values{"opinion": {"agree"}, "comment": {"同意检查结论"}})
	if res := partner.Do("PUT", "/api"+path+"/partner-comments", map[string]any{key: "再改"}); res.Status != http.StatusConflict {
		t.Errorf("commenting after signing: status %d, want 409", res.Status)
	}

	shown := bureau.Get(path)
	for _, want := range []string{"第1项 建议核查外呼号码来源", "同意检查结论", "联合检查"} {
		if !strings.Contains(Text(shown.Body), want) {
			t.Errorf("the bureau's page lacks %q", want)
		}
	}
	// Items are named by their number on the page, never by their key.
	if strings.Contains(Text(shown.Body), key) {
		t.Errorf("the bureau's page shows the item key %q", key)
	}
	var parts struct{ Items []*pinggu.JointPartner }
	bureau.Do("GET", "/api"+path+"/partners", nil).Decode(t, &parts)
	if len(parts.Items) != 1 || parts.Items[0].Opinion != pinggu.OpinionAgree || len(parts.Items[0].Comments) != 1 {
		t.Fatalf("the bureau reads %+v", parts.Items)
	}

	var audit struct{ Items []*pinggu.AuditEntry }
	a.Login(UserAuditor).Do("GET", "/api/audit?limit=500", nil).Decode(t, &audit)
	views := 0
	for _, e := range audit.Items {
		if e.Action == "inspection.view" && e.ObjectID == in.ID {
			views++
		}
	}
	if views < 3 {
		t.Errorf("%d audited views of the joint inspection by the partner, want every one (at least 3)", views)
	}

	MustStatus(t, bureau.Do("POST", "/api/inspection-partners/"+ID(parts.Items[0].ID)+"/withdraw", nil), http.StatusNoContent, "withdraw")
	MustStatus(t, partner.Do("GET", "/api"+path, nil), http.StatusNotFound, "after withdrawal")
}
