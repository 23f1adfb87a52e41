package ui_test

import (
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"testing"
	"time"

	. "github.com/pinggu/pinggu/web/webtest"

	"github.com/pinggu/pinggu"
)

// TestUIPlan: the Guangdong bureau drafts its plan of the year through the
// pages, with a campaign task read from the record, a training task
// reported by hand and a task past its deadline; publishes it; amends it
// only with a reason. The ministry sees it read-only and in the overview;
// Shanghai's bureau does not see it, and an enterprise has no plans.
func TestUIPlan(t *testing.T) {
	t.Parallel()
	a := NewApp(t)
	gd := a.Login(UserBureauGD)
	yesterday := time.Now().In(pinggu.ChinaTime).AddDate(0, 0, -1)
	year := strconv.Itoa(yesterday.Year())
	p := gd.Get("/plans?year=" + year)
	MustPage(t, p, http.StatusOK, "plans")
	MustContain(t, p, "plans", "编制工作计划")
	p = gd.Post("/plans", url.Values{"province": {"440000"}, "year": {year}, "goals": {"全面完成定期核查\n组织融合通信专项检查"}})
	MustPage(t, p, http.StatusSeeOther, "create plan")
	planPath := p.Location
	id := strings.TrimPrefix(planPath, "/plans/")
	owner := ID(a.Users[UserBureauGD].ID)
	for _, f := range []url.Values{
		{"title": {"专项检查任务"}, "kind": {"campaign"}, "owner_id": {owner}, "target": {"0"}, "measure": {"家企业"}, "deadline": {year + "-12-31"}, "campaign_id": {ID(a.EnfA.Campaign.ID)}},
		{"title": {"宣贯培训任务"}, "kind": {"training"}, "owner_id": {owner}, "target": {"4"}, "measure": {"场"}, "deadline": {year + "-12-31"}},
		{"title": {"逾期巡查任务"}, "kind": {"patrol"}, "owner_id": {owner}, "target": {"6"}, "measure": {"次"}, "deadline": {yesterday.Format("2006-01-02")}},
	} {
		MustPage(t, gd.Post(planPath+"/tasks", f), http.StatusSeeOther, "add task "+f.Get("title"))
	}
	// A task without an owner is refused on the form.
	p = gd.Post(planPath+"/tasks", url.Values{"title": {"无人负责"}, "kind": {"other"}, "target": {"1"}, "deadline": {year + "-12-31"}})
	MustPage(t, p, http.StatusUnprocessableEntity, "task without owner")
	MustContain(t, p, "task without owner", "请指定任务责任人")
	MustPage(t, gd.Post(planPath+"/publish", nil), http.StatusSeeOther, "publish")
	p = gd.Get(planPath)
	MustContain(t, p, "published plan", "已发布", "广东省"+year+"年度安全评估工作计划", "进度取自业务记录", "<progress", "已逾期", "全面完成定期核查")

	// Progress by hand; a change of the published plan needs a reason.
	var training string
	for _, line := range strings.Split(p.Body, "data-task=\"")[1:] {
		if strings.Contains(line[:strings.Index(line, "</tr>")], "宣贯培训任务") {
			training = line[:strings.Index(line, "\"")]
		}
	}
	MustPage(t, gd.Post("/plan-tasks/"+training+"/progress", url.Values{"done": {"1"}, "note": {"已举办一场"}}), http.StatusSeeOther, "report")
	f := url.Values{"title": {"宣贯培训任务"}, "kind": {"training"}, "owner_id": {owner}, "target": {"2"}, "measure": {"场"}, "deadline": {year + "-12-31"}}
	p = gd.Post("/plan-tasks/"+training, f)
	MustPage(t, p, http.StatusUnprocessableEntity, "amend without reason")
	MustContain(t, p, "amend without reason", "调整理由须为2至500个字符")
	f.Set("reason", "培训改由部统一组织一部分")
	MustPage(t, gd.Post("/plan-tasks/"+training, f), http.StatusSeeOther, "amend")
	p = gd.Get(planPath)
	MustContain(t, p, "amended plan", "调整记录", "培训改由部统一组织一部分", "目标4场→2场", "1/2场", "已举办一场", "v2")

	xlsx := gd.Get(planPath + "/plan.xlsx")
	MustPage(t, xlsx, http.StatusOK, "xlsx")
	if text := XLSXText(t, []byte(xlsx.Body)); !strings.Contains(text, "宣贯培训任务") || !strings.Contains(text, "培训改由部统一组织一部分") {
		t.Errorf("workbook lacks the task or the amendment")
	}

	// The ministry reads it and the overview, with no form to change it.
	min := a.Login(UserMinistry)
	p = min.Get("/plans?year=" + year)
	MustContain(t, p, "ministry's overview", "各省工作计划执行情况汇总", `href="/plans/`+id+`"`)
	p = min.Get(planPath)
	MustPage(t, p, http.StatusOK, "ministry reads")
	MustNotContain(t, p, "ministry reads", `action="`+planPath+`/tasks"`, "/progress\"")
	MustPage(t, min.Post(planPath+"/publish", nil), http.StatusForbidden, "ministry publishes a province's plan")
	MustPage(t, a.Login(UserBureauSH).Get(planPath), http.StatusNotFound, "Shanghai opens Guangdong's plan")
	MustPage(t, a.Login(UserEntAdminA).Get("/plans"), http.StatusForbidden, "enterprise opens plans")

	// English labels.
	p = gd.WithLang("en").Get(planPath)
	MustContain(t, p, "English", "Guangdong", "Overdue", "Progress from the record", "Amendments")
}
