package web

import (
	"bytes"
	"context"
	"mime/multipart"
	"net/http"
	"sort"
	"strings"
	"testing"

	"github.com/pinggu/pinggu"
	"github.com/pinggu/pinggu/web/api"
)

// csvLines joins lines into a CSV file.
func csvLines(lines ...string) string { return strings.Join(lines, "\r\n") + "\r\n" }

func TestOrganisationImportAllOrNothing(t *testing.T) {
	t.Parallel()
	a := newApp(t)
	c := a.login(uBureauGD)
	before, audit := a.countOrganisations(), a.countAudit()
	good1, good2 := uscc(t, "91440300MA5FFFFF1"), uscc(t, "91440300MA5GGGGG2")
	bad := csvLines(
		"名称,类型,统一社会信用代码,省份,上级单位",
		"戊科技有限公司,互联网企业,"+good1+",广东省,",
		"己科技有限公司,互联网企业,91440300MA5HHHHH3X,广东省,",
		"庚科技有限公司,互联网企业,"+good2+",火星,",
		"辛科技子公司,互联网企业,,广东省,戊科技有限公司",
	)
	res := c.doType("POST", "/api/organisations/import", "text/csv", bad)
	mustStatus(t, res, http.StatusBadRequest, "import with bad rows")
	p := res.problem(t)
	for _, want := range []struct {
		line  int
		field string
	}{{3, "uscc"}, {4, "province"}, {5, "uscc"}} {
		if !p.HasFieldError(want.line, want.field) {
			t.Errorf("problem does not name line %d field %s: %+v", want.line, want.field, p.Errors)
		}
	}
	if p.HasFieldError(2, "") {
		t.Errorf("the good row 2 is reported: %+v", p.Errors)
	}
	if got, want := a.countOrganisations(), before; got != want {
		t.Fatalf("%d organisations after a refused import, want %d", got, want)
	}
	if got, want := a.countAudit(), audit; got != want {
		t.Fatalf("%d audit entries after a refused import, want %d", got, want)
	}

	fixed := csvLines(
		"名称,类型,统一社会信用代码,省份,上级单位",
		"戊科技有限公司,互联网企业,"+good1+",广东省,",
		"庚科技有限公司,internet_company,"+good2+",440000,",
		"辛科技子公司,互联网企业,"+uscc(t, "91440300MA5JJJJJ4")+",广东,戊科技有限公司",
	)
	// The same file as a browser's multipart upload.
	var body bytes.Buffer
	mw := multipart.NewWriter(&body)
	fw, _ := mw.CreateFormFile("file", "orgs.csv")
	fw.Write([]byte(fixed))
	mw.Close()
	res = c.doType("POST", "/api/organisations/import", mw.FormDataContentType(), body.Bytes())
	mustStatus(t, res, http.StatusCreated, "import")
	var r api.ImportResult
	res.decode(t, &r)
	if got, want := r.Created, 3; got != want {
		t.Fatalf("created %d, want %d", got, want)
	}
	if got, want := a.countOrganisations(), before+3; got != want {
		t.Fatalf("%d organisations, want %d", got, want)
	}
	res = c.do("GET", "/api/organisations?q=辛科技子公司", nil)
	var l api.ListResponse[pinggu.Organisation]
	res.decode(t, &l)
	if len(l.Items) != 1 || l.Items[0].ParentName != "戊科技有限公司" {
		t.Fatalf("imported subsidiary = %+v", l.Items)
	}

	for name, tc := range map[string]struct{ contentType, body string }{
		"empty file":      {"text/csv", ""},
		"no file field":   {"multipart/form-data; boundary=x", "--x\r\nContent-Disposition: form-data; name=\"other\"\r\n\r\nv\r\n--x--\r\n"},
		"missing columns": {"text/csv", csvLines("名字,类别", "x,y")},
	} {
		res := c.doType("POST", "/api/organisations/import", tc.contentType, tc.body)
		mustStatus(t, res, http.StatusBadRequest, name)
		if p := res.problem(t); len(p.Errors) == 0 {
			t.Errorf("%s: problem names no field: %+v", name, p)
		}
	}
}

func TestServiceImportAllOrNothing(t *testing.T) {
	t.Parallel()
	a := newApp(t)
	c := a.login(uEntAdminA)
	before := a.countServices()
	res := c.doType("POST", "/api/services/import", "text/csv", csvLines(
		"业务名称,所属企业,业务类别,运营省份,监测目标",
		"甲直播,"+a.orgA.USCC+",网络直播,广东省,https://live.example.cn",
		"甲云,"+a.orgA.Name+",瞬间移动,广东省,",
		"甲搜索,不存在的公司,搜索引擎,广东省,",
	))
	mustStatus(t, res, http.StatusBadRequest, "import with bad rows")
	p := res.problem(t)
	if !p.HasFieldError(3, "category") || !p.HasFieldError(4, "owner") {
		t.Fatalf("problem = %+v", p.Errors)
	}
	if got, want := a.countServices(), before; got != want {
		t.Fatalf("%d services after a refused import, want %d", got, want)
	}
	res = c.doType("POST", "/api/services/import", "text/csv", csvLines(
		"业务名称,所属企业,业务类别,运营省份,监测目标",
		"甲直播,"+a.orgA.USCC+",网络直播,广东省,https://live.example.cn",
		"甲云,"+a.orgA.Name+",云服务,广东省;北京市,",
	))
	mustStatus(t, res, http.StatusCreated, "import")
	if got, want := a.countServices(), before+2; got != want {
		t.Fatalf("%d services, want %d", got, want)
	}
}

// newEmptyApp serves a store with no ledger and one ministry officer.
func newEmptyApp(t *testing.T) (*app, *client) {
	t.Helper()
	db := openEmpty(t)
	u := &pinggu.User{Username: "minister", Name: "部级", Role: pinggu.RoleMinistry}
	if err := db.CreateUser(sysCtx(), u, testPassword); err != nil {
		t.Fatalf("create user: %v", err)
	}
	token, _, err := db.Login(context.Background(), u.Username, testPassword, "127.0.0.1")
	if err != nil {
		t.Fatalf("login: %v", err)
	}
	s, err := NewServer(Options{Services: pinggu.Services{Organisations: db, Licences: db, Services: db, Users: db, Audit: db}})
	if err != nil {
		t.Fatal(err)
	}
	a := &app{t: t, db: db, server: s, sessions: map[string]string{u.Username: token}}
	a.http = newTestHTTPServer(t, s)
	return a, a.login(u.Username)
}

func TestExportReimports(t *testing.T) {
	t.Parallel()
	src := newApp(t)
	c := src.login(uMinistry)
	orgCSV := c.do("GET", "/api/organisations/export.csv", nil)
	mustStatus(t, orgCSV, http.StatusOK, "export organisations")
	if ct := orgCSV.header.Get("Content-Type"); !strings.HasPrefix(ct, "text/csv") {
		t.Fatalf("Content-Type %q", ct)
	}
	if cd := orgCSV.header.Get("Content-Disposition"); !strings.Contains(cd, "organisations.csv") {
		t.Fatalf("Content-Disposition %q", cd)
	}
	svcCSV := c.do("GET", "/api/services/export.csv", nil)
	mustStatus(t, svcCSV, http.StatusOK, "export services")
	licCSV := c.do("GET", "/api/licences/export.csv?province=310000", nil)
	mustStatus(t, licCSV, http.StatusOK, "export licences")
	if !strings.Contains(string(licCSV.body), src.licB.Number) || strings.Contains(string(licCSV.body), src.licA.Number) {
		t.Fatalf("licence export ignores the province filter: %s", licCSV.body)
	}

	_, dc := newEmptyApp(t)
	res := dc.doType("POST", "/api/organisations/import", "text/csv", orgCSV.body)
	mustStatus(t, res, http.StatusCreated, "re-import organisations")
	res = dc.doType("POST", "/api/services/import", "text/csv", svcCSV.body)
	mustStatus(t, res, http.StatusCreated, "re-import services")

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
	again := dc.do("GET", "/api/organisations/export.csv", nil)
	if !bytes.Equal(again.body, orgCSV.body) {
		t.Fatalf("export of the re-imported ledger differs:\n%s\nwant\n%s", again.body, orgCSV.body)
	}
}

// keysOf lists a list endpoint's items as sorted keys, one a line.
func keysOf[T any](t *testing.T, c *client, path string, key func(T) string) string {
	t.Helper()
	res := c.do("GET", path+"?limit=500", nil)
	mustStatus(t, res, http.StatusOK, path)
	var l api.ListResponse[T]
	res.decode(t, &l)
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
		b.WriteString("研究院" + id(int64(i)) + ",支撑单位,北京市\r\n")
	}
	mustStatus(t, c.doType("POST", "/api/organisations/import", "text/csv", b.String()), http.StatusCreated, "import")
	res := c.do("GET", "/api/organisations/export.csv?kind=support_institution", nil)
	mustStatus(t, res, http.StatusOK, "export")
	if got, want := strings.Count(string(res.body), "\n"), n+1; got != want {
		t.Fatalf("export has %d lines, want %d", got, want)
	}
}
