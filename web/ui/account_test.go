package ui_test

import (
	"net/http"
	"net/url"
	"testing"

	. "github.com/pinggu/pinggu/web/webtest"

	"github.com/pinggu/pinggu"
)

func TestUIAccountsForSystemAdmin(t *testing.T) {
	t.Parallel()
	a := NewApp(t)
	for _, lang := range []string{"zh", "en"} {
		p := a.Login(UserSysAdmin).WithLang(lang).Get("/accounts")
		MustPage(t, p, http.StatusOK, "accounts "+lang)
		MustContain(t, p, "account list", UserBureauGD, UserEntAdminB, UserAuditor)
	}
	c := a.Login(UserSysAdmin)
	form := c.Get("/accounts/new")
	// The unit select names organisations (the directory) but the page shows
	// no business data: no services, no licences.
	MustContain(t, form, "new account form", a.OrgA.Name, a.OrgB.Name)
	MustNotContain(t, form, "new account form", a.SvcA.Name, a.LicA.Number)

	p := c.Post("/accounts", url.Values{"username": {"A"}, "name": {""}, "role": {"bureau_officer"}, "password": {"short"}, "locale": {"zh"}})
	MustPage(t, p, http.StatusUnprocessableEntity, "bad account")
	for field, want := range map[string]string{
		"username": "用户名须为3至64位小写字母、数字或“.”“_”“-”，以字母或数字开头",
		"name":     "姓名不能为空",
		"province": "省级通信管理局人员须指定所属省份",
		"password": "密码长度至少为10位",
	} {
		if got := FieldErrorOf(t, p.Body, field); got != want {
			t.Errorf("error next to %s = %q, want %q", field, got, want)
		}
	}
	p = c.Follow("/accounts", url.Values{"username": {"bureau.zj"}, "name": {"浙江局"}, "role": {"bureau_officer"}, "province": {"330000"}, "password": {"Initial-Pass-2026"}, "locale": {"zh"}})
	MustContain(t, p, "after creating", "账号已创建", "bureau.zj")
	users, _, err := a.DB.ListUsers(SysCtx(), pinggu.UserFilter{Query: "bureau.zj"})
	if err != nil || len(users) != 1 {
		t.Fatalf("created account not found: %v", err)
	}
	u := users[0]
	edit := "/accounts/" + ID(u.ID)
	p = c.Follow(edit, url.Values{"name": {"浙江省通信管理局"}, "role": {"bureau_officer"}, "province": {"330000"}, "locale": {"en"}, "disabled": {"1"}})
	MustContain(t, p, "after editing", "账号信息已保存", "已停用")
	got, _ := a.DB.FindUser(SysCtx(), u.ID)
	if !got.Disabled || got.Name != "浙江省通信管理局" || got.Locale != "en" {
		t.Fatalf("account after edit = %+v", got)
	}

	// A weak reset password is refused on the edit page; a good one makes
	// the owner change it.
	p = c.Post(edit+"/password", url.Values{"password": {"weak"}})
	MustPage(t, p, http.StatusUnprocessableEntity, "weak reset")
	MustContain(t, p, "weak reset", "密码长度至少为10位")
	p = c.Follow(edit+"/password", url.Values{"password": {"Reset-Pass-2026"}})
	MustContain(t, p, "after reset", "密码已重置")

	// Unlock clears a lock-out.
	anon := a.Anon()
	for range pinggu.MaxFailedLogins {
		anon.Post("/login", url.Values{"username": {UserEntAdminB}, "password": {"wrong-Password-1"}})
	}
	b := "/accounts/" + ID(a.Users[UserEntAdminB].ID)
	MustContain(t, c.Get(b+"/edit"), "locked account", "解除锁定")
	p = c.Follow(b+"/unlock", nil)
	MustContain(t, p, "after unlock", "账号已解除锁定")
	MustNotContain(t, p, "after unlock", `action="`+b+`/unlock"`)
	res := anon.Post("/login", url.Values{"username": {UserEntAdminB}, "password": {TestPassword}})
	if res.Status != http.StatusSeeOther {
		t.Fatalf("login after unlock: status %d", res.Status)
	}
}
