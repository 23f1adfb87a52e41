package web

import (
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/pinggu/pinggu"
)

func TestUIOrganisationListScope(t *testing.T) {
	t.Parallel()
	a := newApp(t)
	for _, lang := range []string{"zh", "en"} {
		c := a.login(uEntAdminA).withLang(lang)
		p := c.get("/organisations")
		mustPage(t, p, http.StatusOK, "organisation list "+lang)
		mustContain(t, p, "organisation list of tenant A", a.orgA.Name, a.orgASub.Name)
		mustNotContain(t, p, "organisation list of tenant A", a.orgB.Name, a.orgB.USCC)
		if lang == "en" {
			mustContain(t, p, "English list", "Organisations", "2 in total")
		} else {
			mustContain(t, p, "Chinese list", "机构名录", "共 2 条")
		}
	}
	// Searching for the other tenant by name or code finds nothing.
	c := a.login(uEntAdminA)
	for _, q := range []string{"乙", a.orgB.USCC, "有限公司"} {
		p := c.get("/organisations?q=" + url.QueryEscape(q))
		mustNotContain(t, p, "search "+q, a.orgB.Name)
	}
	// A Guangdong officer sees Guangdong, not Shanghai.
	p := a.login(uBureauGD).get("/organisations")
	mustContain(t, p, "bureau list", a.orgA.Name, a.orgThird.Name)
	mustNotContain(t, p, "bureau list", a.orgB.Name)
}

func TestUIOrganisationListFiltersAndPages(t *testing.T) {
	t.Parallel()
	a := newApp(t)
	ctx := sysCtx()
	for i := range 25 {
		o := &pinggu.Organisation{Kind: pinggu.OrgVAS, Name: fmt.Sprintf("批量增值电信企业%02d", i), USCC: uscc(t, fmt.Sprintf("91440300MA5E%05d", i)), Province: "440000", Key: i%5 == 0}
		if err := a.db.CreateOrganisation(ctx, o); err != nil {
			t.Fatal(err)
		}
	}
	c := a.login(uBureauGD)
	p := c.get("/organisations?kind=vas_enterprise&sort=name")
	mustContain(t, p, "first page", "共 25 条", "批量增值电信企业00", "第 1 页", "page=2")
	mustNotContain(t, p, "first page", "批量增值电信企业20", a.orgA.Name)
	p = c.get("/organisations?kind=vas_enterprise&sort=name&page=2")
	mustContain(t, p, "second page", "批量增值电信企业20", "批量增值电信企业24")
	mustNotContain(t, p, "second page", "批量增值电信企业00")
	p = c.get("/organisations?kind=vas_enterprise&sort=name&desc=1")
	if i, j := strings.Index(p.body, "批量增值电信企业24"), strings.Index(p.body, "批量增值电信企业23"); i < 0 || j < 0 || i > j {
		t.Fatalf("descending sort does not put 24 before 23")
	}
	p = c.get("/organisations?key_only=true")
	mustContain(t, p, "key only", "共 5 条", "批量增值电信企业05")
	mustNotContain(t, p, "key only", "批量增值电信企业01")
	// The export link carries the filters to the API's CSV export.
	mustContain(t, p, "export link", `href="/api/organisations/export.csv?key_only=true"`)
}

func TestUIOrganisationShow(t *testing.T) {
	t.Parallel()
	a := newApp(t)
	c := a.login(uEntAdminA)
	p := c.get("/organisations/" + id(a.orgA.ID))
	mustPage(t, p, http.StatusOK, "own organisation")
	mustContain(t, p, "own organisation", a.orgA.Name, a.orgA.USCC, a.licA.Number, a.svcA.Name, a.orgASub.Name)

	other := c.get("/organisations/" + id(a.orgB.ID))
	mustPage(t, other, http.StatusNotFound, "another tenant's organisation")
	mustContain(t, other, "another tenant's organisation", "页面不存在")
	mustNotContain(t, other, "another tenant's organisation", a.orgB.Name, a.licB.Number, a.svcB.Name)
	missing := c.get("/organisations/999999")
	mustPage(t, missing, http.StatusNotFound, "a missing organisation")
	if text(missing.body) != text(other.body) {
		t.Fatalf("the 404 for a missing record differs from the one for a record out of scope:\n%s\n%s", text(missing.body), text(other.body))
	}
	mustPage(t, c.get("/organisations/abc"), http.StatusNotFound, "a malformed id")
}

func TestUIOrganisationCreateErrorsNextToFields(t *testing.T) {
	t.Parallel()
	a := newApp(t)
	c := a.login(uBureauGD)
	mustContain(t, c.get("/organisations/new"), "new organisation form", `name="uscc"`, "新增机构")
	bad := "91440300MA5FFFFF1X"
	before := a.countOrganisations()
	p := c.post("/organisations", url.Values{
		"kind": {"internet_company"}, "name": {"戊数据服务有限公司"}, "uscc": {bad}, "province": {"440000"},
		"contact_name": {"", "李主任"}, "contact_email": {"not-an-email", "li@example.cn"},
	})
	mustPage(t, p, http.StatusUnprocessableEntity, "bad credit code")
	if got := fieldError(t, p.body, "uscc"); got == "" || !strings.Contains(got, "校验") && !strings.Contains(got, "代码") {
		t.Fatalf("error next to uscc = %q, want the GB 32100 message", got)
	}
	if got := fieldError(t, p.body, "name"); got != "" {
		t.Fatalf("a valid name shows an error: %q", got)
	}
	if got := inputValue(t, p.body, "name"); got != "戊数据服务有限公司" {
		t.Fatalf("the name typed is not kept: %q", got)
	}
	if got := inputValue(t, p.body, "uscc"); got != bad {
		t.Fatalf("the code typed is not kept: %q", got)
	}
	// The first contact row had only an email: its missing name is shown in
	// that row, next to the name field.
	if got := fieldError(t, p.body, "contact_name"); got != "联系人姓名不能为空" {
		t.Fatalf("error next to the first contact's name = %q", got)
	}
	if got, want := a.countOrganisations(), before; got != want {
		t.Fatalf("organisations after a failed create = %d, want %d", got, want)
	}
}

func TestUIOrganisationCreateAndEdit(t *testing.T) {
	t.Parallel()
	a := newApp(t)
	c := a.login(uBureauGD)
	code := uscc(t, "91440300MA5GGGGG1")
	res := c.post("/organisations", url.Values{
		"kind": {"internet_company"}, "name": {"己网络有限公司"}, "uscc": {code}, "province": {"440000"},
		"key_enterprise": {"1"}, "contact_name": {"赵工"}, "contact_phone": {"020-12345678"},
	})
	if res.status != http.StatusSeeOther || !strings.HasPrefix(res.location, "/organisations/") {
		t.Fatalf("create: status %d location %q; %s", res.status, res.location, text(res.body))
	}
	p := c.get(res.location)
	mustContain(t, p, "new organisation page", "机构已新增", "己网络有限公司", code, "赵工", "020-12345678", "重点企业")
	edit := c.get(res.location + "/edit")
	if got := inputValue(t, edit.body, "uscc"); got != code {
		t.Fatalf("edit form uscc = %q", got)
	}
	p = c.follow(res.location, url.Values{
		"kind": {"internet_company"}, "name": {"己网络有限公司"}, "uscc": {code}, "province": {"440000"},
		"address": {"广州市天河区某路1号"}, "contact_name": {"赵工", "钱工"},
	})
	mustContain(t, p, "edited organisation", "机构信息已保存", "广州市天河区某路1号", "钱工")
	mustNotContain(t, p, "edited organisation", "020-12345678")

	// An enterprise administrator cannot reach another tenant's edit form.
	mustPage(t, a.login(uEntAdminB).get(res.location+"/edit"), http.StatusNotFound, "edit form out of scope")
	// A read-only analyst may look but not edit.
	mustPage(t, a.login(uSupport).get("/organisations/new"), http.StatusForbidden, "support analyst's new form")
}
