package api_test

import (
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"testing"

	. "github.com/pinggu/pinggu/web/webtest"

	"github.com/pinggu/pinggu"
	"github.com/pinggu/pinggu/web/api"
)

func TestServiceLifecycle(t *testing.T) {
	t.Parallel()
	a := NewApp(t)
	c := a.Login(UserEntAssessA)
	res := c.Do("POST", "/api/services", map[string]any{
		"org_id": a.OrgA.ID, "name": "甲大模型助手", "category": "gen_ai", "provinces": []string{"440000", "110000"},
		"targets": []map[string]string{{"kind": "url", "value": "https://ai.example.cn"}},
	})
	MustStatus(t, res, http.StatusCreated, "create")
	var s pinggu.Service
	res.Decode(t, &s)
	if s.ID == 0 || s.Status != pinggu.StatusPlanned || s.Province != "440000" || s.OrgName != a.OrgA.Name {
		t.Fatalf("created = %+v", s)
	}
	res = c.Do("PUT", "/api/services/"+ID(s.ID), map[string]any{"description": "面向公众的生成式人工智能服务"})
	MustStatus(t, res, http.StatusOK, "update")
	res.Decode(t, &s)
	if s.Description == "" || s.Name != "甲大模型助手" || len(s.Targets) != 1 {
		t.Fatalf("updated = %+v", s)
	}
	for _, step := range []struct {
		to     string
		status int
	}{
		{"in_assessment", http.StatusOK},
		{"launched", http.StatusConflict}, // not approved yet
		{"flying", http.StatusBadRequest},
		{"approved", http.StatusForbidden}, // approval is the regulator's
	} {
		res := c.Do("POST", "/api/services/"+ID(s.ID)+"/status", map[string]string{"to": step.to, "reason": "测试"})
		MustStatus(t, res, step.status, "status → "+step.to)
	}
	bureau := a.Login(UserBureauGD)
	MustStatus(t, bureau.Do("POST", "/api/services/"+ID(s.ID)+"/status", map[string]string{"to": "approved", "reason": "测试"}), http.StatusOK, "status → approved by the bureau")
	// The launch gate: no accepted pre-launch assessment, and an enterprise
	// cannot override it; the bureau can, with its reason.
	MustStatus(t, c.Do("POST", "/api/services/"+ID(s.ID)+"/status", map[string]string{"to": "launched", "reason": "测试"}), http.StatusForbidden, "status → launched by the enterprise")
	res = bureau.Do("POST", "/api/services/"+ID(s.ID)+"/status", map[string]string{"to": "launched", "reason": "监管部门准予先行上线"})
	MustStatus(t, res, http.StatusOK, "status → launched by the bureau's override")
	res = c.Do("GET", "/api/services/"+ID(s.ID), nil)
	res.Decode(t, &s)
	if s.Status != pinggu.StatusLaunched {
		t.Fatalf("status = %s, want launched", s.Status)
	}
	res = c.Do("GET", "/api/services?status=launched&category=gen_ai", nil)
	MustStatus(t, res, http.StatusOK, "filtered list")
	var l api.ListResponse[pinggu.Service]
	res.Decode(t, &l)
	if len(l.Items) != 1 || l.Items[0].ID != s.ID {
		t.Fatalf("filtered list = %+v", l.Items)
	}
}

func TestServiceValidationProblems(t *testing.T) {
	t.Parallel()
	a := NewApp(t)
	c := a.Login(UserEntAdminA)
	before := a.CountServices()
	res := c.Do("POST", "/api/services", map[string]any{
		"org_id": a.OrgA.ID, "name": "", "category": "telepathy", "provinces": []string{"440000", "999999"},
		"targets": []map[string]string{{"kind": "url", "value": "ftp://x"}},
	})
	MustStatus(t, res, http.StatusBadRequest, "invalid service")
	p := res.Problem(t)
	for _, f := range []string{"name", "category", "provinces[1]", "targets[0].value"} {
		if !p.HasFieldError(0, f) {
			t.Errorf("problem does not name %s: %+v", f, p.Errors)
		}
	}
	if got, want := a.CountServices(), before; got != want {
		t.Fatalf("%d services, want %d", got, want)
	}
}

func TestLicenceCRUD(t *testing.T) {
	t.Parallel()
	a := NewApp(t)
	c := a.Login(UserEntAdminA)
	res := c.Do("POST", "/api/licences", map[string]any{
		"org_id": a.OrgASub.ID, "number": "粤B2-20260009", "categories": []string{"B21", "B25"},
		"issuer": "广东省通信管理局", "valid_from": "2026-01-01T00:00:00Z", "valid_to": "2031-01-01T00:00:00Z",
	})
	MustStatus(t, res, http.StatusCreated, "create")
	var l pinggu.Licence
	res.Decode(t, &l)
	if l.ID == 0 || l.State == "" || l.OrgName != a.OrgASub.Name {
		t.Fatalf("created = %+v", l)
	}
	MustStatus(t, c.Do("PUT", "/api/licences/"+ID(l.ID), map[string]any{"categories": []string{"B21"}}), http.StatusOK, "update")
	res = c.Do("GET", "/api/licences/"+ID(l.ID), nil)
	MustStatus(t, res, http.StatusOK, "get")
	res.Decode(t, &l)
	if len(l.Categories) != 1 || l.Number != "粤B2-20260009" {
		t.Fatalf("after update = %+v", l)
	}
	res = c.Do("PUT", "/api/licences/"+ID(l.ID), map[string]any{"categories": []string{"Z99"}, "valid_to": "2020-01-01T00:00:00Z"})
	MustStatus(t, res, http.StatusBadRequest, "invalid update")
	if p := res.Problem(t); !p.HasFieldError(0, "categories[0]") || !p.HasFieldError(0, "valid_to") {
		t.Fatalf("problem = %+v", p.Errors)
	}
	res = c.Do("GET", "/api/licences?org_id="+ID(a.OrgASub.ID), nil)
	var list api.ListResponse[pinggu.Licence]
	res.Decode(t, &list)
	if len(list.Items) != 1 || list.Items[0].ID != l.ID {
		t.Fatalf("list = %+v", list.Items)
	}
	MustStatus(t, c.Do("DELETE", "/api/licences/"+ID(l.ID), nil), http.StatusNoContent, "delete")
	MustStatus(t, c.Do("GET", "/api/licences/"+ID(l.ID), nil), http.StatusNotFound, "get after delete")
}

// A major change of a launched service, recorded by the enterprise through
// the API, brings its periodic review forward into the due-soon list.
func TestServiceMajorChange(t *testing.T) {
	t.Parallel()
	a := NewApp(t)
	bureau, ent := a.Login(UserBureauGD), a.Login(UserEntAdminA)
	res := bureau.Do("POST", "/api/services", map[string]any{"org_id": a.OrgA.ID, "name": "甲语音专线", "category": "voice_line", "status": "launched"})
	MustStatus(t, res, http.StatusCreated, "register a running service")
	var s pinggu.Service
	res.Decode(t, &s)
	dueSoon := func() bool {
		var list struct{ Items []pinggu.ReviewDue }
		ent.Do("GET", "/api/reviews/due?status=due_soon&limit=500", nil).Decode(t, &list)
		for _, r := range list.Items {
			if r.ServiceID == s.ID {
				return true
			}
		}
		return false
	}
	if dueSoon() {
		t.Fatal("a service launched today is already due for review")
	}
	res = ent.Do("POST", "/api/services/"+ID(s.ID)+"/major-change", map[string]string{"description": " "})
	MustStatus(t, res, http.StatusBadRequest, "empty description")
	if p := res.Problem(t); !p.HasFieldError(0, "description") {
		t.Fatalf("problem does not name the description: %+v", p)
	}
	MustStatus(t, ent.Do("POST", "/api/services/"+ID(s.ID)+"/major-change", map[string]string{"description": "新增国际漫游外呼功能"}), http.StatusOK, "record a major change")
	if !dueSoon() {
		t.Fatal("after a major change the review is not due soon")
	}
}

// A search matching more than SearchCap services says so in the API and the
// UI, and lists SearchCap of them; a plain list of as many is not capped.
func TestServiceSearchCapped(t *testing.T) {
	a := NewApp(t)
	for i := range pinggu.SearchCap + 5 {
		s := &pinggu.Service{OrgID: a.OrgA.ID, Name: fmt.Sprintf("批量登记平台%04d", i), Category: pinggu.CatCloud}
		if err := a.DB.CreateService(SysCtx(), s); err != nil {
			t.Fatal(err)
		}
	}
	c := a.LoginAPI(UserMinistry)
	list := func(query string) api.ListResponse[pinggu.Service] {
		t.Helper()
		res := c.Do("GET", "/api/services"+query, nil)
		MustStatus(t, res, http.StatusOK, query)
		var l api.ListResponse[pinggu.Service]
		res.Decode(t, &l)
		return l
	}
	if l := list("?q=" + url.QueryEscape("登记平台") + "&limit=500&offset=500"); l.Total != pinggu.SearchCap || !l.TotalCapped || len(l.Items) != 500 {
		t.Fatalf("search: total %d capped %v, %d items", l.Total, l.TotalCapped, len(l.Items))
	}
	if l := list("?q=" + url.QueryEscape("登记平台") + "&offset=1000"); len(l.Items) != 0 || !l.TotalCapped {
		t.Fatalf("search past the cap: %d items, capped %v", len(l.Items), l.TotalCapped)
	}
	if l := list("?q=" + url.QueryEscape("登记平台0007")); l.Total != 1 || l.TotalCapped || l.Items[0].Name != "批量登记平台0007" {
		t.Fatalf("narrow search = %+v", l)
	}
	if l := list("?org_id=" + ID(a.OrgA.ID)); l.Total <= pinggu.SearchCap || l.TotalCapped {
		t.Fatalf("plain list: total %d capped %v", l.Total, l.TotalCapped)
	}
	if l := a.LoginAPI(UserEntAdminB).Do("GET", "/api/services?q="+url.QueryEscape("登记平台"), nil); !strings.Contains(string(l.Body), `"total":0`) {
		t.Fatalf("another tenant's search: %s", l.Body)
	}
	// An export holds every match, not the 1,000 a list shows.
	res := c.Do("GET", "/api/services/export.csv?q="+url.QueryEscape("登记平台"), nil)
	MustStatus(t, res, http.StatusOK, "export")
	if rows := strings.Count(strings.TrimSpace(string(res.Body)), "\n"); rows != pinggu.SearchCap+5 {
		t.Fatalf("export of the search has %d rows, want %d", rows, pinggu.SearchCap+5)
	}
	p := a.Login(UserMinistry).Get("/services?q=" + url.QueryEscape("登记平台"))
	if !strings.Contains(Text(p.Body), "共 1000+ 条") {
		t.Error("the UI search does not show the capped total")
	}
	if n := strings.Count(Text(p.Body), "匹配记录超过 1000 条"); n != 1 {
		t.Errorf("the UI search says it was capped %d times, want once", n)
	}
	if p := a.Login(UserMinistry).Get("/services?org_id=" + ID(a.OrgA.ID)); strings.Contains(p.Body, "匹配记录超过") {
		t.Error("a plain list says a search was capped")
	}
}
