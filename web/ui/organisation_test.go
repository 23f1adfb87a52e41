package ui_test

import (
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"testing"

	. "github.com/pinggu/pinggu/web/webtest"

	"github.com/pinggu/pinggu"
)

func TestUIOrganisationListScope(t *testing.T) {
	t.Parallel()
	a := NewApp(t)
	for _, lang := range []string{"zh", "en"} {
		c := a.Login(UserEntAdminA).WithLang(lang)
		p := c.Get("/organisations")
		MustPage(t, p, http.StatusOK, "organisation list "+lang)
		MustContain(t, p, "organisation list of tenant A", a.OrgA.Name, a.OrgASub.Name)
		MustNotContain(t, p, "organisation list of tenant A", a.OrgB.Name, a.OrgB.USCC)
		if lang == "en" {
			MustContain(t, p, "English list", "Organisations", "2 in total")
		} else {
			MustContain(t, p, "Chinese list", "机构名录", "共 2 条")
		}
	}
	// Searching for the other tenant by name or code finds nothing.
	c := a.Login(UserEntAdminA)
	for _, q := range []string{"乙", a.OrgB.USCC, "有限公司"} {
		p := c.Get("/organisations?q=" + url.QueryEscape(q))
		MustNotContain(t, p, "search "+q, a.OrgB.Name)
	}
	// A Guangdong officer sees Guangdong, not Shanghai.
	p := a.Login(UserBureauGD).Get("/organisations")
	MustContain(t, p, "bureau list", a.OrgA.Name, a.OrgThird.Name)
	MustNotContain(t, p, "bureau list", a.OrgB.Name)
}

func TestUIOrganisationListFiltersAndPages(t *testing.T) {
	t.Parallel()
	a := NewApp(t)
	ctx := SysCtx()
	for i := range 25 {
		o := &pinggu.Organisation{Kind: pinggu.OrgVAS, Name: fmt.Sprintf("批量增值电信企业%02d", i), USCC: USCC(t, fmt.Sprintf("91440300MA5E%05d", i)), Province: "440000", Key: i%5 == 0}
		if err := a.DB.CreateOrganisation(ctx, o); err != nil {
			t.Fatal(err)
		}
	}
	c := a.Login(UserBureauGD)
	p := c.Get("/organisations?kind=vas_enterprise&sort=name")
	MustContain(t, p, "first page", "共 25 条", "批量增值电信企业00", "第 1 / 2 页", "page=2")
	MustNotContain(t, p, "first page", "批量增值电信企业20", a.OrgA.Name)
	p = c.Get("/organisations?kind=vas_enterprise&sort=name&page=2")
	MustContain(t, p, "second page", "批量增值电信企业20", "批量增值电信企业24")
	MustNotContain(t, p, "second page", "批量增值电信企业00")
	p = c.Get("/organisations?kind=vas_enterprise&sort=name&desc=1")
	if i, j := strings.Index(p.Body, "批量增值电信企业24"), strings.Index(p.Body, "批量增值电信企业23"); i < 0 || j < 0 || i > j {
		t.Fatalf("descending sort does not put 24 before 23")
	}
	p = c.Get("/organisations?key_only=true")
	MustContain(t, p, "key only", "共 5 条", "批量增值电信企业05")
	MustNotContain(t, p, "key only", "批量增值电信企业01")
	// The export link carries the filters to the API's CSV export.
	MustContain(t, p, "export link", `href="/api/organisations/export.csv?key_only=true"`)
}

func TestUIOrganisationShow(t *testing.T) {
	t.Parallel()
	a := NewApp(t)
	c := a.Login(UserEntAdminA)
	p := c.Get("/organisations/" + ID(a.OrgA.ID))
	MustPage(t, p, http.StatusOK, "own organisation")
	MustContain(t, p, "own organisation", a.OrgA.Name, a.OrgA.USCC, a.LicA.Number, a.SvcA.Name, a.OrgASub.Name)

	other := c.Get("/organisations/" + ID(a.OrgB.ID))
	MustPage(t, other, http.StatusNotFound, "another tenant's organisation")
	MustContain(t, other, "another tenant's organisation", "页面不存在")
	MustNotContain(t, other, "another tenant's organisation", a.OrgB.Name, a.LicB.Number, a.SvcB.Name)
	missing := c.Get("/organisations/999999")
	MustPage(t, missing, http.StatusNotFound, "a missing organisation")
	if Text(missing.Body) != Text(other.Body) {
		t.Fatalf("the 404 for a missing record differs from the one for a record out of scope:\n%s\n%s", Text(missing.Body), Text(other.Body))
	}
	MustPage(t, c.Get("/organisations/abc"), http.StatusNotFound, "a malformed id")
}

func TestUIOrganisationCreateErrorsNextToFields(t *testing.T) {
	t.Parallel()
	a := NewApp(t)
	c := a.Login(UserBureauGD)
	MustContain(t, c.Get("/organisations/new"), "new organisation form", `name="uscc"`, "新增机构")
	bad := "91440300MA5FFFFF1X"
	before := a.CountOrganisations()
	p := c.Post("/organisations", url.Values{
		"kind": {"internet_company"}, "name": {"戊数据服务有限公司"}, "uscc": {bad}, "province": {"440000"},
		"contact_name": {"", "李主任"}, "contact_email": {"not-an-email", "li@example.cn"},
	})
	MustPage(t, p, http.StatusUnprocessableEntity, "bad credit code")
	if got := FieldErrorOf(t, p.Body, "uscc"); got == "" || !strings.Contains(got, "校验") && !strings.Contains(got, "代码") {
		t.Fatalf("error next to uscc = %q, want the GB 32100 message", got)
	}
	if got := FieldErrorOf(t, p.Body, "name"); got != "" {
		t.Fatalf("a valid name shows an error: %q", got)
	}
	if got := InputValue(t, p.Body, "name"); got != "戊数据服务有限公司" {
		t.Fatalf("the name typed is not kept: %q", got)
	}
	if got := InputValue(t, p.Body, "uscc"); got != bad {
		t.Fatalf("the code typed is not kept: %q", got)
	}
	// The first contact row had only an email: its missing name is shown in
	// that row, next to the name field.
	if got := FieldErrorOf(t, p.Body, "contact_name"); got != "联系人姓名不能为空" {
		t.Fatalf("error next to the first contact's name = %q", got)
	}
	if got, want := a.CountOrganisations(), before; got != want {
		t.Fatalf("organisations after a failed create = %d, want %d", got, want)
	}
}

func TestUIOrganisationCreateAndEdit(t *testing.T) {
	t.Parallel()
	a := NewApp(t)
	c := a.Login(UserBureauGD)
	code := USCC(t, "91440300MA5GGGGG1")
	res := c.Post("/organisations", url.Values{
		"kind": {"internet_company"}, "name": {"己网络有限公司"}, "uscc": {code}, "province": {"440000"},
		"key_enterprise": {"1"}, "contact_name": {"赵工"}, "contact_phone": {"020-12345678"},
	})
	if res.Status != http.StatusSeeOther || !strings.HasPrefix(res.Location, "/organisations/") {
		t.Fatalf("create: status %d location %q; %s", res.Status, res.Location, Text(res.Body))
	}
	p := c.Get(res.Location)
	MustContain(t, p, "new organisation page", "机构已新增", "己网络有限公司", code, "赵工", "020-12345678", "重点企业")
	edit := c.Get(res.Location + "/edit")
	if got := InputValue(t, edit.Body, "uscc"); got != code {
		t.Fatalf("edit form uscc = %q", got)
	}
	p = c.Follow(res.Location, url.Values{
		"kind": {"internet_company"}, "name": {"己网络有限公司"}, "uscc": {code}, "province": {"440000"},
		"address": {"广州市天河区某路1号"}, "contact_name": {"赵工", "钱工"},
	})
	MustContain(t, p, "edited organisation", "机构信息已保存", "广州市天河区某路1号", "钱工")
	MustNotContain(t, p, "edited organisation", "020-12345678")

	// An enterprise administrator cannot reach another tenant's edit form.
	MustPage(t, a.Login(UserEntAdminB).Get(res.Location+"/edit"), http.StatusNotFound, "edit form out of scope")
	// A read-only analyst may look but not edit.
	MustPage(t, a.Login(UserSupport).Get("/organisations/new"), http.StatusForbidden, "support analyst's new form")
}
