package ui_test

import (
	"net/http"
	"net/url"
	"testing"

	. "github.com/pinggu/pinggu/web/webtest"

	"github.com/pinggu/pinggu"
)

// TestUIPracticeReport: the group opens and submits its own report
// through the form, the bureau sees it in the overview of the period
// beside its subsidiary, returns it with a reason, and the group
// resubmits; the group reads its subsidiary's report without a form.
func TestUIPracticeReport(t *testing.T) {
	t.Parallel()
	a := NewApp(t)
	ent, bureau := a.Login(UserEntAdminA), a.Login(UserBureauGD)
	const period = "2025-Q4"

	p := ent.Get("/practice-reports")
	MustPage(t, p, http.StatusOK, "list")
	MustContain(t, p, "list", a.PracticeReports.ASub.Title("zh"), a.PracticeReports.ADraft.Title("zh"), `action="/practice-reports"`)
	MustNotContain(t, p, "list", a.PracticeReports.B.Title("zh"))

	p = ent.Post("/practice-reports", url.Values{"period": {period}})
	MustPage(t, p, http.StatusSeeOther, "open")
	path := p.Location
	MustPage(t, ent.Post("/practice-reports", url.Values{"period": {period}}), http.StatusUnprocessableEntity, "open twice")
	form := url.Values{"system_in_place": {"on"}, "daily_checks": {"4"}, "submit": {"1"}}
	p = ent.Post(path, form)
	MustPage(t, p, http.StatusUnprocessableEntity, "submit incomplete")
	MustContain(t, p, "incomplete", "须填写制度文件名称及文号", "须简述日常检查情况")
	form.Set("system_docs", "《安全评估工作规范》（甲发〔2025〕8号）")
	form.Set("daily_check_summary", "每月对新上线业务开展检查")
	MustPage(t, ent.Post(path, form), http.StatusSeeOther, "submit")
	p = ent.Get(path)
	MustContain(t, p, "submitted", "已报送待审核", "《安全评估工作规范》")
	MustNotContain(t, p, "submitted", `name="system_docs"`)

	// The bureau's overview of the period: both enterprises of the
	// province, the group reported, the subsidiary not.
	p = bureau.Get("/practice-reports/overview?period=" + period)
	MustPage(t, p, http.StatusOK, "overview")
	MustContain(t, p, "overview", a.OrgA.Name, a.OrgASub.Name, "已报送", "未报送", "/api/practice-reports/overview.xlsx?period="+period)
	MustNotContain(t, p, "overview", a.OrgB.Name)
	MustPage(t, bureau.Post(path+"/review", url.Values{"decision": {"returned"}}), http.StatusUnprocessableEntity, "return without reason")
	MustPage(t, bureau.Post(path+"/review", url.Values{"decision": {"returned"}, "note": {"请补充制度文件"}}), http.StatusSeeOther, "return")
	p = ent.Get(path)
	MustContain(t, p, "returned", "已退回", "请补充制度文件", `name="system_docs"`)
	MustPage(t, ent.Post(path, form), http.StatusSeeOther, "resubmit")
	MustPage(t, bureau.Post(path+"/review", url.Values{"decision": {"accepted"}}), http.StatusSeeOther, "accept")
	MustContain(t, ent.Get(path), "accepted", "已通过")

	// The group reads its subsidiary's submitted report, without a form;
	// the bureau of another province does not know it.
	sub := "/practice-reports/" + ID(a.PracticeReports.ASub.ID)
	p = ent.Get(sub)
	MustPage(t, p, http.StatusOK, "subsidiary's report")
	MustNotContain(t, p, "subsidiary's report", `action="`+sub+`"`, `action="`+sub+`/review"`)
	MustContain(t, bureau.Get(sub), "bureau's review form", `action="`+sub+`/review"`)
	MustPage(t, a.Login(UserBureauSH).Get(sub), http.StatusNotFound, "another bureau")

	// English.
	p = bureau.WithLang("en").Get("/practice-reports/overview?period=" + period)
	MustContain(t, p, "English overview", "Who has reported", "Not reported", "Accepted")
	if s := pinggu.StatusOf(pinggu.ReportDraft); s != pinggu.ReportNotReported {
		t.Fatalf("a draft is %s", s)
	}
}
