package web_test

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	. "github.com/pinggu/pinggu/web/webtest"

	"github.com/chromedp/chromedp"

	"github.com/pinggu/pinggu"
)

// TestBrowserCaseReferral: the Guangdong bureau opens a case, attaches a
// screenshot and refers the case with its summary and that file to the
// provincial police; the police officer logs in, sees only the cases shared
// with it and the file, accepts and answers; the bureau reads the answer.
func TestBrowserCaseReferral(t *testing.T) {
	a := NewApp(t)
	base := a.HTTP.URL
	bureau := newBrowser(t)
	browserLogin(t, bureau, base, UserBureauGD)
	shot := filepath.Join(t.TempDir(), "诈骗页面截图.png")
	if err := os.WriteFile(shot, []byte(TestPDF), 0o600); err != nil {
		t.Fatal(err)
	}
	pdf := filepath.Join(t.TempDir(), "调证函.pdf")
	if err := os.WriteFile(pdf, []byte(TestPDF), 0o600); err != nil {
		t.Fatal(err)
	}
	err := chromedp.Do(bureau,
		chromedp.Navigate(base+"/cases/new"),
		chromedp.WaitVisible(chromedp.CSS(`#title`)),
		chromedp.SendKeys(chromedp.CSS(`#title`), "浏览器测试：冒充客服诈骗线索"),
		chromedp.SetValue(chromedp.CSS(`#category`), "fraud"),
		chromedp.SetValue(chromedp.CSS(`#province`), "440000"),
		chromedp.SendKeys(chromedp.CSS(`#summary`), "群众举报的冒充客服诈骗"),
		chromedp.Submit(chromedp.CSS(`#title`)),
		chromedp.WaitVisible(chromedp.CSS(`#case-files`)),
		chromedp.SetUploadFiles(chromedp.CSS(`#case-files input[type=file]`), []string{pdf}),
		chromedp.Submit(chromedp.CSS(`#case-files input[type=file]`)),
		chromedp.WaitVisible(chromedp.CSS(`#case-files a[href^="/case-evidence/"]`)),
		chromedp.Click(chromedp.CSS(`#share-form summary`)),
		chromedp.SetValue(chromedp.CSS(`#partner`), ID(a.OrgPartner.ID)),
		chromedp.Click(chromedp.CSS(`#share-form input[name=field][value=summary]`)),
		chromedp.Click(chromedp.CSS(`#share-form input[name=evidence_id]`)),
		chromedp.SendKeys(chromedp.CSS(`#message`), "请协助侦办"),
		chromedp.Submit(chromedp.CSS(`#message`)),
		chromedp.WaitVisible(chromedp.CSS(`#case-shares .share`)),
	)
	if err != nil {
		t.Fatalf("bureau refers the case: %v\n%s", err, bodyText(t, bureau))
	}
	caseURL := location(t, bureau)
	if !strings.Contains(bodyText(t, bureau), a.OrgPartner.Name) {
		t.Fatalf("the case page does not show the referral: %s", bodyText(t, bureau))
	}

	police := newBrowser(t)
	browserLogin(t, police, base, UserPartner)
	if err := chromedp.Do(police, chromedp.Navigate(base+"/cases"), chromedp.WaitVisible(chromedp.CSS(`#cases`))); err != nil {
		t.Fatal(err)
	}
	list := bodyText(t, police)
	for _, want := range []string{"浏览器测试：冒充客服诈骗线索", a.CaseA.Title} {
		if !strings.Contains(list, want) {
			t.Errorf("the police's case list lacks %q", want)
		}
	}
	if strings.Contains(list, a.CaseB.Title) {
		t.Errorf("the police still see the case whose share was revoked")
	}
	err = chromedp.Do(police,
		chromedp.Click(chromedp.Search(`//a[contains(., "浏览器测试：冒充客服诈骗线索")]`)),
		chromedp.WaitVisible(chromedp.CSS(`#case-reply`)),
	)
	if err != nil {
		t.Fatalf("open the case: %v", err)
	}
	page := bodyText(t, police)
	for _, want := range []string{"群众举报的冒充客服诈骗", "调证函.pdf"} {
		if !strings.Contains(page, want) {
			t.Errorf("the police's case page lacks %q: %s", want, page)
		}
	}
	for _, secret := range []string{a.SvcA.Name, a.OrgA.Name} {
		if strings.Contains(page, secret) {
			t.Errorf("the police's case page names %q, which was not shared", secret)
		}
	}
	err = chromedp.Do(police,
		chromedp.SetValue(chromedp.CSS(`#reply`), "accept"),
		chromedp.Submit(chromedp.CSS(`#reply`)),
		chromedp.WaitVisible(chromedp.CSS(`#case-reply`)),
		chromedp.SetValue(chromedp.CSS(`#reply`), "answer"),
		chromedp.SendKeys(chromedp.CSS(`#measures`), "冻结涉案账户3个"),
		chromedp.SendKeys(chromedp.CSS(`#result`), "抓获犯罪嫌疑人2名"),
		chromedp.Submit(chromedp.CSS(`#reply`)),
		chromedp.WaitVisible(chromedp.CSS(`.answer-result`)),
	)
	if err != nil {
		t.Fatalf("the police answer: %v\n%s", err, bodyText(t, police))
	}

	if err := chromedp.Do(bureau, chromedp.Navigate(caseURL), chromedp.WaitVisible(chromedp.CSS(`.answer-result`))); err != nil {
		t.Fatalf("the bureau reopens the case: %v", err)
	}
	page = bodyText(t, bureau)
	for _, want := range []string{"抓获犯罪嫌疑人2名", "冻结涉案账户3个", pinggu.ShareStateLabels[pinggu.ShareAnswered].Zh} {
		if !strings.Contains(page, want) {
			t.Errorf("the bureau does not read %q in the answer: %s", want, page)
		}
	}
}

// TestBrowserIncidentAcknowledged: the Guangdong bureau declares an
// incident on tenant A's service; the enterprise, notified in its inbox,
// acknowledges within its deadline, and the bureau sees it on time.
func TestBrowserIncidentAcknowledged(t *testing.T) {
	a := NewApp(t)
	base := a.HTTP.URL
	bureau := newBrowser(t)
	browserLogin(t, bureau, base, UserBureauGD)
	err := chromedp.Do(bureau,
		chromedp.Navigate(base+"/incidents/new"),
		chromedp.WaitVisible(chromedp.CSS(`#title`)),
		chromedp.SendKeys(chromedp.CSS(`#title`), "浏览器测试：涉诈链接集中推送"),
		chromedp.SetValue(chromedp.CSS(`#level`), "3"),
		chromedp.SetValue(chromedp.CSS(`#category`), "fraud"),
		chromedp.Click(chromedp.CSS(`input[name=service_id][value="`+ID(a.SvcA.ID)+`"]`)),
		chromedp.Submit(chromedp.CSS(`#title`)),
		chromedp.WaitVisible(chromedp.CSS(`#incident-parties`)),
	)
	if err != nil {
		t.Fatalf("declare: %v\n%s", err, bodyText(t, bureau))
	}
	incURL := location(t, bureau)

	acknowledgeIncident(t, a, bureau, incURL, "浏览器测试：涉诈链接集中推送")
}

// acknowledgeIncident has tenant A's enterprise open the incident titled
// title from its inbox and acknowledge it, then checks that the declaring
// officer's page at incURL shows the acknowledgement on time, and that
// every enterprise party acknowledged within its deadline.
func acknowledgeIncident(t *testing.T, a *App, officer context.Context, incURL, title string) {
	t.Helper()
	ent := newBrowser(t)
	browserLogin(t, ent, a.HTTP.URL, UserEntAdminA)
	err := chromedp.Do(ent,
		chromedp.Navigate(a.HTTP.URL+"/inbox"),
		chromedp.WaitVisible(chromedp.CSS(`#notices`)),
		chromedp.Click(chromedp.Search(`//a[contains(., "`+title+`")]`)),
		chromedp.WaitVisible(chromedp.CSS(`#incident-own`)),
		chromedp.SendKeys(chromedp.CSS(`#incident-own input[name=text]`), "已封禁涉诈链接"),
		chromedp.Submit(chromedp.CSS(`#incident-own input[name=text]`)),
		chromedp.WaitVisible(chromedp.CSS(`#incident-parties .ok`)),
	)
	if err != nil {
		t.Fatalf("the enterprise acknowledges: %v\n%s", err, bodyText(t, ent))
	}
	if err := chromedp.Do(officer, chromedp.Navigate(incURL), chromedp.WaitVisible(chromedp.CSS(`#incident-parties`))); err != nil {
		t.Fatal(err)
	}
	page := bodyText(t, officer)
	if !strings.Contains(page, "已封禁涉诈链接") || !strings.Contains(page, "按时") {
		t.Errorf("the officer does not see the acknowledgement on time: %s", page)
	}
	list, _, err := a.DB.ListIncidents(SysCtx(), pinggu.IncidentFilter{})
	if err != nil {
		t.Fatal(err)
	}
	for _, x := range list {
		if x.Title != title {
			continue
		}
		full, err := a.DB.FindIncident(SysCtx(), x.ID)
		if err != nil {
			t.Fatal(err)
		}
		for _, p := range full.Parties {
			if p.Recipient.Party == pinggu.PartyEnterprise && !p.AckOnTime() {
				t.Errorf("enterprise party %s acknowledged at %v, due %v", p.Name, p.AcknowledgedAt, p.AckDueAt)
			}
		}
	}
}
