package web

import (
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"
)

func TestUILanguageSwitchAndUserLocale(t *testing.T) {
	t.Parallel()
	a := newApp(t)
	u := a.users[uBureauGD]
	u.Locale = "en"
	if err := a.db.UpdateUser(sysCtx(), u); err != nil {
		t.Fatal(err)
	}
	c := a.login(uBureauGD)
	p := c.get("/services")
	mustContain(t, p, "the user's own locale", `lang="en"`, "Services", "Log out")
	// The switch overrides it and returns to the same page.
	res := c.post("/lang", url.Values{"lang": {"zh"}, "back": {"/services?category=im"}})
	if res.status != http.StatusSeeOther || res.location != "/services?category=im" {
		t.Fatalf("language switch: status %d location %q", res.status, res.location)
	}
	p = c.get("/services")
	mustContain(t, p, "after switching", `lang="zh-CN"`, "业务台账", "退出")
	// The switch offers the other language and names the current page.
	mustContain(t, p, "switch form", `name="lang" value="en"`, `name="back" value="/services"`)
	// An off-site return address is not followed.
	res = c.post("/lang", url.Values{"lang": {"en"}, "back": {"https://evil.example/"}})
	if res.location != "/" {
		t.Fatalf("language switch with an off-site address goes to %q", res.location)
	}
}

var inlineRE = regexp.MustCompile(`(?i)(<script>|<script [^>]*>[^<]|\sstyle=|\son[a-z]+=|javascript:)`)

// TestUIPagesHaveNoInlineScriptOrStyle renders every page in both languages
// and checks that it keeps to the Content-Security-Policy, which forbids
// inline script and style.
func TestUIPagesHaveNoInlineScriptOrStyle(t *testing.T) {
	t.Parallel()
	a := newApp(t)
	pages := map[string][]string{
		uBureauGD: {"/dashboard", "/organisations", "/organisations/new", "/organisations/" + id(a.orgA.ID), "/organisations/import", "/services", "/services/new", "/services/" + id(a.svcA.ID), "/licences", "/modules/patrol", "/account/tokens", "/account/password"},
		uSysAdmin: {"/accounts", "/accounts/new", "/accounts/" + id(a.users[uBureauGD].ID) + "/edit"},
		uAuditor:  {"/audit"},
	}
	for user, paths := range pages {
		zh, en := a.login(user), a.login(user).withLang("en")
		for _, path := range paths {
			mustContain(t, en.get(path), "English "+path, `<html lang="en">`)
			c := zh
			p := c.get(path)
			mustPage(t, p, http.StatusOK, user+" "+path)
			mustContain(t, p, "Chinese "+path, `<html lang="zh-CN">`)
			if m := inlineRE.FindString(p.body); m != "" {
				t.Errorf("%s has inline script or style: %q", path, m)
			}
			if csp := c.doType("GET", path, "", nil).header.Get("Content-Security-Policy"); !strings.Contains(csp, "script-src 'self'") {
				t.Errorf("%s: CSP = %q", path, csp)
			}
		}
	}
	for path, ct := range map[string]string{"/static/app.css": "text/css", "/static/app.js": "javascript", "/static/logo.svg": "image/svg+xml"} {
		res := a.anon().doType("GET", path, "", nil)
		if res.status != http.StatusOK || !strings.Contains(res.header.Get("Content-Type"), ct) {
			t.Errorf("%s: status %d type %q", path, res.status, res.header.Get("Content-Type"))
		}
	}
	if res := a.anon().doType("GET", "/static/", "", nil); res.status != http.StatusNotFound {
		t.Errorf("static directory listing: status %d, want 404", res.status)
	}
}
