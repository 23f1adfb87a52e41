package ui_test

import (
	"net/http"
	"net/url"
	"strings"
	"testing"

	. "github.com/pinggu/pinggu/web/webtest"

	"github.com/pinggu/pinggu"
)

// newPendingAccount has the system administrator create an enterprise
// administrator of org, which then waits for a regulator.
func newPendingAccount(t *testing.T, a *App, username, name string, org int64) pinggu.User {
	t.Helper()
	var u pinggu.User
	res := a.Login(UserSysAdmin).Do("POST", "/api/users", map[string]any{"username": username, "name": name, "role": pinggu.RoleEntAdmin, "org_id": org, "password": "Admin-Knows-2026!"})
	MustStatus(t, res, http.StatusCreated, "create "+username)
	res.Decode(t, &u)
	if !u.PendingConfirmation {
		t.Fatalf("%s is not awaiting confirmation", username)
	}
	return u
}

func TestUIAccountConfirmation(t *testing.T) {
	t.Parallel()
	a := NewApp(t)
	gd := newPendingAccount(t, a, "ent.gd.new", "广东新管理员", a.OrgA.ID)
	sh := newPendingAccount(t, a, "ent.sh.new", "上海新管理员", a.OrgB.ID)

	bureau := a.Login(UserBureauGD)
	dash := bureau.Get("/dashboard")
	MustPage(t, dash, http.StatusOK, "dashboard of the Guangdong bureau")
	MustContain(t, dash, "navigation with the waiting account", `href="/account-confirmations"`, "账号确认", `class="badge warn nav-count" title="待办1项">1<`)

	list := bureau.Get("/account-confirmations")
	MustPage(t, list, http.StatusOK, "accounts awaiting the Guangdong bureau")
	MustContain(t, list, "accounts awaiting the Guangdong bureau", "待确认账号", gd.Name, "ent.gd.new", a.OrgA.Name, "确认账号")
	MustNotContain(t, list, "accounts awaiting the Guangdong bureau", sh.Name)

	// Shanghai's bureau sees Shanghai's account only.
	other := a.Login(UserBureauSH).Get("/account-confirmations")
	MustContain(t, other, "accounts awaiting the Shanghai bureau", sh.Name)
	MustNotContain(t, other, "accounts awaiting the Shanghai bureau", gd.Name)

	// Another province's account is not found, and stays unconfirmed.
	p := bureau.Post("/account-confirmations/"+ID(sh.ID)+"/confirm", nil)
	MustPage(t, p, http.StatusNotFound, "the Guangdong bureau confirms a Shanghai account")
	MustNotContain(t, p, "refused confirmation", sh.Name)

	before := a.CountAudit()
	done := bureau.Follow("/account-confirmations/"+ID(gd.ID)+"/confirm", url.Values{})
	MustContain(t, done, "after the confirmation", "账号已确认，账号持有人现可登录。", "目前没有待您确认的账号。")
	MustNotContain(t, done, "after the confirmation", "nav-count")
	if got := a.CountAudit(); got != before+1 {
		t.Fatalf("audit entries after one confirmation: %d more, want 1", got-before)
	}
	list2, _, err := a.DB.ListAudit(SysCtx(), pinggu.AuditFilter{Action: "user.confirm"})
	if err != nil || len(list2) != 1 || list2[0].ActorName != UserBureauGD {
		t.Fatalf("confirmation audit: %+v, %v; want one by %s", list2, err, UserBureauGD)
	}
	res := a.Anon().Post("/login", url.Values{"username": {"ent.gd.new"}, "password": {"Admin-Knows-2026!"}})
	if res.Status != http.StatusSeeOther {
		t.Fatalf("login of the confirmed account: status %d, want 303; %s", res.Status, Text(res.Body))
	}
	// A second confirmation finds nothing waiting.
	MustPage(t, bureau.Post("/account-confirmations/"+ID(gd.ID)+"/confirm", nil), http.StatusNotFound, "confirm twice")

	// The ministry confirms in any province.
	ministry := a.Login(UserMinistry)
	MustContain(t, ministry.Get("/account-confirmations"), "accounts awaiting the ministry", sh.Name)
	ministry.Follow("/account-confirmations/"+ID(sh.ID)+"/confirm", url.Values{})

	// A refusal needs a reason; it disables the account, which leaves the
	// list and cannot log in, and the reason is audited.
	odd := newPendingAccount(t, a, "ent.gd.odd", "身份存疑人员", a.OrgA.ID)
	MustPage(t, bureau.Post("/account-confirmations/"+ID(odd.ID)+"/refuse", url.Values{"reason": {" "}}), http.StatusBadRequest, "refusal without a reason")
	MustContain(t, bureau.Get("/account-confirmations"), "list before the refusal", odd.Name, "不予确认")
	done = bureau.Follow("/account-confirmations/"+ID(odd.ID)+"/refuse", url.Values{"reason": {"经核实，该人员非甲网络科技有限公司员工"}})
	MustContain(t, done, "after the refusal", "已不予确认，该账号已停用")
	MustNotContain(t, done, "after the refusal", odd.Name)
	refusals, _, err := a.DB.ListAudit(SysCtx(), pinggu.AuditFilter{Action: "user.confirm_refuse"})
	if err != nil || len(refusals) != 1 || refusals[0].ActorName != UserBureauGD || !strings.Contains(refusals[0].Detail, "非甲网络科技有限公司员工") {
		t.Fatalf("refusal audit: %+v, %v", refusals, err)
	}
	if res := a.Anon().Post("/login", url.Values{"username": {"ent.gd.odd"}, "password": {"Admin-Knows-2026!"}}); res.Status != http.StatusUnauthorized {
		t.Fatalf("login of the refused account: status %d, want 401", res.Status)
	}
	MustPage(t, bureau.Post("/account-confirmations/"+ID(odd.ID)+"/refuse", url.Values{"reason": {"再次"}}), http.StatusNotFound, "refuse twice")
	MustPage(t, bureau.Post("/account-confirmations/"+ID(odd.ID)+"/confirm", nil), http.StatusNotFound, "confirm a refused account")
	// Re-enabled by the administrator, it still waits for a regulator.
	MustStatus(t, a.Login(UserSysAdmin).Do("PUT", "/api/users/"+ID(odd.ID), map[string]any{"disabled": false}), http.StatusOK, "re-enable the refused account")
	MustContain(t, bureau.Get("/account-confirmations"), "the re-enabled account waits again", odd.Name)

	// Those who confirm nothing have no page and no link.
	for _, u := range []string{UserSysAdmin, UserEntAdminA, UserAuditor, UserSupport} {
		c := a.Login(u)
		MustPage(t, c.Get("/account-confirmations"), http.StatusForbidden, u+" opens the confirmations")
		if home := c.Get("/account/password"); strings.Contains(home.Body, `href="/account-confirmations"`) {
			t.Errorf("%s is offered the confirmations", u)
		}
	}
}

func TestUIAccountConfirmationInEnglish(t *testing.T) {
	t.Parallel()
	a := NewApp(t)
	u := newPendingAccount(t, a, "ent.gd.en", "广东新管理员", a.OrgA.ID)
	c := a.Login(UserBureauGD).WithLang("en")
	p := c.Get("/account-confirmations")
	MustContain(t, p, "English confirmations", "Accounts awaiting confirmation", "Confirm account", u.Name, "Account confirmation")
	MustNotContain(t, p, "English confirmations", "待确认账号", "确认账号")
}
