package web

import (
	"net/http"
	"net/url"
	"strings"
	"testing"
)

func TestUIServiceListScope(t *testing.T) {
	t.Parallel()
	a := newApp(t)
	for _, lang := range []string{"zh", "en"} {
		p := a.login(uEntAdminA).withLang(lang).get("/services")
		mustPage(t, p, http.StatusOK, "service list "+lang)
		mustContain(t, p, "tenant A's services", a.svcA.Name)
		mustNotContain(t, p, "tenant A's services", a.svcB.Name, a.orgB.Name)
	}
	c := a.login(uEntAdminA)
	for _, q := range []string{"乙", "智能搜索", a.orgB.USCC} {
		p := c.get("/services?q=" + url.QueryEscape(q))
		mustPage(t, p, http.StatusOK, "search "+q)
		mustNotContain(t, p, "search "+q, a.svcB.Name)
	}
	// Filtering by another tenant's organisation is a 404, not an empty list
	// with its name on it.
	p := c.get("/services?org_id=" + id(a.orgB.ID))
	mustPage(t, p, http.StatusNotFound, "owner filter out of scope")
	mustNotContain(t, p, "owner filter out of scope", a.orgB.Name)
	// The Shanghai officer finds B's service by text.
	p = a.login(uBureauSH).get("/services?q=" + url.QueryEscape("智能"))
	mustContain(t, p, "Shanghai search", a.svcB.Name)
	mustNotContain(t, p, "Shanghai search", a.svcA.Name)
	p = a.login(uBureauSH).get("/services?category=im")
	mustNotContain(t, p, "category filter", a.svcB.Name)
	mustContain(t, p, "category filter", "共 0 条")
}

func TestUIServiceShowAndLifecycle(t *testing.T) {
	t.Parallel()
	a := newApp(t)
	c := a.login(uEntAdminA)
	p := c.get("/services/" + id(a.svcA.ID))
	mustPage(t, p, http.StatusOK, "own service")
	mustContain(t, p, "own service", a.svcA.Name, a.orgA.Name, `name="reason"`, `value="in_assessment"`, `value="retired"`)
	mustNotContain(t, p, "planned service", `value="launched"`)

	other := c.get("/services/" + id(a.svcB.ID))
	mustPage(t, other, http.StatusNotFound, "another tenant's service")
	mustNotContain(t, other, "another tenant's service", a.svcB.Name, a.orgB.Name)
	mustPage(t, c.post("/services/"+id(a.svcB.ID)+"/status", url.Values{"to": {"retired"}, "reason": {"x"}}), http.StatusNotFound, "status change out of scope")

	// A move without a reason is refused next to the reason field.
	p = c.post("/services/"+id(a.svcA.ID)+"/status", url.Values{"to": {"in_assessment"}})
	mustPage(t, p, http.StatusUnprocessableEntity, "no reason")
	if got := fieldError(t, p.body, "reason"); got != "请填写变更理由" {
		t.Fatalf("error next to reason = %q", got)
	}
	p = c.follow("/services/"+id(a.svcA.ID)+"/status", url.Values{"to": {"in_assessment"}, "reason": {"启动上线前安全评估"}})
	mustContain(t, p, "after the move", "业务状态已变更", `value="planned"`)
	// Approval is the regulator's, so the enterprise is not offered it.
	mustNotContain(t, p, "after the move", `value="approved"`)
	// A move the lifecycle does not allow shows the domain's message.
	p = c.post("/services/"+id(a.svcA.ID)+"/status", url.Values{"to": {"suspended"}, "reason": {"测试"}})
	mustPage(t, p, http.StatusUnprocessableEntity, "a forbidden move")
	mustContain(t, p, "a forbidden move", "业务状态不能由")
}

func TestUIServiceCreateAndEdit(t *testing.T) {
	t.Parallel()
	a := newApp(t)
	c := a.login(uEntAssessA)
	form := c.get("/services/new")
	mustPage(t, form, http.StatusOK, "new service form")
	// The owner select offers tenant A's organisations only.
	mustContain(t, form, "owner choices", a.orgA.Name, a.orgASub.Name)
	mustNotContain(t, form, "owner choices", a.orgB.Name)
	// A search narrows the choices, for actors with many organisations.
	form = c.get("/services/new?org_q=" + url.QueryEscape("广州"))
	mustContain(t, form, "narrowed owner choices", `name="org_q" value="广州"`, a.orgASub.Name)
	mustNotContain(t, form, "narrowed owner choices", `<option value="`+id(a.orgA.ID)+`"`)
	form = a.login(uBureauGD).get("/organisations/new?org_q=" + url.QueryEscape("丙评估"))
	mustContain(t, form, "narrowed parent choices", a.orgThird.Name)
	mustNotContain(t, form, "narrowed parent choices", a.orgA.Name)

	before := a.countServices()
	p := c.post("/services", url.Values{
		"org_id": {id(a.orgA.ID)}, "name": {""}, "category": {"nonsense"}, "status": {"planned"},
		"target_kind": {"url", "url"}, "target_value": {"ftp://bad", ""},
	})
	mustPage(t, p, http.StatusUnprocessableEntity, "bad service")
	if got := fieldError(t, p.body, "name"); got != "业务名称不能为空" {
		t.Fatalf("error next to name = %q", got)
	}
	if got := fieldError(t, p.body, "category"); !strings.Contains(got, "nonsense") {
		t.Fatalf("error next to category = %q", got)
	}
	if got := fieldError(t, p.body, "target_value"); got != "监测目标须为http或https网址" {
		t.Fatalf("error next to the first target = %q", got)
	}
	if got := a.countServices(); got != before {
		t.Fatalf("services after a failed create = %d, want %d", got, before)
	}
	// Creating a service for another tenant's organisation is not possible.
	p = c.post("/services", url.Values{"org_id": {id(a.orgB.ID)}, "name": {"越权业务"}, "category": {"im"}, "status": {"planned"}})
	if p.status == http.StatusSeeOther {
		t.Fatalf("created a service for another tenant")
	}
	mustNotContain(t, p, "service for another tenant", a.orgB.Name)

	res := c.post("/services", url.Values{
		"org_id": {id(a.orgASub.ID)}, "name": {"甲云会议"}, "category": {"converged_comm"}, "status": {"planned"},
		"provinces": {"440000", "110000"}, "tags": {"音视频, WebRTC"},
		"target_kind": {"url", "number"}, "target_value": {"https://meet.example.cn", "10690000"}, "target_note": {"官网", ""},
	})
	if res.status != http.StatusSeeOther {
		t.Fatalf("create: status %d; %s", res.status, text(res.body))
	}
	p = c.get(res.location)
	mustContain(t, p, "new service", "业务已新增", "甲云会议", a.orgASub.Name, "北京市", "WebRTC", "https://meet.example.cn", "10690000")
	edit := c.get(res.location + "/edit")
	if got := inputValue(t, edit.body, "tags"); got != "音视频, WebRTC" {
		t.Fatalf("edit form tags = %q", got)
	}
	p = c.follow(res.location, url.Values{"org_id": {id(a.orgASub.ID)}, "name": {"甲云会议（企业版）"}, "category": {"converged_comm"}})
	mustContain(t, p, "edited service", "业务信息已保存", "甲云会议（企业版）")
	mustNotContain(t, p, "edited service", "10690000")
}
