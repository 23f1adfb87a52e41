package ui_test

import (
	"net/http"
	"regexp"
	"strconv"
	"strings"
	"testing"

	. "github.com/pinggu/pinggu/web/webtest"

	"github.com/pinggu/pinggu/ledgercsv"
)

var problemRowRE = regexp.MustCompile(`<tr><td class="num">(\d*)</td><td>([^<]*)(?: <code class="muted">([^<]*)</code>)?</td><td>([^<]*)</td></tr>`)

// problemRows reads the import's problem table as line → fields, each
// field as "api.Label field".
func problemRows(body string) map[int][]string {
	out := map[int][]string{}
	for _, m := range problemRowRE.FindAllStringSubmatch(body, -1) {
		n, _ := strconv.Atoi(m[1])
		out[n] = append(out[n], strings.TrimSpace(m[2]+" "+m[3]))
	}
	return out
}

func TestUIOrganisationImport(t *testing.T) {
	t.Parallel()
	a := NewApp(t)
	c := a.Login(UserBureauGD)
	MustContain(t, c.Get("/organisations/import"), "import page", `enctype="multipart/form-data"`, "下载导入模板")

	// The template is a file the importer itself reads.
	tpl := c.Get("/organisations/import/template.csv")
	MustPage(t, tpl, http.StatusOK, "template")
	rows, err := ledgercsv.ParseOrganisations(strings.NewReader(tpl.Body))
	if err != nil || len(rows) != 1 {
		t.Fatalf("the template does not parse back: %v (%d rows)", err, len(rows))
	}

	good1, good2 := USCC(t, "91440300MA5H00001"), USCC(t, "91440300MA5H00002")
	bad := "名称,类型,统一社会信用代码,省份\n" +
		"庚科技有限公司," + "互联网企业," + good1 + ",广东省\n" +
		"辛科技有限公司,互联网企业,91440300MA5H000031,广东省\n" +
		"壬科技有限公司,互联网企业," + good2 + ",火星省\n" +
		",互联网企业," + USCC(t, "91440300MA5H00004") + ",广东省\n"
	before := a.CountOrganisations()
	p := c.Upload("/organisations/import", "orgs.csv", bad)
	MustPage(t, p, http.StatusUnprocessableEntity, "import with bad rows")
	MustContain(t, p, "problem table", "行号", "字段", "问题", "未导入任何记录")
	probs := problemRows(p.Body)
	for line, field := range map[int]string{3: "统一社会信用代码 uscc", 4: "所属省份 province", 5: "机构名称 name"} {
		found := false
		for _, f := range probs[line] {
			found = found || f == field
		}
		if !found {
			t.Errorf("problem table lacks line %d field %s; rows: %v", line, field, probs)
		}
	}
	if len(probs[2]) != 0 {
		t.Errorf("a good row is listed as a problem: %v", probs[2])
	}
	if got := a.CountOrganisations(); got != before {
		t.Fatalf("organisations after a failed import = %d, want %d (nothing imported)", got, before)
	}
	MustNotContain(t, c.Get("/organisations?q="+good1), "after a failed import", "庚科技有限公司")

	good := "名称,类型,统一社会信用代码,省份,联系人\n" +
		"庚科技有限公司,互联网企业," + good1 + ",广东省,周经理\n" +
		"壬科技有限公司,增值电信企业," + good2 + ",广东,\n"
	p = c.Upload("/organisations/import", "orgs.csv", good)
	if p.Status != http.StatusSeeOther {
		t.Fatalf("good import: status %d: %s", p.Status, Text(p.Body))
	}
	list := c.Get(p.Location)
	MustContain(t, list, "after import", "导入成功，共导入2条记录", "庚科技有限公司", "壬科技有限公司")

	// No file at all is an error next to the file field.
	p = c.Upload("/organisations/import", "", "")
	if got := FieldErrorOf(t, p.Body, "file"); got == "" {
		t.Fatalf("no error next to the file field for an empty upload: %s", Text(p.Body))
	}
}

func TestUIServiceImportStaysInScope(t *testing.T) {
	t.Parallel()
	a := NewApp(t)
	c := a.Login(UserEntAdminA)
	tpl := c.Get("/services/import/template.csv")
	if rows, err := ledgercsv.ParseServices(strings.NewReader(tpl.Body)); err != nil || len(rows) != 1 {
		t.Fatalf("the service template does not parse back: %v", err)
	}
	before := a.CountServices()
	csv := "业务名称,所属企业,业务类别\n" +
		"甲直播,甲网络科技有限公司,网络直播\n" +
		"越权业务," + a.OrgB.USCC + ",即时通信\n"
	p := c.Upload("/services/import", "services.csv", csv)
	MustPage(t, p, http.StatusUnprocessableEntity, "import naming another tenant")
	if probs := problemRows(p.Body); len(probs[3]) == 0 || len(probs[2]) != 0 {
		t.Fatalf("problem rows = %v, want only line 3", probs)
	}
	MustNotContain(t, p, "import naming another tenant", a.OrgB.Name)
	if got := a.CountServices(); got != before {
		t.Fatalf("services after a failed import = %d, want %d", got, before)
	}
	p = c.Upload("/services/import", "services.csv", "业务名称,所属企业,业务类别,监测目标\n甲直播,甲网络科技有限公司,网络直播,https://live.example.cn\n")
	if p.Status != http.StatusSeeOther {
		t.Fatalf("good service import: status %d: %s", p.Status, Text(p.Body))
	}
	MustContain(t, c.Get(p.Location), "after import", "导入成功，共导入1条记录", "甲直播")
}
