package api_test

import (
	"net/http"
	"testing"

	. "github.com/pinggu/pinggu/web/webtest"

	"github.com/pinggu/pinggu"
	"github.com/pinggu/pinggu/web/api"
)

func TestUserAdministration(t *testing.T) {
	t.Parallel()
	a := NewApp(t)
	c := a.Login(UserSysAdmin)
	res := c.Do("POST", "/api/users", map[string]any{"username": "A", "name": "", "role": "king", "password": "Initial-Pass-2026"})
	MustStatus(t, res, http.StatusBadRequest, "invalid account")
	p := res.Problem(t)
	for _, f := range []string{"username", "name", "role"} {
		if !p.HasFieldError(0, f) {
			t.Errorf("problem does not name %s: %+v", f, p.Errors)
		}
	}
	res = c.Do("POST", "/api/users", map[string]any{"username": "weak.pw", "name": "弱密码", "role": "auditor", "password": "weak"})
	MustStatus(t, res, http.StatusBadRequest, "weak initial password")
	if p := res.Problem(t); !p.HasFieldError(0, "password") {
		t.Errorf("problem does not name password: %+v", p.Errors)
	}
	res = c.Do("POST", "/api/users", map[string]any{"username": "bureau.gd2", "name": "广东局二", "role": "bureau_officer", "province": "440000", "password": "Initial-Pass-2026"})
	MustStatus(t, res, http.StatusCreated, "create")
	var u pinggu.User
	res.Decode(t, &u)
	if u.ID == 0 || u.Role != pinggu.RoleBureau {
		t.Fatalf("created = %+v", u)
	}
	MustStatus(t, c.Do("POST", "/api/users", map[string]any{"username": "bureau.gd2", "name": "重名", "role": "auditor", "password": "Initial-Pass-2026"}), http.StatusConflict, "duplicate username")

	MustStatus(t, c.Do("PUT", "/api/users/"+ID(u.ID), map[string]any{"name": "广东局第二人"}), http.StatusOK, "update")
	MustStatus(t, c.Do("POST", "/api/users/"+ID(u.ID)+"/password", map[string]string{"password": "Reset-Pass-2026"}), http.StatusNoContent, "reset password")
	res = c.Do("GET", "/api/users/"+ID(u.ID), nil)
	MustStatus(t, res, http.StatusOK, "get")
	res.Decode(t, &u)
	if u.Name != "广东局第二人" || !u.MustChangePassword || u.Province != "440000" {
		t.Fatalf("after update and reset = %+v", u)
	}
	res = c.Do("GET", "/api/users?role=bureau_officer", nil)
	var l api.ListResponse[pinggu.User]
	res.Decode(t, &l)
	if got, want := l.Total, 3; got != want {
		t.Fatalf("bureau officers = %d, want %d", got, want)
	}
	res = c.Do("GET", "/api/directory/organisations?q=甲", nil)
	MustStatus(t, res, http.StatusOK, "directory")
	var d api.ListResponse[pinggu.OrgRef]
	res.Decode(t, &d)
	if !SameIDs(idsOf(d.Items, func(o pinggu.OrgRef) int64 { return o.ID }), []int64{a.OrgA.ID, a.OrgASub.ID}) {
		t.Fatalf("directory = %+v", d.Items)
	}
	// The system administrator sees no business data.
	res = c.Do("GET", "/api/organisations", nil)
	MustStatus(t, res, http.StatusOK, "ledger as sysadmin")
	var orgs api.ListResponse[pinggu.Organisation]
	res.Decode(t, &orgs)
	if len(orgs.Items) != 0 || orgs.Total != 0 {
		t.Fatalf("sysadmin sees organisations: %+v", orgs)
	}
}

func TestUserAdministrationIsForSysAdmins(t *testing.T) {
	t.Parallel()
	a := NewApp(t)
	for _, u := range []string{UserMinistry, UserEntAdminA, UserAuditor} {
		c := a.Login(u)
		MustStatus(t, c.Do("GET", "/api/users", nil), http.StatusForbidden, u+" listing accounts")
		MustStatus(t, c.Do("POST", "/api/users", map[string]any{"username": "x.y.z", "name": "x", "role": "auditor", "password": "Initial-Pass-2026"}), http.StatusForbidden, u+" creating an account")
		MustStatus(t, c.Do("GET", "/api/directory/organisations", nil), http.StatusForbidden, u+" reading the directory")
	}
}

func TestAuditLog(t *testing.T) {
	t.Parallel()
	a := NewApp(t)
	admin := a.Login(UserEntAdminA)
	MustStatus(t, admin.Do("PUT", "/api/services/"+ID(a.SvcA.ID), map[string]any{"description": "审计测试"}), http.StatusOK, "update")
	c := a.Login(UserAuditor)
	res := c.Do("GET", "/api/audit?actor="+UserEntAdminA, nil)
	MustStatus(t, res, http.StatusOK, "audit list")
	var l api.ListResponse[pinggu.AuditEntry]
	res.Decode(t, &l)
	found := false
	for _, e := range l.Items {
		if e.ActorName == "" && e.ActorID == 0 {
			t.Errorf("entry without actor: %+v", e)
		}
		if e.ObjectType == "service" && e.ObjectID == a.SvcA.ID {
			found = true
		}
	}
	if !found {
		t.Fatalf("the service update is not in the audit log: %s", res.Body)
	}
	res = c.Do("GET", "/api/audit?from=2000-01-01&to=2000-12-31", nil)
	MustStatus(t, res, http.StatusOK, "audit list of 2000")
	res.Decode(t, &l)
	if len(l.Items) != 0 {
		t.Fatalf("entries from the year 2000: %+v", l.Items)
	}
	MustStatus(t, c.Do("GET", "/api/audit?from=yesterday", nil), http.StatusBadRequest, "bad date")
	res = c.Do("GET", "/api/audit/verify", nil)
	MustStatus(t, res, http.StatusOK, "verify")
	var rep pinggu.AuditReport
	res.Decode(t, &rep)
	if rep.Entries == 0 || rep.Problem != nil || rep.Head == "" {
		t.Fatalf("verify = %+v", rep)
	}
	for _, u := range []string{UserMinistry, UserSysAdmin, UserEntAdminA} {
		c := a.Login(u)
		MustStatus(t, c.Do("GET", "/api/audit", nil), http.StatusForbidden, u+" reading the audit log")
		MustStatus(t, c.Do("GET", "/api/audit/verify", nil), http.StatusForbidden, u+" verifying the audit log")
	}
}

func TestMeta(t *testing.T) {
	t.Parallel()
	a := NewApp(t)
	res := a.Anon().Do("GET", "/api/meta", nil)
	MustStatus(t, res, http.StatusOK, "meta")
	var m api.MetaResponse
	res.Decode(t, &m)
	if len(m.Provinces) != len(pinggu.Provinces) || len(m.Roles) != len(pinggu.Roles) || len(m.OrgKinds) != len(pinggu.OrgKinds) ||
		len(m.Categories) != len(pinggu.Categories) || len(m.ServiceStatuses) != len(pinggu.ServiceStatuses) {
		t.Fatalf("meta sizes wrong: %+v", m)
	}
	if m.Provinces[18] != (api.Label{Code: "440000", Zh: "广东省", En: "Guangdong"}) {
		t.Fatalf("province 19 = %+v", m.Provinces[18])
	}
	for _, l := range append(append(m.Roles, m.OrgKinds...), m.Categories...) {
		if l.Zh == "" || l.En == "" || l.Zh == l.Code {
			t.Errorf("api.Label without names: %+v", l)
		}
	}
}
