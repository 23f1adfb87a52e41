package web_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	. "github.com/pinggu/pinggu/web/webtest"

	"github.com/chromedp/chromedp"

	"github.com/pinggu/pinggu"
)

// TestBrowserRectification follows an order through the UI: the Guangdong
// bureau drafts and issues it, the enterprise answers both problems (one
// with an evidence file), the bureau accepts one answer and rejects the
// other, the deadline passes (the store's clock moved on), the daily job
// proposes the ladder's steps, the bureau takes the reminder and records
// the interview, and the annual inspection of the enterprise's licence
// comes out as 不通过 with its reasons — while Shanghai's bureau sees none
// of it.
func TestBrowserRectification(t *testing.T) {
	ctx := newBrowser(t)
	a := NewApp(t)
	base := a.HTTP.URL
	start := time.Now()
	clock := start
	a.DB.Now = func() time.Time { return clock }
	run := func() {
		t.Helper()
		if _, err := a.DB.RunDeadlines(SysCtx()); err != nil {
			t.Fatalf("deadline job: %v", err)
		}
	}
	do := func(what string, actions ...chromedp.Action[chromedp.Void]) {
		t.Helper()
		if err := chromedp.Do(ctx, actions...); err != nil {
			t.Fatalf("%s: %v", what, err)
		}
	}
	logout := func() {
		t.Helper()
		do("log out", chromedp.Click(chromedp.CSS(`form[action="/logout"] button`)), chromedp.WaitVisible(chromedp.CSS(`#username`)))
	}
	const title = "甲即时通信实名制与日志留存问题整改"
	due := start.In(pinggu.ChinaTime).AddDate(0, 0, 3).Format("2006-01-02")

	// The bureau drafts the order with two problems and issues it.
	browserLogin(t, ctx, base, UserBureauGD)
	do("draft the order",
		chromedp.Navigate(base+"/orders/new?org_q="+a.OrgA.Name),
		chromedp.WaitVisible(chromedp.CSS(`#order-form`)),
		chromedp.SetValue(chromedp.CSS(`#order-form select[name=org_id]`), ID(a.OrgA.ID)),
		chromedp.SendKeys(chromedp.CSS(`#order-form input[name=title]`), title),
		chromedp.SendKeys(chromedp.CSS(`#order-form textarea[name=basis]`), "《中华人民共和国网络安全法》第五十九条"),
		chromedp.SendKeys(chromedp.CSS(`textarea[name=description_1]`), "未落实用户真实身份信息登记"),
		chromedp.SendKeys(chromedp.CSS(`textarea[name=requirement_1]`), "完成全部存量用户实名核验"),
		chromedp.SetValue(chromedp.CSS(`input[name=due_1]`), due),
		chromedp.SendKeys(chromedp.CSS(`textarea[name=description_2]`), "网络日志留存不足六个月"),
		chromedp.SendKeys(chromedp.CSS(`textarea[name=requirement_2]`), "网络日志留存不少于六个月"),
		chromedp.SetValue(chromedp.CSS(`input[name=due_2]`), due),
		chromedp.Click(chromedp.CSS(`#order-form button[type=submit]`)),
		chromedp.WaitVisible(chromedp.CSS(`#issue`)),
	)
	orderURL := location(t, ctx)
	// Each action starts from a page without a flash, so waiting for the
	// flash waits for the action's own answer.
	do("issue the order", chromedp.Navigate(orderURL), chromedp.WaitVisible(chromedp.CSS(`#issue`)),
		chromedp.Click(chromedp.CSS(`#issue`)), chromedp.WaitVisible(chromedp.CSS(`.flash`)))
	if got := bodyText(t, ctx); !strings.Contains(got, "粤通管安〔") || !strings.Contains(got, "整改中") {
		t.Fatalf("issued order lacks its document number or state:\n%s", got)
	}
	logout()

	// The enterprise answers both problems from its inbox, the first with evidence.
	evidence := filepath.Join(t.TempDir(), "实名核验报告.pdf")
	if err := os.WriteFile(evidence, []byte(TestPDF), 0o644); err != nil {
		t.Fatal(err)
	}
	browserLogin(t, ctx, base, UserEntAdminA)
	do("open the inbox", chromedp.Navigate(base+"/orders"), chromedp.WaitVisible(chromedp.CSS(`#orders`)))
	if !strings.Contains(bodyText(t, ctx), title) {
		t.Fatal("the order is not in the enterprise's inbox")
	}
	do("answer the first problem",
		chromedp.Navigate(orderURL),
		chromedp.WaitVisible(chromedp.CSS(`form.answer-form`)),
		chromedp.SendKeys(chromedp.CSS(`#problem-1 textarea[name=report]`), "已完成全部存量用户实名核验，无法核验的账号已停止服务"),
		chromedp.SetUploadFiles(chromedp.CSS(`#problem-1 input[type=file]`), []string{evidence}),
		chromedp.Click(chromedp.CSS(`#problem-1 form.answer-form button[type=submit]`)),
		chromedp.WaitVisible(chromedp.CSS(`.flash`)),
	)
	do("answer the second problem",
		chromedp.Navigate(orderURL),
		chromedp.WaitVisible(chromedp.CSS(`#problem-2 form.answer-form`)),
		chromedp.SendKeys(chromedp.CSS(`#problem-2 textarea[name=report]`), "已调整日志策略"),
		chromedp.Click(chromedp.CSS(`#problem-2 form.answer-form button[type=submit]`)),
		chromedp.WaitVisible(chromedp.CSS(`.flash`)),
	)
	if got := bodyText(t, ctx); !strings.Contains(got, "实名核验报告.pdf") || !strings.Contains(got, "待核验") {
		t.Fatalf("the answers or their evidence are not shown:\n%s", got)
	}
	logout()

	// The bureau accepts the first answer and rejects the second with a reason.
	browserLogin(t, ctx, base, UserBureauGD)
	do("accept the first answer",
		chromedp.Navigate(orderURL),
		chromedp.WaitVisible(chromedp.CSS(`#problem-1 form.verify-form`)),
		chromedp.Click(chromedp.CSS(`#problem-1 form.verify-form button[value=accepted]`)),
		chromedp.WaitVisible(chromedp.CSS(`.flash`)),
	)
	do("reject the second answer",
		chromedp.Navigate(orderURL),
		chromedp.WaitVisible(chromedp.CSS(`#problem-2 form.verify-form`)),
		chromedp.SendKeys(chromedp.CSS(`#problem-2 form.verify-form input[name=reason]`), "未提供日志留存配置截图"),
		chromedp.Click(chromedp.CSS(`#problem-2 form.verify-form button[value=rejected]`)),
		chromedp.WaitVisible(chromedp.CSS(`.flash`)),
	)
	if got := bodyText(t, ctx); !strings.Contains(got, "未提供日志留存配置截图") || !strings.Contains(got, "核验不通过") {
		t.Fatalf("the rejection is not shown:\n%s", got)
	}

	// The deadline passes; the daily job proposes a reminder, which the bureau takes.
	clock = start.AddDate(0, 0, 5)
	run()
	// Days have passed: the session has expired, so the officer logs in again.
	browserLogin(t, ctx, base, UserBureauGD)
	do("take the reminder",
		chromedp.Navigate(orderURL),
		chromedp.WaitVisible(chromedp.CSS(`form.step-form`)),
		chromedp.Click(chromedp.CSS(`form.step-form button[value="1"]`)),
		chromedp.WaitVisible(chromedp.CSS(`.flash`)),
	)
	if got := bodyText(t, ctx); !strings.Contains(got, "已逾期") || !strings.Contains(got, "已采取") {
		t.Fatalf("the overdue order or the reminder is not shown:\n%s", got)
	}
	// A week on, the job proposes the interview; the bureau records it.
	clock = clock.AddDate(0, 0, 8)
	run()
	browserLogin(t, ctx, base, UserBureauGD)
	interview := clock.In(pinggu.ChinaTime).Format("2006-01-02") + "T10:00"
	do("record the interview",
		chromedp.Navigate(orderURL),
		chromedp.WaitVisible(chromedp.CSS(`form.step-form input[name=attendees]`)),
		chromedp.SetValue(chromedp.CSS(`form.step-form input[name=interview_at]`), interview),
		chromedp.SendKeys(chromedp.CSS(`form.step-form input[name=place]`), "广东省通信管理局会议室"),
		chromedp.SendKeys(chromedp.CSS(`form.step-form input[name=attendees]`), "网络安全管理处；甲网络科技有限公司安全负责人"),
		chromedp.SendKeys(chromedp.CSS(`form.step-form textarea[name=minutes]`), "通报逾期未整改情况，要求立即完成日志留存整改"),
		chromedp.SendKeys(chromedp.CSS(`form.step-form textarea[name=commitments]`), "企业承诺五日内完成整改"),
		chromedp.Click(chromedp.CSS(`form.step-form button[value="1"]`)),
		chromedp.WaitVisible(chromedp.CSS(`.flash`)),
	)
	if got := bodyText(t, ctx); !strings.Contains(got, "企业承诺五日内完成整改") || !strings.Contains(got, "行政约谈") {
		t.Fatalf("the interview is not recorded on the order:\n%s", got)
	}

	// The annual inspection: the enterprise's licence fails, with its reasons.
	do("open the annual inspection",
		chromedp.Navigate(base+"/annual"),
		chromedp.WaitVisible(chromedp.CSS(`form[action="/annual/open"] button`)),
		chromedp.Click(chromedp.CSS(`form[action="/annual/open"] button`)),
		chromedp.WaitVisible(chromedp.CSS(`.flash`)),
		chromedp.Click(chromedp.CSS(`a[href^="/annual/dossiers/"]`)),
		chromedp.WaitVisible(chromedp.CSS(`#decide-form`)),
	)
	got := bodyText(t, ctx)
	if !strings.Contains(got, a.LicA.Number) || !strings.Contains(got, "系统建议：不通过") || !strings.Contains(got, "逾期未完成整改") {
		t.Fatalf("the dossier does not propose failing with its reasons:\n%s", got)
	}
	do("decide the verdict",
		chromedp.Click(chromedp.CSS(`#decide-form button[type=submit]`)),
		chromedp.WaitVisible(chromedp.CSS(`.flash`)),
	)
	if got := bodyText(t, ctx); !strings.Contains(got, "年检结论：不通过") || !strings.Contains(got, "逾期未完成整改") {
		t.Fatalf("the verdict 不通过 and its reasons are not shown:\n%s", got)
	}
	lic, err := a.DB.FindLicence(SysCtx(), a.LicA.ID)
	if err != nil || lic.AnnualVerdict != pinggu.VerdictFail {
		t.Fatalf("the licence was not written back: %+v %v", lic, err)
	}
	logout()

	// Shanghai's bureau sees none of it.
	browserLogin(t, ctx, base, UserBureauSH)
	for _, path := range []string{"/orders", "/escalations", "/bad-records", "/annual"} {
		do("open "+path, chromedp.Navigate(base+path), chromedp.WaitVisible(chromedp.CSS(`main`)))
		got := bodyText(t, ctx)
		for _, foreign := range []string{title, a.OrgA.Name, a.LicA.Number} {
			if strings.Contains(got, foreign) {
				t.Errorf("Shanghai's %s shows %q", path, foreign)
			}
		}
	}
	do("open the order", chromedp.Navigate(orderURL), chromedp.WaitVisible(chromedp.CSS(`main`)))
	if got := bodyText(t, ctx); strings.Contains(got, title) || !strings.Contains(got, "不存在") {
		t.Errorf("Shanghai opening the order's page sees:\n%s", got)
	}
}
