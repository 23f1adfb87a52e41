package ui_test

import (
	"net/http"
	"net/url"
	"strings"
	"testing"

	. "github.com/pinggu/pinggu/web/webtest"
)

func TestUIServiceListScope(t *testing.T) {
	t.Parallel()
	a := NewApp(t)
	for _, lang := range []string{"zh", "en"} {
		p := a.Login(UserEntAdminA).WithLang(lang).Get("/services")
		MustPage(t, p, http.StatusOK, "service list "+lang)
		MustContain(t, p, "tenant A's services", a.SvcA.Name)
		MustNotContain(t, p, "tenant A's services", a.SvcB.Name, a.OrgB.Name)
	}
	c := a.Login(UserEntAdminA)
	for _, q := range []string{"乙", "智能搜索", a.OrgB.USCC} {
		p := c.Get("/services?q=" + url.QueryEscape(q))
		MustPage(t, p, http.StatusOK, "search "+q)
		MustNotContain(t, p, "search "+q, a.SvcB.Name)
	}
	// Filtering by another tenant's organisation is a 404, not an empty list
	// with its name on it.
	p := c.Get("/services?org_id=" + ID(a.OrgB.ID))
	MustPage(t, p, http.StatusNotFound, "owner filter out of scope")
	MustNotContain(t, p, "owner filter out of scope", a.OrgB.Name)
	// The Shanghai officer finds B's service by text.
	p = a.Login(UserBureauSH).Get("/services?q=" + url.QueryEscape("智能"))
	MustContain(t, p, "Shanghai search", a.SvcB.Name)
	MustNotContain(t, p, "Shanghai search", a.SvcA.Name)
	p = a.Login(UserBureauSH).Get("/services?category=im")
	MustNotContain(t, p, "category filter", a.SvcB.Name)
	MustContain(t, p, "category filter", "共 0 条")
}

func TestUIServiceShowAndLifecycle(t *testing.T) {
	t.Parallel()
	a := NewApp(t)
	c := a.Login(UserEntAdminA)
	p := c.Get("/services/" + ID(a.SvcA.ID))
	MustPage(t, p, http.StatusOK, "own service")
	MustContain(t, p, "own service", a.SvcA.Name, a.OrgA.Name, `name="reason"`, `value="in_assessment"`, `value="retired"`)
	MustNotContain(t, p, "planned service", `value="launched"`)

	other := c.Get("/services/" + ID(a.SvcB.ID))
	MustPage(t, other, http.StatusNotFound, "another tenant's service")
	MustNotContain(t, other, "another tenant's service", a.SvcB.Name, a.OrgB.Name)
	MustPage(t, c.Post("/services/"+ID(a.SvcB.ID)+"/status", url.Values{"to": {"retired"}, "reason": {"x"}}), http.StatusNotFound, "status change out of scope")

	// A move without a reason is refused next to the reason field.
	p = c.Post("/services/"+ID(a.SvcA.ID)+"/status", url.Values{"to": {"in_assessment"}})
	MustPage(t, p, http.StatusUnprocessableEntity, "no reason")
	if got := FieldErrorOf(t, p.Body, "reason"); got != "请填写变更理由" {
		t.Fatalf("error next to reason = %q", got)
	}
	p = c.Follow("/services/"+ID(a.SvcA.ID)+"/status", url.Values{"to": {"in_assessment"}, "reason": {"启动上线前安全评估"}})
	MustContain(t, p, "after the move", "业务状态已变更", `value="planned"`)
	// Approval is the regulator's, so the enterprise is not offered it.
	MustNotContain(t, p, "after the move", `value="approved"`)
	// A move the lifecycle does not allow shows the domain's message.
	p = c.Post("/services/"+ID(a.SvcA.ID)+"/status", url.Values{"to": {"suspended"}, "reason": {"测试"}})
	MustPage(t, p, http.StatusUnprocessableEntity, "a forbidden move")
	MustContain(t, p, "a forbidden move", "业务状态不能由")
}

func TestUIServiceCreateAndEdit(t *testing.T) {
	t.Parallel()
	a := NewApp(t)
	c := a.Login(UserEntAssessA)
	form := c.Get("/services/new")
	MustPage(t, form, http.StatusOK, "new service form")
	// The owner select offers tenant A's organisations only.
	MustContain(t, form, "owner choices", a.OrgA.Name, a.OrgASub.Name)
	MustNotContain(t, form, "owner choices", a.OrgB.Name)
	// A search narrows the choices, for actors with many organisations.
	form = c.Get("/services/new?org_q=" + url.QueryEscape("广州"))
	MustContain(t, form, "narrowed owner choices", `name="org_q" value="广州"`, a.OrgASub.Name)
	MustNotContain(t, form, "narrowed owner choices", `<option value="`+ID(a.OrgA.ID)+`"`)
	form = a.Login(UserBureauGD).Get("/organisations/new?org_q=" + url.QueryEscape("丙评估"))
	MustContain(t, form, "narrowed parent choices", a.OrgThird.Name)
	MustNotContain(t, form, "narrowed parent choices", a.OrgA.Name)

	before := a.CountServices()
	p := c.Post("/services", url.Values{
		"org_id": {ID(a.OrgA.ID)}, "name": {""}, "category": {"nonsense"}, "status": {"planned"},
		"target_kind": {"url", "url"}, "target_value": {"ftp://bad", ""},
	})
	MustPage(t, p, http.StatusUnprocessableEntity, "bad service")
	if got := FieldErrorOf(t, p.Body, "name"); got != "业务名称不能为空" {
		t.Fatalf("error next to name = %q", got)
	}
	if got := FieldErrorOf(t, p.Body, "category"); !strings.Contains(got, "nonsense") {
		t.Fatalf("error next to category = %q", got)
	}
	if got := FieldErrorOf(t, p.Body, "target_value"); got != "监测目标须为http或https网址" {
		t.Fatalf("error next to the first target = %q", got)
	}
	if got := a.CountServices(); got != before {
		t.Fatalf("services after a failed create = %d, want %d", got, before)
	}
	// Creating a service for another tenant's organisation is not possible.
	p = c.Post("/services", url.Values{"org_id": {ID(a.OrgB.ID)}, "name": {"越权业务"}, "category": {"im"}, "status": {"planned"}})
	if p.Status == http.StatusSeeOther {
		t.Fatalf("created a service for another tenant")
	}
	MustNotContain(t, p, "service for another tenant", a.OrgB.Name)

	res := c.Post("/services", url.Values{
		"org_id": {ID(a.OrgASub.ID)}, "name": {"甲云会议"}, "category": {"converged_comm"}, "status": {"planned"},
		"provinces": {"440000", "110000"}, "tags": {"音视频, WebRTC"},
		"target_kind": {"url", "number"}, "target_value": {"https://meet.example.cn", "10690000"}, "target_note": {"官网", ""},
	})
	if res.Status != http.StatusSeeOther {
		t.Fatalf("create: status %d; %s", res.Status, Text(res.Body))
	}
	p = c.Get(res.Location)
	MustContain(t, p, "new service", "业务已新增", "甲云会议", a.OrgASub.Name, "北京市", "WebRTC", "https://meet.example.cn", "10690000")
	edit := c.Get(res.Location + "/edit")
	if got := InputValue(t, edit.Body, "tags"); got != "音视频, WebRTC" {
		t.Fatalf("edit form tags = %q", got)
	}
	p = c.Follow(res.Location, url.Values{"org_id": {ID(a.OrgASub.ID)}, "name": {"甲云会议（企业版）"}, "category": {"converged_comm"}})
	MustContain(t, p, "edited service", "业务信息已保存", "甲云会议（企业版）")
	MustNotContain(t, p, "edited service", "10690000")
}
