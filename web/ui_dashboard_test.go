package web

import (
	"net/http"
	"strings"
	"testing"

	"github.com/pinggu/pinggu/web/i18n"
	"github.com/pinggu/pinggu/web/ui"
)

func TestUIDashboardCountsInScope(t *testing.T) {
	t.Parallel()
	a := newApp(t)
	for _, lang := range []string{"zh", "en"} {
		p := a.login(uEntAdminA).withLang(lang).get("/dashboard")
		mustPage(t, p, http.StatusOK, "dashboard "+lang)
		mustContain(t, p, "dashboard", "<svg", `class="chart-bar"`, `href="/services?category=im"`, `href="/services?status=planned"`)
	}
	p := a.login(uEntAdminA).get("/dashboard")
	// Tenant A has two organisations and one service; the chart's IM bar
	// counts it and the search bar counts nothing (B's service).
	tiles := text(p.body[strings.Index(p.body, `class="tiles"`):strings.Index(p.body, `class="cols"`)])
	if !strings.Contains(tiles, "2 机构总数") || !strings.Contains(tiles, "1 业务总数") {
		t.Fatalf("tenant A's tiles = %q, want 2 organisations and 1 service", tiles)
	}
	mustContain(t, p, "chart", "<title>即时通信: 1</title>", "<title>搜索引擎: 0</title>")
	p = a.login(uMinistry).get("/dashboard")
	mustContain(t, p, "ministry chart", "<title>即时通信: 1</title>", "<title>搜索引擎: 1</title>")
}

func TestUIHomeAndNavigationByRole(t *testing.T) {
	t.Parallel()
	a := newApp(t)
	cases := []struct {
		user, home string
		shows      []string
		hides      []string
	}{
		{uBureauGD, "/dashboard", []string{`href="/organisations"`, `href="/modules/patrol"`, "广东省通信管理局 · "}, []string{`href="/accounts"`, `href="/audit"`}},
		{uEntAdminA, "/dashboard", []string{`href="/services"`, a.orgA.Name + " · "}, []string{`href="/accounts"`, `href="/audit"`}},
		{uSysAdmin, "/accounts", []string{`href="/accounts"`}, []string{`href="/organisations"`, `href="/dashboard"`, `href="/audit"`, `href="/modules/`}},
		{uAuditor, "/audit", []string{`href="/audit"`}, []string{`href="/organisations"`, `href="/dashboard"`, `href="/accounts"`, `href="/modules/`}},
	}
	for _, c := range cases {
		cl := a.login(c.user)
		res := cl.get("/")
		if res.status != http.StatusSeeOther || res.location != c.home {
			t.Fatalf("%s: / goes to %q (status %d), want %q", c.user, res.location, res.status, c.home)
		}
		p := cl.get(c.home)
		mustPage(t, p, http.StatusOK, c.user+" home")
		mustContain(t, p, c.user+" navigation", c.shows...)
		mustNotContain(t, p, c.user+" navigation", c.hides...)
	}
	// Roles without a module get the 403 page, not the module.
	for _, c := range []struct{ user, path string }{
		{uSysAdmin, "/organisations"}, {uSysAdmin, "/services/" + id(a.svcA.ID)}, {uSysAdmin, "/audit"},
		{uAuditor, "/dashboard"}, {uAuditor, "/accounts"}, {uBureauGD, "/accounts"}, {uBureauGD, "/audit"},
	} {
		p := a.login(c.user).get(c.path)
		mustPage(t, p, http.StatusForbidden, c.user+" "+c.path)
		mustContain(t, p, c.user+" "+c.path, "无权访问")
		mustNotContain(t, p, c.user+" "+c.path, a.svcA.Name)
	}
}

func TestUIModulePagesAndNotFound(t *testing.T) {
	t.Parallel()
	a := newApp(t)
	c := a.login(uBureauGD)
	for _, m := range ui.Modules {
		p := c.get("/modules/" + m)
		mustPage(t, p, http.StatusOK, "module "+m)
		mustContain(t, p, "module "+m, "该功能模块正在建设中", i18n.Catalog(i18n.ZH)["module."+m])
	}
	p := c.withLang("en").get("/modules/patrol")
	if got := text(p.body); !strings.Contains(got, "under construction") || !strings.Contains(got, i18n.Catalog(i18n.EN)["module.patrol"]) {
		t.Fatalf("English module page lacks its description: %s", got)
	}
	for _, path := range []string{"/modules/nonsense", "/no/such/page", "/services/999999/edit"} {
		p := c.get(path)
		mustPage(t, p, http.StatusNotFound, path)
		mustContain(t, p, path, "Not found")
	}
	// Unknown API paths stay JSON.
	res := c.doType("GET", "/api/no-such-thing", "", nil)
	if ct := res.header.Get("Content-Type"); res.status != http.StatusNotFound || ct != "application/problem+json" {
		t.Fatalf("unknown API path: status %d content type %q", res.status, ct)
	}
}
