package web_test

import (
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/pinggu/pinggu"
	. "github.com/pinggu/pinggu/web/webtest"
)

func pendingIDs(t *testing.T, c *Client) map[int64]bool {
	t.Helper()
	var list struct {
		Items []pinggu.User `json:"items"`
	}
	res := c.Do("GET", "/api/account-confirmations", nil)
	MustStatus(t, res, http.StatusOK, "account confirmations")
	res.Decode(t, &list)
	out := map[int64]bool{}
	for _, u := range list.Items {
		out[u.ID] = true
	}
	return out
}

// mustNotLogIn checks that the password the administrator chose opens
// nothing while the account waits for a regulator.
func mustNotLogIn(t *testing.T, a *App, username, password, what string) {
	t.Helper()
	res := a.Anon().Do("POST", "/api/login", map[string]string{"username": username, "password": password})
	MustStatus(t, res, http.StatusUnauthorized, what)
	if p := res.Problem(t); !strings.Contains(p.Detail, "待主管部门") {
		t.Fatalf("%s: %q, want it to say the account awaits confirmation", what, p.Detail)
	}
}

// The finding: the system administrator created a ministry officer with a
// password it knew and must_change_password false, logged in as it and
// read everything. Now the account waits for a ministry officer, and its
// owner must choose a password of their own.
func TestSysAdminCannotUseAnAccountItCreates(t *testing.T) {
	t.Parallel()
	a := NewApp(t)
	admin := a.Login(UserSysAdmin)
	const pw = "Admin-Knows-2026!"
	var u pinggu.User
	res := admin.Do("POST", "/api/users", map[string]any{"username": "new.ministry", "name": "新部级人员", "role": pinggu.RoleMinistry, "password": pw, "must_change_password": false})
	MustStatus(t, res, http.StatusCreated, "create a ministry officer")
	res.Decode(t, &u)
	if !u.PendingConfirmation || !u.MustChangePassword {
		t.Fatalf("new ministry account: pending %v, must change password %v; want both", u.PendingConfirmation, u.MustChangePassword)
	}
	mustNotLogIn(t, a, "new.ministry", pw, "the administrator logs in as the account it created")

	// A bureau cannot confirm a ministry account: it does not see it.
	bureau := a.Login(UserBureauGD)
	if pendingIDs(t, bureau)[u.ID] {
		t.Fatalf("a bureau is offered a ministry account to confirm")
	}
	MustStatus(t, bureau.Do("POST", "/api/users/"+ID(u.ID)+"/confirm", nil), http.StatusNotFound, "bureau confirms a ministry account")
	// Nor can the administrator confirm its own work.
	MustStatus(t, admin.Do("POST", "/api/users/"+ID(u.ID)+"/confirm", nil), http.StatusNotFound, "the administrator confirms")
	mustNotLogIn(t, a, "new.ministry", pw, "after refused confirmations")

	ministry := a.Login(UserMinistry)
	if !pendingIDs(t, ministry)[u.ID] {
		t.Fatalf("the ministry is not offered the new ministry account")
	}
	MustStatus(t, ministry.Do("POST", "/api/users/"+ID(u.ID)+"/confirm", nil), http.StatusNoContent, "ministry confirms")
	if pendingIDs(t, ministry)[u.ID] {
		t.Fatalf("a confirmed account is still offered")
	}
	// Confirmed, the account still opens no business data with the
	// administrator's password: its owner must choose their own first.
	owner := a.Anon()
	MustStatus(t, owner.Do("POST", "/api/login", map[string]string{"username": "new.ministry", "password": pw}), http.StatusOK, "login after confirmation")
	MustStatus(t, owner.Do("GET", "/api/services", nil), http.StatusForbidden, "business data before the owner's own password")

	list, _, err := a.DB.ListAudit(SysCtx(), pinggu.AuditFilter{Action: "user.confirm"})
	if err != nil || len(list) != 1 || list[0].ActorName != UserMinistry {
		t.Fatalf("confirmation audit: %+v, %v; want one by %s", list, err, UserMinistry)
	}
}

func TestBureauConfirmsAccountsOfItsProvince(t *testing.T) {
	t.Parallel()
	a := NewApp(t)
	admin := a.Login(UserSysAdmin)
	const pw = "Admin-Knows-2026!"
	var gd, other pinggu.User
	res := admin.Do("POST", "/api/users", map[string]any{"username": "ent.gd.new", "name": "广东企业新人", "role": pinggu.RoleEntAdmin, "org_id": a.OrgA.ID, "password": pw})
	MustStatus(t, res, http.StatusCreated, "create an enterprise admin in Guangdong")
	res.Decode(t, &gd)
	res = admin.Do("POST", "/api/users", map[string]any{"username": "ent.b.new", "name": "外省企业新人", "role": pinggu.RoleEntAdmin, "org_id": a.OrgB.ID, "password": pw})
	MustStatus(t, res, http.StatusCreated, "create an enterprise admin of another province")
	res.Decode(t, &other)
	if a.OrgB.Province == a.OrgA.Province {
		t.Fatalf("fixture: organisations A and B share a province")
	}

	bureau := a.Login(UserBureauGD)
	pending := pendingIDs(t, bureau)
	if !pending[gd.ID] || pending[other.ID] {
		t.Fatalf("bureau of Guangdong offered %v; want %d and not %d", pending, gd.ID, other.ID)
	}
	MustStatus(t, bureau.Do("POST", "/api/users/"+ID(other.ID)+"/confirm", nil), http.StatusNotFound, "bureau confirms another province's account")
	MustStatus(t, bureau.Do("POST", "/api/users/"+ID(gd.ID)+"/confirm", nil), http.StatusNoContent, "bureau confirms its province's account")
	MustStatus(t, a.Anon().Do("POST", "/api/login", map[string]string{"username": "ent.gd.new", "password": pw}), http.StatusOK, "login after the bureau's confirmation")
	mustNotLogIn(t, a, "ent.b.new", pw, "the other province's account, unconfirmed")

	// The other province's bureau refuses its account, with a reason; it
	// is disabled and no longer waits.
	MustStatus(t, a.Login(UserBureauSH).Do("POST", "/api/users/"+ID(other.ID)+"/refuse", map[string]string{"reason": ""}), http.StatusBadRequest, "refusal without a reason")
	MustStatus(t, bureau.Do("POST", "/api/users/"+ID(other.ID)+"/refuse", map[string]string{"reason": "非本省"}), http.StatusNotFound, "bureau refuses another province's account")
	MustStatus(t, a.Login(UserBureauSH).Do("POST", "/api/users/"+ID(other.ID)+"/refuse", map[string]string{"reason": "无法核实身份"}), http.StatusNoContent, "Shanghai refuses its account")
	if pendingIDs(t, a.Login(UserMinistry))[other.ID] {
		t.Fatalf("a refused account is still offered")
	}

	// Accounts without business data (the auditor) need no confirmation.
	res = admin.Do("POST", "/api/users", map[string]any{"username": "audit.new", "name": "新审计员", "role": pinggu.RoleAuditor, "password": pw})
	MustStatus(t, res, http.StatusCreated, "create an auditor")
	MustStatus(t, a.Anon().Do("POST", "/api/login", map[string]string{"username": "audit.new", "password": pw}), http.StatusOK, "a new auditor logs in")
}

// A reset, or a new role, is a password or a reach the administrator
// chose: the account waits for a regulator again.
func TestSysAdminResetOrRoleChangeNeedsConfirmationAgain(t *testing.T) {
	t.Parallel()
	a := NewApp(t)
	admin := a.Login(UserSysAdmin)
	const pw = "Admin-Knows-2026!"
	MustStatus(t, admin.Do("POST", "/api/users/"+ID(a.Users[UserMinistry].ID)+"/password", map[string]string{"password": pw}), http.StatusNoContent, "reset the ministry's password")
	mustNotLogIn(t, a, UserMinistry, pw, "the administrator logs in with the password it reset")

	// The auditor's account, whose password the administrator may know,
	// given the ministry's role.
	MustStatus(t, admin.Do("PUT", "/api/users/"+ID(a.Users[UserAuditor].ID), map[string]any{"role": pinggu.RoleMinistry}), http.StatusOK, "make the auditor a ministry officer")
	mustNotLogIn(t, a, UserAuditor, TestPassword, "an account given business reach by the administrator")
	MustStatus(t, a.Login(UserAuditor).Do("GET", "/api/me", nil), http.StatusUnauthorized, "the promoted account's open session")
}

func TestUILoginSaysAccountAwaitsConfirmation(t *testing.T) {
	t.Parallel()
	a := NewApp(t)
	const pw = "Admin-Knows-2026!"
	MustStatus(t, a.Login(UserSysAdmin).Do("POST", "/api/users/"+ID(a.Users[UserBureauGD].ID)+"/password", map[string]string{"password": pw}), http.StatusNoContent, "reset")
	p := a.Anon().Post("/login", url.Values{"username": {UserBureauGD}, "password": {pw}})
	MustPage(t, p, http.StatusUnauthorized, "login of an account awaiting confirmation")
	MustContain(t, p, "login of an account awaiting confirmation", "账号尚待主管部门")
	// A wrong password tells nothing of the account's state.
	p = a.Anon().Post("/login", url.Values{"username": {UserBureauGD}, "password": {"wrong-Password-1"}})
	MustNotContain(t, p, "wrong password of an account awaiting confirmation", "账号尚待主管部门")
}
