package ui_test

import (
	"net/http"
	"net/url"
	"strings"
	"testing"

	. "github.com/pinggu/pinggu/web/webtest"

	"github.com/pinggu/pinggu"
)

// TestUICertification walks a body's application through the UI to its
// certificate, and the ministry's suspension of a certificate, after which
// the enterprise is no longer offered the body and cannot engage it.
func TestUICertification(t *testing.T) {
	t.Parallel()
	a := NewApp(t)
	// The register is public.
	p := a.Anon().Get("/certification")
	MustPage(t, p, http.StatusOK, "public register")
	MustContain(t, p, "register", a.OrgThird.Name, a.CertThird.Number, "甲级", "有效")
	MustNotContain(t, p, "register to the public", `action="/certification/changes"`)

	tp := a.Login(UserThirdParty)
	p = tp.Post("/certification/applications", url.Values{"level": {"B"}})
	MustPage(t, p, http.StatusSeeOther, "draft application")
	appPath := p.Location
	// Submitting with nothing stated names what is missing.
	p = tp.Post(appPath+"/submit", nil)
	MustPage(t, p, http.StatusUnprocessableEntity, "incomplete application")
	MustContain(t, p, "incomplete", "未满足认定条件", "申请须附证明材料")
	form := url.Values{}
	for _, c := range pinggu.CriteriaFor(pinggu.CertLevelB) {
		form.Set("met_"+c.ID, "on")
		form.Set("note_"+c.ID, "已具备："+c.Text.Zh)
	}
	MustPage(t, tp.Post(appPath+"/answers", form), http.StatusSeeOther, "answers")
	MustPage(t, tp.PostFile(appPath+"/evidence", nil, "组织机构证明.pdf", []byte("%PDF-1.7\n证明")), http.StatusSeeOther, "evidence")
	MustPage(t, tp.Post(appPath+"/submit", nil), http.StatusSeeOther, "submit")
	p = tp.Get(appPath)
	MustContain(t, p, "submitted application", "已提交待审核", "组织机构证明.pdf")
	MustNotContain(t, p, "body's own page", `action="`+appPath+`/decision"`)
	// Another enterprise does not see it; the ministry decides it.
	MustPage(t, a.Login(UserEntAdminA).Get(appPath), http.StatusForbidden, "enterprise opens an application")
	min := a.Login(UserMinistry)
	p = min.Post(appPath+"/decision", url.Values{"decision": {"approved"}, "valid_years": {"2"}, "comment": {"符合条件"}})
	MustPage(t, p, http.StatusSeeOther, "approve")
	p = min.Get(appPath)
	MustContain(t, p, "approved", "予以认定", "工信安评认定〔")

	// The ministry suspends the body's certificates (the new one
	// superseded the grade A one); the enterprise is then offered no body.
	list, _, err := a.DB.Register(SysCtx(), pinggu.CertFilter{State: "valid", OrgID: a.OrgThird.ID})
	if err != nil || len(list) != 1 || list[0].Level != pinggu.CertLevelB {
		t.Fatalf("certificates in force after approval: %+v %v", list, err)
	}
	MustPage(t, a.Login(UserBureauGD).Post("/certification/changes", url.Values{"certificate_id": {ID(list[0].ID)}, "action": {"suspend"}, "reason": {"x"}}),
		http.StatusForbidden, "bureau suspends")
	ent := a.Login(UserEntAdminA)
	p = ent.Get("/services/" + ID(a.SvcA.ID) + "/assessments/new")
	MustContain(t, p, "grade B offered for an IM service", a.OrgThird.Name+"（乙级")
	p = min.Post("/certification/changes", url.Values{"certificate_id": {ID(list[0].ID)}, "action": {"suspend"}, "reason": {"抽查发现评估报告质量问题"}})
	MustPage(t, p, http.StatusSeeOther, "suspend")
	p = a.Anon().Get("/certification")
	MustContain(t, p, "register after suspension", "暂停", "抽查发现评估报告质量问题")
	p = ent.Get("/services/" + ID(a.SvcA.ID) + "/assessments/new")
	if strings.Contains(p.Body, a.OrgThird.Name+"（") {
		t.Fatal("a suspended body is still offered for engagement")
	}
	res := a.LoginAPI(UserEntAdminA).Do("POST", "/api/assessments", map[string]any{"service_id": a.SvcA.ID, "kind": "third_party", "assessor_org_id": a.OrgThird.ID})
	MustStatus(t, res, http.StatusConflict, "engage a suspended body")
	if p := res.Problem(t); !p.HasFieldError(0, "assessor_org_id") {
		t.Fatalf("refusal does not name the field: %+v", p)
	}
}
