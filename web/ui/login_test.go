package ui_test

import (
	"net/http"
	"net/url"
	"strings"
	"testing"

	. "github.com/pinggu/pinggu/web/webtest"

	"github.com/pinggu/pinggu"
)

func TestUILoginPage(t *testing.T) {
	t.Parallel()
	a := NewApp(t)
	zh := a.Anon().Get("/login")
	MustPage(t, zh, http.StatusOK, "login page")
	MustContain(t, zh, "login page in Chinese", "互联网新技术新业务安全评估管理平台", "用户登录", `lang="zh-CN"`)
	en := a.Anon().WithLang("en").Get("/login")
	MustContain(t, en, "login page in English", "New Internet Technologies and Services Security Assessment Platform", "Log in", `lang="en"`)
	MustNotContain(t, en, "login page in English", "用户登录")
}

func TestUILoginRedirectsToThePageAsked(t *testing.T) {
	t.Parallel()
	a := NewApp(t)
	c := a.Anon()
	asked := "/services?category=im"
	p := c.Get(asked)
	if p.Status != http.StatusSeeOther || !strings.HasPrefix(p.Location, "/login?next=") {
		t.Fatalf("anonymous GET %s: status %d location %q, want a redirect to the login page", asked, p.Status, p.Location)
	}
	form := c.Get(p.Location)
	next := InputValue(t, form.Body, "next")
	if next != asked {
		t.Fatalf("login form carries next=%q, want %q", next, asked)
	}
	res := c.Post("/login", url.Values{"username": {UserBureauGD}, "password": {TestPassword}, "next": {next}})
	if got, want := res.Location, asked; res.Status != http.StatusSeeOther || got != want {
		t.Fatalf("after login: status %d location %q, want 303 to %q", res.Status, got, want)
	}
	list := c.Get(asked)
	MustPage(t, list, http.StatusOK, "the page first asked for")
	MustContain(t, list, "service list after login", a.SvcA.Name)

	// An address off the site is not followed.
	c2 := a.Anon()
	res = c2.Post("/login", url.Values{"username": {UserBureauGD}, "password": {TestPassword}, "next": {"//evil.example/"}})
	if res.Location != "/dashboard" {
		t.Fatalf("login with an off-site next went to %q, want /dashboard", res.Location)
	}
}

func TestUILoginWrongPasswordAndLockOut(t *testing.T) {
	t.Parallel()
	a := NewApp(t)
	c := a.Anon()
	p := c.Post("/login", url.Values{"username": {UserBureauGD}, "password": {"wrong-Password-1"}})
	MustPage(t, p, http.StatusUnauthorized, "wrong password")
	MustContain(t, p, "wrong password", "用户名或密码错误")
	if got := InputValue(t, p.Body, "username"); got != UserBureauGD {
		t.Fatalf("username after a failed login = %q, want it kept", got)
	}
	for range pinggu.MaxFailedLogins {
		p = c.Post("/login", url.Values{"username": {UserBureauGD}, "password": {"wrong-Password-1"}})
	}
	MustContain(t, p, "locked account", "账号已被锁定")
	// Even the right password is refused while locked.
	p = c.Post("/login", url.Values{"username": {UserBureauGD}, "password": {TestPassword}})
	MustPage(t, p, http.StatusUnauthorized, "right password on a locked account")
	MustContain(t, p, "right password on a locked account", "账号已被锁定")
}

func TestUILogoutEndsTheSession(t *testing.T) {
	t.Parallel()
	a := NewApp(t)
	c := a.Login(UserBureauGD)
	MustPage(t, c.Get("/dashboard"), http.StatusOK, "dashboard before logout")
	p := c.Follow("/logout", nil)
	MustContain(t, p, "after logout", "您已安全退出", `id="username"`)
	if p := c.Get("/dashboard"); p.Status != http.StatusSeeOther {
		t.Fatalf("dashboard after logout: status %d, want a redirect to login", p.Status)
	}
}

func TestUIMustChangePassword(t *testing.T) {
	t.Parallel()
	a := NewApp(t)
	if _, err := a.DB.ResetPassword(SysCtx(), a.Users[UserBureauGD].ID, "Reset-Pass-2026"); err != nil {
		t.Fatal(err)
	}
	c := a.Anon()
	res := c.Post("/login", url.Values{"username": {UserBureauGD}, "password": {"Reset-Pass-2026"}, "next": {"/services"}})
	if res.Location != "/account/password" {
		t.Fatalf("login with a reset password goes to %q, want /account/password", res.Location)
	}
	if p := c.Get("/services"); p.Status != http.StatusSeeOther || p.Location != "/account/password" {
		t.Fatalf("other pages before the change: status %d location %q, want the password page", p.Status, p.Location)
	}
	p := c.Get("/account/password")
	MustContain(t, p, "forced password page", "须修改后方可继续")

	// Mismatch and a weak password show next to their fields.
	p = c.Post("/account/password", url.Values{"old_password": {"Reset-Pass-2026"}, "password": {"New-Pass-2026!"}, "password2": {"Other-Pass-2026!"}})
	MustPage(t, p, http.StatusUnprocessableEntity, "mismatched passwords")
	if got := FieldErrorOf(t, p.Body, "password2"); got != "两次输入的新密码不一致" {
		t.Fatalf("error next to password2 = %q", got)
	}
	p = c.Post("/account/password", url.Values{"old_password": {"Reset-Pass-2026"}, "password": {"short"}, "password2": {"short"}})
	if got := FieldErrorOf(t, p.Body, "password"); !strings.Contains(got, "至少为10位") {
		t.Fatalf("error next to password = %q", got)
	}
	p = c.Post("/account/password", url.Values{"old_password": {"not-it-At-all-1"}, "password": {"New-Pass-2026!"}, "password2": {"New-Pass-2026!"}})
	if got := FieldErrorOf(t, p.Body, "old_password"); got == "" {
		t.Fatalf("a wrong current password shows no error next to the field; page: %.1500s", Text(p.Body))
	}

	p = c.Follow("/account/password", url.Values{"old_password": {"Reset-Pass-2026"}, "password": {"New-Pass-2026!"}, "password2": {"New-Pass-2026!"}})
	MustPage(t, p, http.StatusOK, "after changing the password")
	MustContain(t, p, "after changing the password", "密码已修改")
	MustPage(t, c.Get("/services"), http.StatusOK, "services after the change")
}
