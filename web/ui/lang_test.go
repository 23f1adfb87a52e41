package ui_test

import (
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"

	. "github.com/pinggu/pinggu/web/webtest"
)

func TestUILanguageSwitchAndUserLocale(t *testing.T) {
	t.Parallel()
	a := NewApp(t)
	u := a.Users[UserBureauGD]
	u.Locale = "en"
	if err := a.DB.UpdateUser(SysCtx(), u); err != nil {
		t.Fatal(err)
	}
	c := a.Login(UserBureauGD)
	p := c.Get("/services")
	MustContain(t, p, "the user's own locale", `lang="en"`, "Services", "Log out")
	// The switch overrides it and returns to the same page.
	res := c.Post("/lang", url.Values{"lang": {"zh"}, "back": {"/services?category=im"}})
	if res.Status != http.StatusSeeOther || res.Location != "/services?category=im" {
		t.Fatalf("language switch: status %d location %q", res.Status, res.Location)
	}
	p = c.Get("/services")
	MustContain(t, p, "after switching", `lang="zh-CN"`, "业务台账", "退出")
	// The switch offers the other language and names the current page.
	MustContain(t, p, "switch form", `name="lang" value="en"`, `name="back" value="/services"`)
	// An off-site return address is not followed.
	res = c.Post("/lang", url.Values{"lang": {"en"}, "back": {"https://evil.example/"}})
	if res.Location != "/" {
		t.Fatalf("language switch with an off-site address goes to %q", res.Location)
	}
}

var inlineRE = regexp.MustCompile(`(?i)(<script>|<script [^>]*>[^<]|\sstyle=|\son[a-z]+=|javascript:)`)

// TestUIPagesHaveNoInlineScriptOrStyle renders every page in both languages
// and checks that it keeps to the Content-Security-Policy, which forbids
// inline script and style.
func TestUIPagesHaveNoInlineScriptOrStyle(t *testing.T) {
	t.Parallel()
	a := NewApp(t)
	pages := map[string][]string{
		UserBureauGD: {"/dashboard", "/organisations", "/organisations/new", "/organisations/" + ID(a.OrgA.ID), "/organisations/import", "/services", "/services/new", "/services/" + ID(a.SvcA.ID), "/licences", "/modules/patrol", "/account/tokens", "/account/password"},
		UserSysAdmin: {"/accounts", "/accounts/new", "/accounts/" + ID(a.Users[UserBureauGD].ID) + "/edit"},
		UserAuditor:  {"/audit"},
	}
	for user, paths := range pages {
		zh, en := a.Login(user), a.Login(user).WithLang("en")
		for _, path := range paths {
			MustContain(t, en.Get(path), "English "+path, `<html lang="en">`)
			c := zh
			p := c.Get(path)
			MustPage(t, p, http.StatusOK, user+" "+path)
			MustContain(t, p, "Chinese "+path, `<html lang="zh-CN">`)
			if m := inlineRE.FindString(p.Body); m != "" {
				t.Errorf("%s has inline script or style: %q", path, m)
			}
			if csp := c.DoType("GET", path, "", nil).Header.Get("Content-Security-Policy"); !strings.Contains(csp, "script-src 'self'") {
				t.Errorf("%s: CSP = %q", path, csp)
			}
		}
	}
	for path, ct := range map[string]string{"/static/app.css": "text/css", "/static/app.js": "javascript", "/static/logo.svg": "image/svg+xml"} {
		res := a.Anon().DoType("GET", path, "", nil)
		if res.Status != http.StatusOK || !strings.Contains(res.Header.Get("Content-Type"), ct) {
			t.Errorf("%s: status %d type %q", path, res.Status, res.Header.Get("Content-Type"))
		}
	}
	if res := a.Anon().DoType("GET", "/static/", "", nil); res.Status != http.StatusNotFound {
		t.Errorf("static directory listing: status %d, want 404", res.Status)
	}
}
