package webtest

import (
	"archive/zip"
	"bytes"
	"io"
	"mime/multipart"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/pinggu/pinggu"
	"github.com/pinggu/pinggu/standards"
	"github.com/pinggu/pinggu/web/api"
)

// UploadEvidence sends one file as the multipart form of an evidence upload.
func (c *Client) UploadEvidence(path, key, filename string, content []byte) Response {
	c.App.T.Helper()
	var buf bytes.Buffer
	mw := multipart.NewWriter(&buf)
	if key != "" {
		mw.WriteField("key", key)
	}
	fw, err := mw.CreateFormFile("file", filename)
	if err != nil {
		c.App.T.Fatal(err)
	}
	fw.Write(content)
	mw.Close()
	return c.DoType("POST", path, mw.FormDataContentType(), buf.Bytes())
}

// NewConvergedService registers a planned converged-communication service
// of tenant A.
func NewConvergedService(t *testing.T, a *App) *pinggu.Service {
	t.Helper()
	var svc pinggu.Service
	res := a.Login(UserEntAdminA).Do("POST", "/api/services", map[string]any{
		"org_id": a.OrgA.ID, "name": "甲融合通信", "category": "converged_comm", "provinces": []string{"440000"},
	})
	MustStatus(t, res, http.StatusCreated, "create service")
	res.Decode(t, &svc)
	return &svc
}

// CSVLines joins lines into a CSV file.
func CSVLines(lines ...string) string { return strings.Join(lines, "\r\n") + "\r\n" }

func TestOrganisationImportAllOrNothing(t *testing.T) {
	t.Parallel()
	a := NewApp(t)
	c := a.Login(UserBureauGD)
	before, audit := a.CountOrganisations(), a.CountAudit()
	good1, good2 := USCC(t, "91440300MA5FFFFF1"), USCC(t, "91440300MA5GGGGG2")
	bad := CSVLines(
		"名称,类型,统一社会信用代码,省份,上级单位",
		"戊科技有限公司,互联网企业,"+good1+",广东省,",
		"己科技有限公司,互联网企业,91440300MA5HHHHH3X,广东省,",
		"庚科技有限公司,互联网企业,"+good2+",火星,",
		"辛科技子公司,互联网企业,,广东省,戊科技有限公司",
	)
	res := c.DoType("POST", "/api/organisations/import", "text/csv", bad)
	MustStatus(t, res, http.StatusBadRequest, "import with bad rows")
	p := res.Problem(t)
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
	if got, want := a.CountOrganisations(), before; got != want {
		t.Fatalf("%d organisations after a refused import, want %d", got, want)
	}
	if got, want := a.CountAudit(), audit; got != want {
		t.Fatalf("%d audit entries after a refused import, want %d", got, want)
	}

	fixed := CSVLines(
		"名称,类型,统一社会信用代码,省份,上级单位",
		"戊科技有限公司,互联网企业,"+good1+",广东省,",
		"庚科技有限公司,internet_company,"+good2+",440000,",
		"辛科技子公司,互联网企业,"+USCC(t, "91440300MA5JJJJJ4")+",广东,戊科技有限公司",
	)
	// The same file as a browser's multipart upload.
	var body bytes.Buffer
	mw := multipart.NewWriter(&body)
	fw, _ := mw.CreateFormFile("file", "orgs.csv")
	fw.Write([]byte(fixed))
	mw.Close()
	res = c.DoType("POST", "/api/organisations/import", mw.FormDataContentType(), body.Bytes())
	MustStatus(t, res, http.StatusCreated, "import")
	var r api.ImportResult
	res.Decode(t, &r)
	if got, want := r.Created, 3; got != want {
		t.Fatalf("created %d, want %d", got, want)
	}
	if got, want := a.CountOrganisations(), before+3; got != want {
		t.Fatalf("%d organisations, want %d", got, want)
	}
	res = c.Do("GET", "/api/organisations?q=辛科技子公司", nil)
	var l api.ListResponse[pinggu.Organisation]
	res.Decode(t, &l)
	if len(l.Items) != 1 || l.Items[0].ParentName != "戊科技有限公司" {
		t.Fatalf("imported subsidiary = %+v", l.Items)
	}

	for name, tc := range map[string]struct{ contentType, body string }{
		"empty file":      {"text/csv", ""},
		"no file field":   {"multipart/form-data; boundary=x", "--x\r\nContent-Disposition: form-data; name=\"other\"\r\n\r\nv\r\n--x--\r\n"},
		"missing columns": {"text/csv", CSVLines("名字,类别", "x,y")},
	} {
		res := c.DoType("POST", "/api/organisations/import", tc.contentType, tc.body)
		MustStatus(t, res, http.StatusBadRequest, name)
		if p := res.Problem(t); len(p.Errors) == 0 {
			t.Errorf("%s: problem names no field: %+v", name, p)
		}
	}
}

// SameIDs compares id sets regardless of order.
func SameIDs(got, want []int64) bool {
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

// PostFile submits a multipart form with fields and one file, as a browser
// does without JavaScript.
func (c *Client) PostFile(path string, fields url.Values, filename string, content []byte) Page {
	c.App.T.Helper()
	var buf bytes.Buffer
	mw := multipart.NewWriter(&buf)
	for k, vs := range fields {
		for _, v := range vs {
			mw.WriteField(k, v)
		}
	}
	fw, _ := mw.CreateFormFile("file", filename)
	fw.Write(content)
	mw.Close()
	res := c.DoType("POST", path, mw.FormDataContentType(), buf.Bytes())
	return Page{Status: res.Status, Location: res.Header.Get("Location"), Body: string(res.Body)}
}

// Upload posts a file as the import form does.
func (c *Client) Upload(path, filename, content string) Page {
	c.App.T.Helper()
	var body bytes.Buffer
	mw := multipart.NewWriter(&body)
	fw, err := mw.CreateFormFile("file", filename)
	if err != nil {
		c.App.T.Fatal(err)
	}
	fw.Write([]byte(content))
	mw.Close()
	res := c.DoType("POST", path, mw.FormDataContentType(), body.Bytes())
	return Page{Status: res.Status, Location: res.Header.Get("Location"), Body: string(res.Body)}
}

// NewStandardVersion is a valid YAML of a new version of the shipped IM
// standard, as the ministry would publish it.
func NewStandardVersion(t *testing.T, version string) []byte {
	t.Helper()
	std := standards.Builtin().Latest("im").Clone()
	std.Version = version
	b, err := standards.Marshal(std)
	if err != nil {
		t.Fatalf("marshal standard: %v", err)
	}
	return b
}

// XLSXText is every XML part of a workbook run together, so a test can look
// for the text the workbook holds.
func XLSXText(t *testing.T, b []byte) string {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		t.Fatalf("read workbook: %v", err)
	}
	var sb strings.Builder
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			t.Fatalf("read workbook part %s: %v", f.Name, err)
		}
		part, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			t.Fatalf("read workbook part %s: %v", f.Name, err)
		}
		sb.Write(part)
	}
	return sb.String()
}
