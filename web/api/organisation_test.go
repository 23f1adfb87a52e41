package api_test

import (
	"net/http"
	"testing"

	. "github.com/pinggu/pinggu/web/webtest"

	"github.com/pinggu/pinggu"
	"github.com/pinggu/pinggu/web/api"
)

func TestOrganisationListFilters(t *testing.T) {
	t.Parallel()
	a := NewApp(t)
	c := a.Login(UserBureauGD)
	for _, tc := range []struct {
		query string
		want  []int64
	}{
		{"", []int64{a.OrgA.ID, a.OrgASub.ID, a.OrgThird.ID, a.OrgPartner.ID}},
		{"?kind=internet_company", []int64{a.OrgA.ID, a.OrgASub.ID}},
		{"?parent_id=" + ID(a.OrgA.ID), []int64{a.OrgASub.ID}},
		{"?q=" + "丙评估", []int64{a.OrgThird.ID}},
		{"?q=" + a.OrgA.USCC, []int64{a.OrgA.ID}},
		{"?province=310000", nil}, // another province stays invisible even when asked for
	} {
		res := c.Do("GET", "/api/organisations"+tc.query, nil)
		MustStatus(t, res, http.StatusOK, "list "+tc.query)
		var l api.ListResponse[pinggu.Organisation]
		res.Decode(t, &l)
		if got, want := idsOf(l.Items, func(o pinggu.Organisation) int64 { return o.ID }), tc.want; !SameIDs(got, want) {
			t.Errorf("list %s = %v, want %v", tc.query, got, want)
		}
		if got, want := l.Total, len(tc.want); got != want {
			t.Errorf("list %s total = %d, want %d", tc.query, got, want)
		}
	}
	res := c.Do("GET", "/api/organisations?limit=1&offset=1&sort=name", nil)
	MustStatus(t, res, http.StatusOK, "paged list")
	var l api.ListResponse[pinggu.Organisation]
	res.Decode(t, &l)
	if len(l.Items) != 1 || l.Total != 4 || l.Limit != 1 || l.Offset != 1 || l.TotalCapped {
		t.Fatalf("paged list = %+v", l)
	}
	res = c.Do("GET", "/api/organisations?kind=castle&limit=many", nil)
	MustStatus(t, res, http.StatusBadRequest, "bad filters")
	if p := res.Problem(t); !p.HasFieldError(0, "kind") || !p.HasFieldError(0, "limit") {
		t.Fatalf("problem does not name kind and limit: %+v", p)
	}
}

func TestOrganisationCreateGetUpdate(t *testing.T) {
	t.Parallel()
	a := NewApp(t)
	c := a.Login(UserBureauGD)
	code := USCC(t, "91440300MA5DDDDD5")
	res := c.Do("POST", "/api/organisations", map[string]any{
		"kind": "vas_enterprise", "name": "丁增值电信有限公司", "uscc": code, "province": "440000",
		"key_enterprise": true, "contacts": []map[string]string{{"name": "丁经理", "email": "ding@example.cn"}},
	})
	MustStatus(t, res, http.StatusCreated, "create")
	var o pinggu.Organisation
	res.Decode(t, &o)
	if o.ID == 0 || o.Name != "丁增值电信有限公司" || !o.Key || len(o.Contacts) != 1 {
		t.Fatalf("created = %+v", o)
	}
	res = c.Do("GET", "/api/organisations/"+ID(o.ID), nil)
	MustStatus(t, res, http.StatusOK, "get")
	var got pinggu.Organisation
	res.Decode(t, &got)
	if got.USCC != code || got.Province != "440000" {
		t.Fatalf("got = %+v", got)
	}

	res = c.Do("PUT", "/api/organisations/"+ID(o.ID), map[string]any{"name": "丁增值电信股份有限公司"})
	MustStatus(t, res, http.StatusOK, "update")
	res = c.Do("GET", "/api/organisations/"+ID(o.ID), nil)
	res.Decode(t, &got)
	if got.Name != "丁增值电信股份有限公司" || got.USCC != code || len(got.Contacts) != 1 {
		t.Fatalf("after update = %+v: name not changed or other fields lost", got)
	}

	res = c.Do("PUT", "/api/organisations/"+ID(o.ID), map[string]any{"name": "", "uscc": "91440300MA5DDDDD5X"})
	MustStatus(t, res, http.StatusBadRequest, "invalid update")
	if p := res.Problem(t); !p.HasFieldError(0, "name") || !p.HasFieldError(0, "uscc") {
		t.Fatalf("problem does not name name and uscc: %+v", p)
	}
	res = c.Do("GET", "/api/organisations/"+ID(o.ID), nil)
	res.Decode(t, &got)
	if got.Name != "丁增值电信股份有限公司" {
		t.Fatalf("an invalid update changed the record: %+v", got)
	}
	MustStatus(t, c.Do("GET", "/api/organisations/abc", nil), http.StatusNotFound, "non-numeric id")
	MustStatus(t, c.Do("GET", "/api/organisations/99999", nil), http.StatusNotFound, "missing id")
}

func TestOrganisationValidationProblems(t *testing.T) {
	t.Parallel()
	a := NewApp(t)
	c := a.Login(UserMinistry)
	before := a.CountOrganisations()
	for _, tc := range []struct {
		name   string
		body   any
		fields []string
	}{
		{"every field wrong", map[string]any{"kind": "castle", "name": "", "uscc": "123", "province": "999999"}, []string{"kind", "name", "uscc", "province"}},
		{"enterprise without code", map[string]any{"kind": "internet_company", "name": "无代码公司", "province": "110000"}, []string{"uscc"}},
		{"bad contact", map[string]any{"kind": "support_institution", "name": "某研究院", "province": "110000", "contacts": []map[string]string{{"name": "", "email": "not-mail"}}}, []string{"contacts[0].name", "contacts[0].email"}},
		{"unknown field", map[string]any{"kind": "support_institution", "name": "某研究院", "province": "110000", "colour": "red"}, []string{"colour"}},
		{"wrong type", map[string]any{"kind": "support_institution", "name": 42, "province": "110000"}, []string{"name"}},
	} {
		res := c.Do("POST", "/api/organisations", tc.body)
		MustStatus(t, res, http.StatusBadRequest, tc.name)
		p := res.Problem(t)
		if p.Code != pinggu.EINVALID || p.Status != http.StatusBadRequest || p.Title == "" || p.Detail == "" {
			t.Errorf("%s: problem %+v", tc.name, p)
		}
		for _, f := range tc.fields {
			if !p.HasFieldError(0, f) {
				t.Errorf("%s: problem does not name %s: %+v", tc.name, f, p.Errors)
			}
		}
	}
	if got, want := a.CountOrganisations(), before; got != want {
		t.Fatalf("%d organisations after invalid requests, want %d", got, want)
	}
}

func TestOrganisationChildren(t *testing.T) {
	t.Parallel()
	a := NewApp(t)
	c := a.Login(UserEntAdminA)
	res := c.Do("GET", "/api/organisations/"+ID(a.OrgA.ID)+"/services", nil)
	MustStatus(t, res, http.StatusOK, "services of A")
	var svcs api.ListResponse[pinggu.Service]
	res.Decode(t, &svcs)
	if len(svcs.Items) != 1 || svcs.Items[0].ID != a.SvcA.ID {
		t.Fatalf("services of A = %+v", svcs.Items)
	}
	res = c.Do("GET", "/api/organisations/"+ID(a.OrgA.ID)+"/licences", nil)
	MustStatus(t, res, http.StatusOK, "licences of A")
	var lics api.ListResponse[pinggu.Licence]
	res.Decode(t, &lics)
	if len(lics.Items) != 1 || lics.Items[0].ID != a.LicA.ID {
		t.Fatalf("licences of A = %+v", lics.Items)
	}
	res = c.Do("GET", "/api/organisations/"+ID(a.OrgASub.ID)+"/services", nil)
	MustStatus(t, res, http.StatusOK, "services of the subsidiary")
	res.Decode(t, &svcs)
	if len(svcs.Items) != 0 {
		t.Fatalf("subsidiary services = %+v, want none", svcs.Items)
	}
}

func TestLedgerWritesNeedTheRole(t *testing.T) {
	t.Parallel()
	a := NewApp(t)
	before := a.CountOrganisations()
	for _, u := range []string{UserSupport, UserEntAssessA} {
		c := a.Login(u)
		res := c.Do("POST", "/api/organisations", map[string]any{"kind": "support_institution", "name": "某研究院", "province": "440000"})
		MustStatus(t, res, http.StatusForbidden, u+" creating an organisation")
		res = c.Do("PUT", "/api/organisations/"+ID(a.OrgA.ID), map[string]any{"name": "改名"})
		MustStatus(t, res, http.StatusForbidden, u+" updating an organisation in scope")
	}
	if got, want := a.CountOrganisations(), before; got != want {
		t.Fatalf("%d organisations, want %d", got, want)
	}
}

// idsOf maps records to their ids.
func idsOf[T any](items []T, f func(T) int64) []int64 {
	out := make([]int64, 0, len(items))
	for _, x := range items {
		out = append(out, f(x))
	}
	return out
}
