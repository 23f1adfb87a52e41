package web

import (
	"net/http"
	"testing"

	"github.com/pinggu/pinggu"
	"github.com/pinggu/pinggu/web/api"
)

func TestOrganisationListFilters(t *testing.T) {
	t.Parallel()
	a := newApp(t)
	c := a.login(uBureauGD)
	for _, tc := range []struct {
		query string
		want  []int64
	}{
		{"", []int64{a.orgA.ID, a.orgASub.ID, a.orgThird.ID, a.orgPartner.ID}},
		{"?kind=internet_company", []int64{a.orgA.ID, a.orgASub.ID}},
		{"?parent_id=" + id(a.orgA.ID), []int64{a.orgASub.ID}},
		{"?q=" + "丙评估", []int64{a.orgThird.ID}},
		{"?q=" + a.orgA.USCC, []int64{a.orgA.ID}},
		{"?province=310000", nil}, // another province stays invisible even when asked for
	} {
		res := c.do("GET", "/api/organisations"+tc.query, nil)
		mustStatus(t, res, http.StatusOK, "list "+tc.query)
		var l api.ListResponse[pinggu.Organisation]
		res.decode(t, &l)
		if got, want := idsOf(l.Items, func(o pinggu.Organisation) int64 { return o.ID }), tc.want; !sameIDs(got, want) {
			t.Errorf("list %s = %v, want %v", tc.query, got, want)
		}
		if got, want := l.Total, len(tc.want); got != want {
			t.Errorf("list %s total = %d, want %d", tc.query, got, want)
		}
	}
	res := c.do("GET", "/api/organisations?limit=1&offset=1&sort=name", nil)
	mustStatus(t, res, http.StatusOK, "paged list")
	var l api.ListResponse[pinggu.Organisation]
	res.decode(t, &l)
	if len(l.Items) != 1 || l.Total != 4 || l.Limit != 1 || l.Offset != 1 || l.TotalCapped {
		t.Fatalf("paged list = %+v", l)
	}
	res = c.do("GET", "/api/organisations?kind=castle&limit=many", nil)
	mustStatus(t, res, http.StatusBadRequest, "bad filters")
	if p := res.problem(t); !p.HasFieldError(0, "kind") || !p.HasFieldError(0, "limit") {
		t.Fatalf("problem does not name kind and limit: %+v", p)
	}
}

func TestOrganisationCreateGetUpdate(t *testing.T) {
	t.Parallel()
	a := newApp(t)
	c := a.login(uBureauGD)
	code := uscc(t, "91440300MA5DDDDD5")
	res := c.do("POST", "/api/organisations", map[string]any{
		"kind": "vas_enterprise", "name": "丁增值电信有限公司", "uscc": code, "province": "440000",
		"key_enterprise": true, "contacts": []map[string]string{{"name": "丁经理", "email": "ding@example.cn"}},
	})
	mustStatus(t, res, http.StatusCreated, "create")
	var o pinggu.Organisation
	res.decode(t, &o)
	if o.ID == 0 || o.Name != "丁增值电信有限公司" || !o.Key || len(o.Contacts) != 1 {
		t.Fatalf("created = %+v", o)
	}
	res = c.do("GET", "/api/organisations/"+id(o.ID), nil)
	mustStatus(t, res, http.StatusOK, "get")
	var got pinggu.Organisation
	res.decode(t, &got)
	if got.USCC != code || got.Province != "440000" {
		t.Fatalf("got = %+v", got)
	}

	res = c.do("PUT", "/api/organisations/"+id(o.ID), map[string]any{"name": "丁增值电信股份有限公司"})
	mustStatus(t, res, http.StatusOK, "update")
	res = c.do("GET", "/api/organisations/"+id(o.ID), nil)
	res.decode(t, &got)
	if got.Name != "丁增值电信股份有限公司" || got.USCC != code || len(got.Contacts) != 1 {
		t.Fatalf("after update = %+v: name not changed or other fields lost", got)
	}

	res = c.do("PUT", "/api/organisations/"+id(o.ID), map[string]any{"name": "", "uscc": "91440300MA5DDDDD5X"})
	mustStatus(t, res, http.StatusBadRequest, "invalid update")
	if p := res.problem(t); !p.HasFieldError(0, "name") || !p.HasFieldError(0, "uscc") {
		t.Fatalf("problem does not name name and uscc: %+v", p)
	}
	res = c.do("GET", "/api/organisations/"+id(o.ID), nil)
	res.decode(t, &got)
	if got.Name != "丁增值电信股份有限公司" {
		t.Fatalf("an invalid update changed the record: %+v", got)
	}
	mustStatus(t, c.do("GET", "/api/organisations/abc", nil), http.StatusNotFound, "non-numeric id")
	mustStatus(t, c.do("GET", "/api/organisations/99999", nil), http.StatusNotFound, "missing id")
}

func TestOrganisationValidationProblems(t *testing.T) {
	t.Parallel()
	a := newApp(t)
	c := a.login(uMinistry)
	before := a.countOrganisations()
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
		res := c.do("POST", "/api/organisations", tc.body)
		mustStatus(t, res, http.StatusBadRequest, tc.name)
		p := res.problem(t)
		if p.Code != pinggu.EINVALID || p.Status != http.StatusBadRequest || p.Title == "" || p.Detail == "" {
			t.Errorf("%s: problem %+v", tc.name, p)
		}
		for _, f := range tc.fields {
			if !p.HasFieldError(0, f) {
				t.Errorf("%s: problem does not name %s: %+v", tc.name, f, p.Errors)
			}
		}
	}
	if got, want := a.countOrganisations(), before; got != want {
		t.Fatalf("%d organisations after invalid requests, want %d", got, want)
	}
}

func TestOrganisationChildren(t *testing.T) {
	t.Parallel()
	a := newApp(t)
	c := a.login(uEntAdminA)
	res := c.do("GET", "/api/organisations/"+id(a.orgA.ID)+"/services", nil)
	mustStatus(t, res, http.StatusOK, "services of A")
	var svcs api.ListResponse[pinggu.Service]
	res.decode(t, &svcs)
	if len(svcs.Items) != 1 || svcs.Items[0].ID != a.svcA.ID {
		t.Fatalf("services of A = %+v", svcs.Items)
	}
	res = c.do("GET", "/api/organisations/"+id(a.orgA.ID)+"/licences", nil)
	mustStatus(t, res, http.StatusOK, "licences of A")
	var lics api.ListResponse[pinggu.Licence]
	res.decode(t, &lics)
	if len(lics.Items) != 1 || lics.Items[0].ID != a.licA.ID {
		t.Fatalf("licences of A = %+v", lics.Items)
	}
	res = c.do("GET", "/api/organisations/"+id(a.orgASub.ID)+"/services", nil)
	mustStatus(t, res, http.StatusOK, "services of the subsidiary")
	res.decode(t, &svcs)
	if len(svcs.Items) != 0 {
		t.Fatalf("subsidiary services = %+v, want none", svcs.Items)
	}
}

func TestLedgerWritesNeedTheRole(t *testing.T) {
	t.Parallel()
	a := newApp(t)
	before := a.countOrganisations()
	for _, u := range []string{uSupport, uEntAssessA} {
		c := a.login(u)
		res := c.do("POST", "/api/organisations", map[string]any{"kind": "support_institution", "name": "某研究院", "province": "440000"})
		mustStatus(t, res, http.StatusForbidden, u+" creating an organisation")
		res = c.do("PUT", "/api/organisations/"+id(a.orgA.ID), map[string]any{"name": "改名"})
		mustStatus(t, res, http.StatusForbidden, u+" updating an organisation in scope")
	}
	if got, want := a.countOrganisations(), before; got != want {
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

// sameIDs compares id sets regardless of order.
func sameIDs(got, want []int64) bool {
	if len(got) != len(want) {
		return false
	}
	seen := map[int64]int{}
	for _, x := range got {
		seen[x]++
	}
	for _, x := range want {
		if seen[x] == 0 {
			return false
		}
		seen[x]--
	}
	return true
}
