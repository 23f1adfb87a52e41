package web

import (
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/pinggu/pinggu"
)

func TestUILicencesMarkedByState(t *testing.T) {
	t.Parallel()
	a := newApp(t)
	now := time.Now().UTC().Truncate(24 * time.Hour)
	for _, l := range []*pinggu.Licence{
		{OrgID: a.orgA.ID, Number: "粤B2-EXPIRED", Categories: []string{"B25"}, Issuer: "广东省通信管理局", ValidFrom: now.AddDate(-5, 0, 0), ValidTo: now.AddDate(0, 0, -10)},
		{OrgID: a.orgA.ID, Number: "粤B2-SOON", Categories: []string{"B21"}, Issuer: "广东省通信管理局", ValidFrom: now.AddDate(-4, 0, 0), ValidTo: now.AddDate(0, 0, 30)},
	} {
		if err := a.db.CreateLicence(sysCtx(), l); err != nil {
			t.Fatal(err)
		}
	}
	c := a.login(uBureauGD)
	p := c.get("/licences")
	mustPage(t, p, http.StatusOK, "licence list")
	mustContain(t, p, "licence list", "粤B2-EXPIRED", "粤B2-SOON", a.licA.Number, `class="lic-expired"`, `class="lic-expiring"`, "已过期", "即将到期")
	mustNotContain(t, p, "licence list", a.licB.Number)
	p = c.get("/licences?state=expired")
	mustContain(t, p, "expired filter", "粤B2-EXPIRED")
	mustNotContain(t, p, "expired filter", "粤B2-SOON", a.licA.Number)
	p = c.get("/licences?state=expiring")
	mustContain(t, p, "expiring filter", "粤B2-SOON")
	mustNotContain(t, p, "expiring filter", "粤B2-EXPIRED")
	en := a.login(uBureauGD).withLang("en").get("/licences")
	mustContain(t, en, "English licence list", "Operating licences", "粤B2-SOON")

	// The dashboard counts them and links to the filtered lists.
	d := c.get("/dashboard")
	mustContain(t, d, "dashboard", `href="/licences?state=expiring"`, `href="/licences?state=expired"`)
}

func TestUILicenceCreateEditDelete(t *testing.T) {
	t.Parallel()
	a := newApp(t)
	c := a.login(uEntAdminA)
	base := "/organisations/" + id(a.orgA.ID)
	mustPage(t, c.get(base+"/licences/new"), http.StatusOK, "new licence form")
	mustPage(t, c.get("/organisations/"+id(a.orgB.ID)+"/licences/new"), http.StatusNotFound, "licence form of another tenant")

	p := c.post(base+"/licences", url.Values{"number": {""}, "categories": {"B25, Z9"}, "issuer": {"广东省通信管理局"}, "valid_from": {"2026-01-01"}, "valid_to": {"2025-01-01"}})
	mustPage(t, p, http.StatusUnprocessableEntity, "bad licence")
	if got := fieldError(t, p.body, "number"); got != "许可证编号不能为空" {
		t.Fatalf("error next to number = %q", got)
	}
	if got := fieldError(t, p.body, "valid_to"); got != "有效期截止日期须晚于起始日期" {
		t.Fatalf("error next to valid_to = %q", got)
	}
	if got := fieldError(t, p.body, "categories"); !strings.Contains(got, "Z9") {
		t.Fatalf("error next to categories = %q", got)
	}
	p = c.post(base+"/licences", url.Values{"number": {"粤B1-2026"}, "categories": {"B11"}, "issuer": {"x"}, "valid_from": {"2026-13-01"}, "valid_to": {"2030-01-01"}})
	if got := fieldError(t, p.body, "valid_from"); got != "日期格式不正确，应为YYYY-MM-DD" {
		t.Fatalf("error next to an impossible date = %q", got)
	}

	p = c.follow(base+"/licences", url.Values{"number": {"粤B1-20260009"}, "categories": {"b11, B12"}, "issuer": {"广东省通信管理局"}, "valid_from": {"2026-01-01"}, "valid_to": {"2031-01-01"}})
	mustContain(t, p, "organisation after adding a licence", "经营许可证已新增", "粤B1-20260009", "B11、B12", "2031-01-01")
	ls, _, err := a.db.ListLicences(sysCtx(), pinggu.LicenceFilter{Query: "粤B1-20260009"})
	if err != nil || len(ls) != 1 {
		t.Fatalf("licence not stored: %v %d", err, len(ls))
	}
	lic := "/licences/" + id(ls[0].ID)
	if got := inputValue(t, c.get(lic+"/edit").body, "valid_to"); got != "2031-01-01" {
		t.Fatalf("edit form valid_to = %q", got)
	}
	p = c.follow(lic, url.Values{"number": {"粤B1-20260009"}, "categories": {"B11"}, "issuer": {"广东省通信管理局"}, "valid_from": {"2026-01-01"}, "valid_to": {"2032-06-30"}})
	mustContain(t, p, "after editing", "经营许可证已保存", "2032-06-30")

	// Tenant B can neither edit nor delete it.
	b := a.login(uEntAdminB)
	mustPage(t, b.get(lic+"/edit"), http.StatusNotFound, "edit another tenant's licence")
	mustPage(t, b.post(lic+"/delete", nil), http.StatusNotFound, "delete another tenant's licence")

	p = c.follow(lic+"/delete", nil)
	mustContain(t, p, "after deleting", "经营许可证已删除")
	mustNotContain(t, p, "after deleting", "粤B1-20260009")
}
