package ui_test

import (
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	. "github.com/pinggu/pinggu/web/webtest"

	"github.com/pinggu/pinggu"
)

func TestUILicencesMarkedByState(t *testing.T) {
	t.Parallel()
	a := NewApp(t)
	now := time.Now().UTC().Truncate(24 * time.Hour)
	for _, l := range []*pinggu.Licence{
		{OrgID: a.OrgA.ID, Number: "粤B2-EXPIRED", Categories: []string{"B25"}, Issuer: "广东省通信管理局", ValidFrom: now.AddDate(-5, 0, 0), ValidTo: now.AddDate(0, 0, -10)},
		{OrgID: a.OrgA.ID, Number: "粤B2-SOON", Categories: []string{"B21"}, Issuer: "广东省通信管理局", ValidFrom: now.AddDate(-4, 0, 0), ValidTo: now.AddDate(0, 0, 30)},
	} {
		if err := a.DB.CreateLicence(SysCtx(), l); err != nil {
			t.Fatal(err)
		}
	}
	c := a.Login(UserBureauGD)
	p := c.Get("/licences")
	MustPage(t, p, http.StatusOK, "licence list")
	MustContain(t, p, "licence list", "粤B2-EXPIRED", "粤B2-SOON", a.LicA.Number, `class="lic-expired"`, `class="lic-expiring"`, "已过期", "即将到期")
	MustNotContain(t, p, "licence list", a.LicB.Number)
	p = c.Get("/licences?state=expired")
	MustContain(t, p, "expired filter", "粤B2-EXPIRED")
	MustNotContain(t, p, "expired filter", "粤B2-SOON", a.LicA.Number)
	p = c.Get("/licences?state=expiring")
	MustContain(t, p, "expiring filter", "粤B2-SOON")
	MustNotContain(t, p, "expiring filter", "粤B2-EXPIRED")
	en := a.Login(UserBureauGD).WithLang("en").Get("/licences")
	MustContain(t, en, "English licence list", "Operating licences", "粤B2-SOON")

	// The dashboard counts them and links to the filtered lists.
	d := c.Get("/dashboard")
	MustContain(t, d, "dashboard", `href="/licences?state=expiring"`, `href="/licences?state=expired"`)
}

func TestUILicenceCreateEditDelete(t *testing.T) {
	t.Parallel()
	a := NewApp(t)
	c := a.Login(UserEntAdminA)
	base := "/organisations/" + ID(a.OrgA.ID)
	MustPage(t, c.Get(base+"/licences/new"), http.StatusOK, "new licence form")
	MustPage(t, c.Get("/organisations/"+ID(a.OrgB.ID)+"/licences/new"), http.StatusNotFound, "licence form of another tenant")

	p := c.Post(base+"/licences", url.Values{"number": {""}, "categories": {"B25, Z9"}, "issuer": {"广东省通信管理局"}, "valid_from": {"2026-01-01"}, "valid_to": {"2025-01-01"}})
	MustPage(t, p, http.StatusUnprocessableEntity, "bad licence")
	if got := FieldErrorOf(t, p.Body, "number"); got != "许可证编号不能为空" {
		t.Fatalf("error next to number = %q", got)
	}
	if got := FieldErrorOf(t, p.Body, "valid_to"); got != "有效期截止日期须晚于起始日期" {
		t.Fatalf("error next to valid_to = %q", got)
	}
	if got := FieldErrorOf(t, p.Body, "categories"); !strings.Contains(got, "Z9") {
		t.Fatalf("error next to categories = %q", got)
	}
	p = c.Post(base+"/licences", url.Values{"number": {"粤B1-2026"}, "categories": {"B11"}, "issuer": {"x"}, "valid_from": {"2026-13-01"}, "valid_to": {"2030-01-01"}})
	if got := FieldErrorOf(t, p.Body, "valid_from"); got != "日期格式不正确，应为YYYY-MM-DD" {
		t.Fatalf("error next to an impossible date = %q", got)
	}

	p = c.Follow(base+"/licences", url.Values{"number": {"粤B1-20260009"}, "categories": {"b11, B12"}, "issuer": {"广东省通信管理局"}, "valid_from": {"2026-01-01"}, "valid_to": {"2031-01-01"}})
	MustContain(t, p, "organisation after adding a licence", "经营许可证已新增", "粤B1-20260009", "B11、B12", "2031-01-01")
	ls, _, err := a.DB.ListLicences(SysCtx(), pinggu.LicenceFilter{Query: "粤B1-20260009"})
	if err != nil || len(ls) != 1 {
		t.Fatalf("licence not stored: %v %d", err, len(ls))
	}
	lic := "/licences/" + ID(ls[0].ID)
	if got := InputValue(t, c.Get(lic+"/edit").Body, "valid_to"); got != "2031-01-01" {
		t.Fatalf("edit form valid_to = %q", got)
	}
	p = c.Follow(lic, url.Values{"number": {"粤B1-20260009"}, "categories": {"B11"}, "issuer": {"广东省通信管理局"}, "valid_from": {"2026-01-01"}, "valid_to": {"2032-06-30"}})
	MustContain(t, p, "after editing", "经营许可证已保存", "2032-06-30")

	// Tenant B can neither edit nor delete it.
	b := a.Login(UserEntAdminB)
	MustPage(t, b.Get(lic+"/edit"), http.StatusNotFound, "edit another tenant's licence")
	MustPage(t, b.Post(lic+"/delete", nil), http.StatusNotFound, "delete another tenant's licence")

	p = c.Follow(lic+"/delete", nil)
	MustContain(t, p, "after deleting", "经营许可证已删除")
	MustNotContain(t, p, "after deleting", "粤B1-20260009")
}
