package api_test

import (
	"bytes"
	"context"
	"net/http"
	"sort"
	"strings"
	"testing"

	"github.com/pinggu/pinggu/web"
	. "github.com/pinggu/pinggu/web/webtest"

	"github.com/pinggu/pinggu"
	"github.com/pinggu/pinggu/web/api"
)

func TestServiceImportAllOrNothing(t *testing.T) {
	t.Parallel()
	a := NewApp(t)
	c := a.Login(UserEntAdminA)
	before := a.CountServices()
	res := c.DoType("POST", "/api/services/import", "text/csv", CSVLines(
		"业务名称,所属企业,业务类别,运营省份,监测目标",
		"甲直播,"+a.OrgA.USCC+",网络直播,广东省,https://live.example.cn",
		"甲云,"+a.OrgA.Name+",瞬间移动,广东省,",
		"甲搜索,不存在的公司,搜索引擎,广东省,",
	))
	MustStatus(t, res, http.StatusBadRequest, "import with bad rows")
	p := res.Problem(t)
	if !p.HasFieldError(3, "category") || !p.HasFieldError(4, "owner") {
		t.Fatalf("problem = %+v", p.Errors)
	}
	if got, want := a.CountServices(), before; got != want {
		t.Fatalf("%d services after a refused import, want %d", got, want)
	}
	res = c.DoType("POST", "/api/services/import", "text/csv", CSVLines(
		"业务名称,所属企业,业务类别,运营省份,监测目标",
		"甲直播,"+a.OrgA.USCC+",网络直播,广东省,https://live.example.cn",
		"甲云,"+a.OrgA.Name+",云服务,广东省;北京市,",
	))
	MustStatus(t, res, http.StatusCreated, "import")
	if got, want := a.CountServices(), before+2; got != want {
		t.Fatalf("%d services, want %d", got, want)
	}
}

// newEmptyApp serves a store with no ledger and one ministry officer.
func newEmptyApp(t *testing.T) (*App, *Client) {
	t.Helper()
	db := OpenEmpty(t)
	u := &pinggu.User{Username: "minister", Name: "部级", Role: pinggu.RoleMinistry}
	if err := db.CreateUser(SysCtx(), u, TestPassword); err != nil {
		t.Fatalf("create user: %v", err)
	}
	token, _, err := db.Login(context.Background(), u.Username, TestPassword, "127.0.0.1")
	if err != nil {
		t.Fatalf("login: %v", err)
	}
	s, err := web.NewServer(web.Options{Services: pinggu.Services{Organisations: db, Licences: db, Services: db, Users: db, Audit: db}})
	if err != nil {
		t.Fatal(err)
	}
	a := &App{T: t, DB: db, Server: s, Sessions: map[string]string{u.Username: token}}
	a.HTTP = NewTestHTTPServer(t, s)
	return a, a.Login(u.Username)
}

func TestExportReimports(t *testing.T) {
	t.Parallel()
	src := NewApp(t)
	c := src.Login(UserMinistry)
	orgCSV := c.Do("GET", "/api/organisations/export.csv", nil)
	MustStatus(t, orgCSV, http.StatusOK, "export organisations")
	if ct := orgCSV.Header.Get("Content-Type"); !strings.HasPrefix(ct, "text/csv") {
		t.Fatalf("Content-Type %q", ct)
	}
	if cd := orgCSV.Header.Get("Content-Disposition"); !strings.Contains(cd, "organisations.csv") {
		t.Fatalf("Content-Disposition %q", cd)
	}
	svcCSV := c.Do("GET", "/api/services/export.csv", nil)
	MustStatus(t, svcCSV, http.StatusOK, "export services")
	licCSV := c.Do("GET", "/api/licences/export.csv?province=310000", nil)
	MustStatus(t, licCSV, http.StatusOK, "export licences")
	if !strings.Contains(string(licCSV.Body), src.LicB.Number) || strings.Contains(string(licCSV.Body), src.LicA.Number) {
		t.Fatalf("licence export ignores the province filter: %s", licCSV.Body)
	}

	_, dc := newEmptyApp(t)
	res := dc.DoType("POST", "/api/organisations/import", "text/csv", orgCSV.Body)
	MustStatus(t, res, http.StatusCreated, "re-import organisations")
	res = dc.DoType("POST", "/api/services/import", "text/csv", svcCSV.Body)
	MustStatus(t, res, http.StatusCreated, "re-import services")

	orgKey := func(o pinggu.Organisation) string {
		return strings.Join([]string{o.Name, string(o.Kind), o.USCC, o.Province, o.ParentName}, "|")
	}
	svcKey := func(s pinggu.Service) string {
		return strings.Join([]string{s.Name, s.OrgName, string(s.Category), string(s.Status), strings.Join(s.Provinces, ";")}, "|")
	}
	if got, want := keysOf(t, dc, "/api/organisations", orgKey), keysOf(t, c, "/api/organisations", orgKey); got != want {
		t.Fatalf("re-imported organisations:\n%s\nwant\n%s", got, want)
	}
	if got, want := keysOf(t, dc, "/api/services", svcKey), keysOf(t, c, "/api/services", svcKey); got != want {
		t.Fatalf("re-imported services:\n%s\nwant\n%s", got, want)
	}
	// A second export of the copy is the same file.
	again := dc.Do("GET", "/api/organisations/export.csv", nil)
	if !bytes.Equal(again.Body, orgCSV.Body) {
		t.Fatalf("export of the re-imported ledger differs:\n%s\nwant\n%s", again.Body, orgCSV.Body)
	}
}

// keysOf lists a list endpoint's items as sorted keys, one a line.
func keysOf[T any](t *testing.T, c *Client, path string, key func(T) string) string {
	t.Helper()
	res := c.Do("GET", path+"?limit=500", nil)
	MustStatus(t, res, http.StatusOK, path)
	var l api.ListResponse[T]
	res.Decode(t, &l)
	var keys []string
	for _, x := range l.Items {
		keys = append(keys, key(x))
	}
	sort.Strings(keys)
	return strings.Join(keys, "\n")
}

func TestExportHoldsEveryPage(t *testing.T) {
	t.Parallel()
	_, c := newEmptyApp(t)
	var b strings.Builder
	b.WriteString("名称,类型,省份\r\n")
	const n = 1234 // more than two pages of pinggu.MaxLimit
	for i := 0; i < n; i++ {
		b.WriteString("研究院" + ID(int64(i)) + ",支撑单位,北京市\r\n")
	}
	MustStatus(t, c.DoType("POST", "/api/organisations/import", "text/csv", b.String()), http.StatusCreated, "import")
	res := c.Do("GET", "/api/organisations/export.csv?kind=support_institution", nil)
	MustStatus(t, res, http.StatusOK, "export")
	if got, want := strings.Count(string(res.Body), "\n"), n+1; got != want {
		t.Fatalf("export has %d lines, want %d", got, want)
	}
}
