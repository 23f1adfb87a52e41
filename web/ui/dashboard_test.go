package ui_test

import (
	"net/http"
	"strings"
	"testing"

	. "github.com/pinggu/pinggu/web/webtest"

	"github.com/pinggu/pinggu/web/i18n"
	"github.com/pinggu/pinggu/web/ui"
)

func TestUIDashboardCountsInScope(t *testing.T) {
	t.Parallel()
	a := NewApp(t)
	for _, lang := range []string{"zh", "en"} {
		p := a.Login(UserEntAdminA).WithLang(lang).Get("/dashboard")
		MustPage(t, p, http.StatusOK, "dashboard "+lang)
		MustContain(t, p, "dashboard", "<svg", `class="chart-bar"`, `href="/services?category=im"`, `href="/services?status=planned"`,
			`href="/assessments?submitted=`, `class="series series-0"`)
	}
	p := a.Login(UserEntAdminA).Get("/dashboard")
	// Tenant A has two enterprises and one service; the chart's IM bar
	// counts it and the search bar counts nothing (B's service).
	tiles := Text(p.Body[strings.Index(p.Body, `class="dash-group"`):strings.Index(p.Body, `id="trend"`)])
	if !strings.Contains(tiles, "2 企业") || !strings.Contains(tiles, "1 登记业务") {
		t.Fatalf("tenant A's tiles = %q, want 2 enterprises and 1 service", tiles)
	}
	MustContain(t, p, "chart", "<title>即时通信: 1</title>", "<title>搜索引擎: 0</title>")
	MustNotContain(t, p, "enterprise dashboard", `id="ranking"`)
	p = a.Login(UserMinistry).Get("/dashboard")
	MustContain(t, p, "ministry chart", "<title>即时通信: 1</title>", "<title>搜索引擎: 1</title>", `id="ranking"`,
		`href="/services?province=440000&amp;status=launched"`)
	p = a.Login(UserBureauGD).Get("/dashboard")
	MustContain(t, p, "bureau", "<title>即时通信: 1</title>", "<title>搜索引擎: 0</title>")
}

func TestUIHomeAndNavigationByRole(t *testing.T) {
	t.Parallel()
	a := NewApp(t)
	cases := []struct {
		user, home string
		shows      []string
		hides      []string
	}{
		{UserBureauGD, "/dashboard", []string{`href="/organisations"`, `href="/patrol"`, `href="/patrol/warnings"`, "广东省通信管理局 · "}, []string{`href="/accounts"`, `href="/audit"`}},
		{UserEntAdminA, "/dashboard", []string{`href="/services"`, a.OrgA.Name + " · "}, []string{`href="/accounts"`, `href="/audit"`}},
		{UserSysAdmin, "/accounts", []string{`href="/accounts"`}, []string{`href="/organisations"`, `href="/dashboard"`, `href="/audit"`, `href="/modules/`}},
		{UserAuditor, "/audit", []string{`href="/audit"`}, []string{`href="/organisations"`, `href="/dashboard"`, `href="/accounts"`, `href="/modules/`}},
	}
	for _, c := range cases {
		cl := a.Login(c.user)
		res := cl.Get("/")
		if res.Status != http.StatusSeeOther || res.Location != c.home {
			t.Fatalf("%s: / goes to %q (status %d), want %q", c.user, res.Location, res.Status, c.home)
		}
		p := cl.Get(c.home)
		MustPage(t, p, http.StatusOK, c.user+" home")
		MustContain(t, p, c.user+" navigation", c.shows...)
		MustNotContain(t, p, c.user+" navigation", c.hides...)
	}
	// Roles without a module get the 403 page, not the module.
	for _, c := range []struct{ user, path string }{
		{UserSysAdmin, "/organisations"}, {UserSysAdmin, "/services/" + ID(a.SvcA.ID)}, {UserSysAdmin, "/audit"},
		{UserAuditor, "/dashboard"}, {UserAuditor, "/accounts"}, {UserBureauGD, "/accounts"}, {UserBureauGD, "/audit"},
	} {
		p := a.Login(c.user).Get(c.path)
		MustPage(t, p, http.StatusForbidden, c.user+" "+c.path)
		MustContain(t, p, c.user+" "+c.path, "无权访问")
		MustNotContain(t, p, c.user+" "+c.path, a.SvcA.Name)
	}
}

func TestUIModulePagesAndNotFound(t *testing.T) {
	t.Parallel()
	a := NewApp(t)
	c := a.Login(UserBureauGD)
	for _, m := range ui.Modules {
		p := c.Get("/modules/" + m)
		MustPage(t, p, http.StatusOK, "module "+m)
		MustContain(t, p, "module "+m, "该功能模块正在建设中", i18n.Catalog(i18n.ZH)["module."+m])
	}
	p := c.WithLang("en").Get("/modules/patrol")
	if got := Text(p.Body); !strings.Contains(got, "under construction") || !strings.Contains(got, i18n.Catalog(i18n.EN)["module.patrol"]) {
		t.Fatalf("English module page lacks its description: %s", got)
	}
	for _, path := range []string{"/modules/nonsense", "/no/such/page", "/services/999999/edit"} {
		p := c.Get(path)
		MustPage(t, p, http.StatusNotFound, path)
		MustContain(t, p, path, "Not found")
	}
	// Unknown API paths stay JSON.
	res := c.DoType("GET", "/api/no-such-thing", "", nil)
	if ct := res.Header.Get("Content-Type"); res.Status != http.StatusNotFound || ct != "application/problem+json" {
		t.Fatalf("unknown API path: status %d content type %q", res.Status, ct)
	}
}
