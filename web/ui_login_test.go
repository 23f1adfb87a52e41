package web

import (
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/pinggu/pinggu"
)

func TestUILoginPage(t *testing.T) {
	t.Parallel()
	a := newApp(t)
	zh := a.anon().get("/login")
	mustPage(t, zh, http.StatusOK, "login page")
	mustContain(t, zh, "login page in Chinese", "互联网新技术新业务安全评估管理平台", "用户登录", `lang="zh-CN"`)
	en := a.anon().withLang("en").get("/login")
	mustContain(t, en, "login page in English", "New Internet Technologies and Services Security Assessment Platform", "Log in", `lang="en"`)
	mustNotContain(t, en, "login page in English", "用户登录")
}

func TestUILoginRedirectsToThePageAsked(t *testing.T) {
	t.Parallel()
	a := newApp(t)
	c := a.anon()
	asked := "/services?category=im"
	p := c.get(asked)
	if p.status != http.StatusSeeOther || !strings.HasPrefix(p.location, "/login?next=") {
		t.Fatalf("anonymous GET %s: status %d location %q, want a redirect to the login page", asked, p.status, p.location)
	}
	form := c.get(p.location)
	next := inputValue(t, form.body, "next")
	if next != asked {
		t.Fatalf("login form carries next=%q, want %q", next, asked)
	}
	res := c.post("/login", url.Values{"username": {uBureauGD}, "password": {testPassword}, "next": {next}})
	if got, want := res.location, asked; res.status != http.StatusSeeOther || got != want {
		t.Fatalf("after login: status %d location %q, want 303 to %q", res.status, got, want)
	}
	list := c.get(asked)
	mustPage(t, list, http.StatusOK, "the page first asked for")
	mustContain(t, list, "service list after login", a.svcA.Name)

	// An address off the site is not followed.
	c2 := a.anon()
	res = c2.post("/login", url.Values{"username": {uBureauGD}, "password": {testPassword}, "next": {"//evil.example/"}})
	if res.location != "/dashboard" {
		t.Fatalf("login with an off-site next went to %q, want /dashboard", res.location)
	}
}

func TestUILoginWrongPasswordAndLockOut(t *testing.T) {
	t.Parallel()
	a := newApp(t)
	c := a.anon()
	p := c.post("/login", url.Values{"username": {uBureauGD}, "password": {"wrong-Password-1"}})
	mustPage(t, p, http.StatusUnauthorized, "wrong password")
	mustContain(t, p, "wrong password", "用户名或密码错误")
	if got := inputValue(t, p.body, "username"); got != uBureauGD {
		t.Fatalf("username after a failed login = %q, want it kept", got)
	}
	for range pinggu.MaxFailedLogins {
		p = c.post("/login", url.Values{"username": {uBureauGD}, "password": {"wrong-Password-1"}})
	}
	mustContain(t, p, "locked account", "账号已被锁定")
	// Even the right password is refused while locked.
	p = c.post("/login", url.Values{"username": {uBureauGD}, "password": {testPassword}})
	mustPage(t, p, http.StatusUnauthorized, "right password on a locked account")
	mustContain(t, p, "right password on a locked account", "账号已被锁定")
}

func TestUILogoutEndsTheSession(t *testing.T) {
	t.Parallel()
	a := newApp(t)
	c := a.login(uBureauGD)
	mustPage(t, c.get("/dashboard"), http.StatusOK, "dashboard before logout")
	p := c.follow("/logout", nil)
	mustContain(t, p, "after logout", "您已安全退出", `id="username"`)
	if p := c.get("/dashboard"); p.status != http.StatusSeeOther {
		t.Fatalf("dashboard after logout: status %d, want a redirect to login", p.status)
	}
}

func TestUIMustChangePassword(t *testing.T) {
	t.Parallel()
	a := newApp(t)
	if _, err := a.db.ResetPassword(sysCtx(), a.users[uBureauGD].ID, "Reset-Pass-2026"); err != nil {
		t.Fatal(err)
	}
	c := a.anon()
	res := c.post("/login", url.Values{"username": {uBureauGD}, "password": {"Reset-Pass-2026"}, "next": {"/services"}})
	if res.location != "/account/password" {
		t.Fatalf("login with a reset password goes to %q, want /account/password", res.location)
	}
	if p := c.get("/services"); p.status != http.StatusSeeOther || p.location != "/account/password" {
		t.Fatalf("other pages before the change: status %d location %q, want the password page", p.status, p.location)
	}
	p := c.get("/account/password")
	mustContain(t, p, "forced password page", "须修改后方可继续")

	// Mismatch and a weak password show next to their fields.
	p = c.post("/account/password", url.Values{"old_password": {"Reset-Pass-2026"}, "password": {"New-Pass-2026!"}, "password2": {"Other-Pass-2026!"}})
	mustPage(t, p, http.StatusUnprocessableEntity, "mismatched passwords")
	if got := fieldError(t, p.body, "password2"); got != "两次输入的新密码不一致" {
		t.Fatalf("error next to password2 = %q", got)
	}
	p = c.post("/account/password", url.Values{"old_password": {"Reset-Pass-2026"}, "password": {"short"}, "password2": {"short"}})
	if got := fieldError(t, p.body, "password"); !strings.Contains(got, "至少为10位") {
		t.Fatalf("error next to password = %q", got)
	}
	p = c.post("/account/password", url.Values{"old_password": {"not-it-At-all-1"}, "password": {"New-Pass-2026!"}, "password2": {"New-Pass-2026!"}})
	if got := fieldError(t, p.body, "old_password"); got == "" {
		t.Fatalf("a wrong current password shows no error next to the field; page: %.1500s", text(p.body))
	}

	p = c.follow("/account/password", url.Values{"old_password": {"Reset-Pass-2026"}, "password": {"New-Pass-2026!"}, "password2": {"New-Pass-2026!"}})
	mustPage(t, p, http.StatusOK, "after changing the password")
	mustContain(t, p, "after changing the password", "密码已修改")
	mustPage(t, c.get("/services"), http.StatusOK, "services after the change")
}
