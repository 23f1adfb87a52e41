package web

import (
	"net/http"
	"net/url"
	"testing"

	"github.com/pinggu/pinggu"
)

func TestUIAccountsForSystemAdmin(t *testing.T) {
	t.Parallel()
	a := newApp(t)
	for _, lang := range []string{"zh", "en"} {
		p := a.login(uSysAdmin).withLang(lang).get("/accounts")
		mustPage(t, p, http.StatusOK, "accounts "+lang)
		mustContain(t, p, "account list", uBureauGD, uEntAdminB, uAuditor)
	}
	c := a.login(uSysAdmin)
	form := c.get("/accounts/new")
	// The unit select names organisations (the directory) but the page shows
	// no business data: no services, no licences.
	mustContain(t, form, "new account form", a.orgA.Name, a.orgB.Name)
	mustNotContain(t, form, "new account form", a.svcA.Name, a.licA.Number)

	p := c.post("/accounts", url.Values{"username": {"A"}, "name": {""}, "role": {"bureau_officer"}, "password": {"short"}, "locale": {"zh"}})
	mustPage(t, p, http.StatusUnprocessableEntity, "bad account")
	for field, want := range map[string]string{
		"username": "用户名须为3至64位小写字母、数字或“.”“_”“-”，以字母或数字开头",
		"name":     "姓名不能为空",
		"province": "省级通信管理局人员须指定所属省份",
		"password": "密码长度至少为10位",
	} {
		if got := fieldError(t, p.body, field); got != want {
			t.Errorf("error next to %s = %q, want %q", field, got, want)
		}
	}
	p = c.follow("/accounts", url.Values{"username": {"bureau.zj"}, "name": {"浙江局"}, "role": {"bureau_officer"}, "province": {"330000"}, "password": {"Initial-Pass-2026"}, "locale": {"zh"}})
	mustContain(t, p, "after creating", "账号已创建", "bureau.zj")
	users, _, err := a.db.ListUsers(sysCtx(), pinggu.UserFilter{Query: "bureau.zj"})
	if err != nil || len(users) != 1 {
		t.Fatalf("created account not found: %v", err)
	}
	u := users[0]
	edit := "/accounts/" + id(u.ID)
	p = c.follow(edit, url.Values{"name": {"浙江省通信管理局"}, "role": {"bureau_officer"}, "province": {"330000"}, "locale": {"en"}, "disabled": {"1"}})
	mustContain(t, p, "after editing", "账号信息已保存", "已停用")
	got, _ := a.db.FindUser(sysCtx(), u.ID)
	if !got.Disabled || got.Name != "浙江省通信管理局" || got.Locale != "en" {
		t.Fatalf("account after edit = %+v", got)
	}

	// A weak reset password is refused on the edit page; a good one makes
	// the owner change it.
	p = c.post(edit+"/password", url.Values{"password": {"weak"}})
	mustPage(t, p, http.StatusUnprocessableEntity, "weak reset")
	mustContain(t, p, "weak reset", "密码长度至少为10位")
	p = c.follow(edit+"/password", url.Values{"password": {"Reset-Pass-2026"}})
	mustContain(t, p, "after reset", "密码已重置")

	// Unlock clears a lock-out.
	anon := a.anon()
	for range pinggu.MaxFailedLogins {
		anon.post("/login", url.Values{"username": {uEntAdminB}, "password": {"wrong-Password-1"}})
	}
	b := "/accounts/" + id(a.users[uEntAdminB].ID)
	mustContain(t, c.get(b+"/edit"), "locked account", "解除锁定")
	p = c.follow(b+"/unlock", nil)
	mustContain(t, p, "after unlock", "账号已解除锁定")
	mustNotContain(t, p, "after unlock", `action="`+b+`/unlock"`)
	res := anon.post("/login", url.Values{"username": {uEntAdminB}, "password": {testPassword}})
	if res.status != http.StatusSeeOther {
		t.Fatalf("login after unlock: status %d", res.status)
	}
}
