package web_test

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	. "github.com/pinggu/pinggu/web/webtest"

	cdpage "github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"

	"github.com/pinggu/pinggu"
	"github.com/pinggu/pinggu/web/i18n"
)

// chromiumPath finds the browser, or decides what a machine without one
// should do: fail where a browser is promised (CI, PINGGU_REQUIRE_BROWSER),
// skip elsewhere so `go test ./...` passes with only Go installed.
func chromiumPath(t *testing.T) string {
	t.Helper()
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	const hint = "Chromium is not installed; install it with: apt-get update && apt-get install -y chromium"
	if os.Getenv("CI") != "" || os.Getenv("PINGGU_REQUIRE_BROWSER") != "" {
		t.Fatal(hint + " (required because CI or PINGGU_REQUIRE_BROWSER is set)")
	}
	t.Skip(hint)
	return ""
}

// newBrowser starts a headless Chromium with a fresh profile and returns a
// context for driving one tab, within 90 seconds.
func newBrowser(t *testing.T) context.Context {
	t.Helper()
	ctx, cancelTime := context.WithTimeout(startBrowser(t), browserDeadline)
	t.Cleanup(cancelTime)
	return ctx
}

// browserDeadline bounds what one person does in one tab.
const browserDeadline = 90 * time.Second

// browserTabs starts one headless Chromium and returns a function that
// opens a fresh tab in a browser context of its own (its own cookies, so
// its own login) with its own deadline: a test of several people starts
// one browser, and no person's steps count against another's deadline.
func browserTabs(t *testing.T) func() context.Context {
	t.Helper()
	browser := startBrowser(t)
	return func() context.Context {
		t.Helper()
		ctx, cancelTab := chromedp.NewContext(browser, chromedp.WithNewBrowserContext())
		ctx, cancelTime := context.WithTimeout(ctx, browserDeadline)
		t.Cleanup(func() { cancelTime(); cancelTab() })
		if err := chromedp.Do(ctx); err != nil {
			t.Fatalf("open a tab: %v", err)
		}
		return ctx
	}
}

// startBrowser starts a headless Chromium with a fresh profile and returns
// the context of its first tab, without a deadline.
func startBrowser(t *testing.T) context.Context {
	t.Helper()
	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(chromiumPath(t)),
		chromedp.Headless,
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.Flag("disable-quic", true),
		chromedp.NoFirstRun,
		chromedp.NoDefaultBrowserCheck,
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.UserDataDir(t.TempDir()),
		chromedp.WindowSize(1366, 900),
	}
	actx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancelTab := chromedp.NewContext(actx)
	t.Cleanup(func() { cancelTab(); cancelAlloc() })
	// The first action starts the browser, and a deadline on its context
	// would end the browser with it: the tabs carry the deadlines.
	if err := chromedp.Do(ctx); err != nil {
		t.Fatalf("start chromium: %v", err)
	}
	return ctx
}

// browserLogin logs in through the login form, as a person would.
func browserLogin(t *testing.T, ctx context.Context, base, username string) {
	t.Helper()
	err := chromedp.Do(ctx,
		chromedp.Navigate(base+"/login"),
		chromedp.WaitVisible(chromedp.CSS(`#username`)),
		chromedp.SendKeys(chromedp.CSS(`#username`), username),
		chromedp.SendKeys(chromedp.CSS(`#password`), TestPassword),
		chromedp.Click(chromedp.CSS(`form[action="/login"] button[type=submit]`)),
		chromedp.WaitVisible(chromedp.CSS(`nav.side`)),
	)
	if err != nil {
		t.Fatalf("log in as %s: %v", username, err)
	}
}

// bodyText is what the page shows.
func bodyText(t *testing.T, ctx context.Context) string {
	t.Helper()
	s, err := chromedp.Run(ctx, chromedp.Text(chromedp.CSS(`body`)))
	if err != nil {
		t.Fatalf("read page: %v", err)
	}
	return s
}

// pageHTML is the whole document as the browser holds it now.
func pageHTML(t *testing.T, ctx context.Context) string {
	t.Helper()
	s, err := chromedp.Run(ctx, chromedp.OuterHTML(chromedp.CSS(`html`)))
	if err != nil {
		t.Fatalf("read page: %v", err)
	}
	return s
}

// location is the address the tab shows.
func location(t *testing.T, ctx context.Context) string {
	t.Helper()
	s, err := chromedp.Run(ctx, chromedp.Location())
	if err != nil {
		t.Fatalf("read location: %v", err)
	}
	return s
}

func TestBrowserTenancy(t *testing.T) {
	ctx := newBrowser(t)
	a := NewApp(t)
	base := a.HTTP.URL
	orgName := "丁云服务有限公司"
	svcName := "丁云智能客服"
	code := USCC(t, "91440300MA5DDDDD5")

	// A Guangdong bureau officer registers an enterprise and its service.
	browserLogin(t, ctx, base, UserBureauGD)
	err := chromedp.Do(ctx,
		chromedp.Navigate(base+"/organisations/new"),
		chromedp.WaitVisible(chromedp.CSS(`#name`)),
		chromedp.SetValue(chromedp.CSS(`#kind`), "internet_company"),
		chromedp.SendKeys(chromedp.CSS(`#name`), orgName),
		chromedp.SendKeys(chromedp.CSS(`#uscc`), code),
		chromedp.SetValue(chromedp.CSS(`#province`), "440000"),
		chromedp.SendKeys(chromedp.CSS(`input[name=contact_name]`), "王经理"),
		chromedp.Submit(chromedp.CSS(`#name`)),
		chromedp.WaitVisible(chromedp.CSS(`.flash`)),
	)
	if err != nil {
		t.Fatalf("create organisation: %v", err)
	}
	orgURL := location(t, ctx)
	if got := bodyText(t, ctx); !strings.Contains(got, orgName) || !strings.Contains(got, "王经理") {
		t.Fatalf("organisation page after creation lacks its name or contact:\n%s", got)
	}
	err = chromedp.Do(ctx,
		chromedp.Click(chromedp.CSS(`a[href^="/services/new?org_id="]`)),
		chromedp.WaitVisible(chromedp.CSS(`#name`)),
		chromedp.SendKeys(chromedp.CSS(`#name`), svcName),
		chromedp.SetValue(chromedp.CSS(`#category`), "im"),
		chromedp.Submit(chromedp.CSS(`#name`)),
		chromedp.WaitVisible(chromedp.CSS(`.flash`)),
	)
	if err != nil {
		t.Fatalf("create service: %v", err)
	}
	svcURL := location(t, ctx)
	if got := bodyText(t, ctx); !strings.Contains(got, svcName) || !strings.Contains(got, orgName) {
		t.Fatalf("service page after creation lacks its name or owner:\n%s", got)
	}

	// Both are found by text search.
	search := func(path, field, q string) string {
		t.Helper()
		err := chromedp.Do(ctx,
			chromedp.Navigate(base+path),
			chromedp.WaitVisible(chromedp.CSS(`form.filters input[name=q]`)),
			chromedp.SendKeys(chromedp.CSS(`form.filters input[name=q]`), q),
			chromedp.Submit(chromedp.CSS(`form.filters input[name=q]`)),
			// The answer echoes the query in the value attribute; the page
			// typed into holds it only as a property, so this waits for the
			// new page.
			chromedp.WaitVisible(chromedp.CSS(`form.filters input[name=q][value="`+q+`"]`)),
		)
		if err != nil {
			t.Fatalf("search %s for %s: %v", path, q, err)
		}
		return pageHTML(t, ctx)
	}
	if got := search("/organisations", "q", "丁云"); !strings.Contains(got, orgName) {
		t.Fatalf("organisation search by the bureau does not find %s", orgName)
	}
	if got := search("/services", "q", "智能客服"); !strings.Contains(got, svcName) {
		t.Fatalf("service search by the bureau does not find %s", svcName)
	}
	if dir := os.Getenv("PINGGU_SCREENSHOT_DIR"); dir != "" {
		if err := chromedp.Do(ctx, chromedp.Navigate(base+"/services"), chromedp.WaitVisible(chromedp.CSS(`table.grid`))); err != nil {
			t.Fatalf("open the service list: %v", err)
		}
		png, err := chromedp.Run(ctx, chromedp.FullScreenshot(100))
		if err != nil {
			t.Fatalf("screenshot: %v", err)
		}
		if err := os.MkdirAll(dir, 0o755); err != nil {
			t.Fatal(err)
		}
		path := filepath.Join(dir, "services-list.png")
		if err := os.WriteFile(path, png, 0o644); err != nil {
			t.Fatal(err)
		}
		t.Logf("screenshot of the service list: %s", path)
	}
	if err := chromedp.Do(ctx, chromedp.Click(chromedp.CSS(`form[action="/logout"] button`)), chromedp.WaitVisible(chromedp.CSS(`#username`))); err != nil {
		t.Fatalf("log out: %v", err)
	}

	// An administrator of a Shanghai enterprise sees neither, anywhere.
	browserLogin(t, ctx, base, UserEntAdminB)
	for _, c := range []struct{ path, q string }{
		{"/organisations", "丁云"}, {"/services", "智能客服"}, {"/services", "丁云"},
	} {
		if got := search(c.path, "q", c.q); strings.Contains(got, orgName) || strings.Contains(got, svcName) {
			t.Fatalf("%s?q=%s shows another enterprise's records to %s", c.path, c.q, UserEntAdminB)
		}
	}
	for _, u := range []string{orgURL, svcURL} {
		if err := chromedp.Do(ctx, chromedp.Navigate(u), chromedp.WaitVisible(chromedp.CSS(`main`))); err != nil {
			t.Fatalf("open %s: %v", u, err)
		}
		html := pageHTML(t, ctx)
		if !strings.Contains(html, "页面不存在") {
			t.Fatalf("%s does not show the 404 page to %s", u, UserEntAdminB)
		}
		if strings.Contains(html, orgName) || strings.Contains(html, svcName) {
			t.Fatalf("%s leaks another enterprise's names to %s", u, UserEntAdminB)
		}
	}
}

// TestBrowserFormHelpers checks the small scripts under the CSP: adding a
// contact row, keeping input when the server finds an error, and the
// confirmation before a delete.
func TestBrowserFormHelpers(t *testing.T) {
	ctx := newBrowser(t)
	a := NewApp(t)
	base := a.HTTP.URL
	browserLogin(t, ctx, base, UserBureauGD)

	err := chromedp.Do(ctx,
		chromedp.Navigate(base+"/organisations/new"),
		chromedp.WaitVisible(chromedp.CSS(`#name`)),
		chromedp.Click(chromedp.CSS(`[data-add-row="contact-rows"]`)),
		chromedp.WaitVisible(chromedp.CSS(`#contact-rows tr:nth-child(2) input[name=contact_name]`)),
		chromedp.SetValue(chromedp.CSS(`#kind`), "internet_company"),
		chromedp.SendKeys(chromedp.CSS(`#name`), "癸信息技术有限公司"),
		chromedp.SendKeys(chromedp.CSS(`#uscc`), "91440300MA5J000010"),
		chromedp.SendKeys(chromedp.CSS(`#contact-rows tr:nth-child(1) input[name=contact_name]`), "孙主任"),
		chromedp.SendKeys(chromedp.CSS(`#contact-rows tr:nth-child(2) input[name=contact_name]`), "李工"),
		chromedp.Submit(chromedp.CSS(`#name`)),
		chromedp.WaitVisible(chromedp.CSS(`.form-error`)),
	)
	if err != nil {
		t.Fatalf("submit an organisation with a bad credit code: %v", err)
	}
	html := pageHTML(t, ctx)
	if got := FieldErrorOf(t, html, "uscc"); got == "" {
		t.Fatal("the browser shows no error next to the credit code")
	}
	if !strings.Contains(html, `value="孙主任"`) || !strings.Contains(html, `value="李工"`) {
		t.Fatal("the contacts typed are not kept after the error")
	}
	err = chromedp.Do(ctx,
		chromedp.SetValue(chromedp.CSS(`#uscc`), USCC(t, "91440300MA5J00001")),
		chromedp.Submit(chromedp.CSS(`#name`)),
		chromedp.WaitVisible(chromedp.CSS(`.flash`)),
	)
	if err != nil {
		t.Fatalf("submit the corrected organisation: %v", err)
	}
	if got := bodyText(t, ctx); !strings.Contains(got, "孙主任") || !strings.Contains(got, "李工") {
		t.Fatalf("the new organisation lacks its two contacts:\n%s", got)
	}

	// Deleting a licence asks first; accepting deletes it.
	dialogs := chromedp.Events(ctx, cdpage.JavascriptDialogOpening)
	asked := make(chan string, 1)
	go func() {
		for ev, err := range dialogs {
			if err != nil {
				return
			}
			asked <- ev.Message
			_, _ = chromedp.Call(ctx, cdpage.HandleJavaScriptDialog, cdpage.HandleJavaScriptDialogParams{Accept: true})
			return
		}
	}()
	err = chromedp.Do(ctx,
		chromedp.Navigate(base+"/organisations/"+ID(a.OrgA.ID)),
		chromedp.WaitVisible(chromedp.CSS(`form[action="/licences/`+ID(a.LicA.ID)+`/delete"] button`)),
		chromedp.Click(chromedp.CSS(`form[action="/licences/`+ID(a.LicA.ID)+`/delete"] button`)),
		chromedp.WaitVisible(chromedp.CSS(`.flash`)),
	)
	if err != nil {
		t.Fatalf("delete a licence: %v", err)
	}
	select {
	case msg := <-asked:
		if msg != i18n.Catalog(i18n.ZH)["licence.confirm_delete"] {
			t.Fatalf("confirmation asked %q", msg)
		}
	default:
		t.Fatal("the licence was deleted without a confirmation")
	}
	if got := bodyText(t, ctx); strings.Contains(got, a.LicA.Number) {
		t.Fatalf("the deleted licence is still listed:\n%s", got)
	}
}

// acceptDialogs accepts every confirmation the page asks for, as a user who
// means what they click.
func acceptDialogs(ctx context.Context) {
	dialogs := chromedp.Events(ctx, cdpage.JavascriptDialogOpening)
	go func() {
		for _, err := range dialogs {
			if err != nil {
				return
			}
			go chromedp.Call(ctx, cdpage.HandleJavaScriptDialog, cdpage.HandleJavaScriptDialogParams{Accept: true})
		}
	}()
}

// screenshot saves what the window shows as name.png under
// PINGGU_SCREENSHOT_DIR, if set.
func screenshot(t *testing.T, ctx context.Context, name string) {
	t.Helper()
	dir := os.Getenv("PINGGU_SCREENSHOT_DIR")
	if dir == "" {
		return
	}
	png, err := chromedp.Run(ctx, chromedp.CaptureScreenshot())
	if err != nil {
		t.Fatalf("screenshot: %v", err)
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(dir, name+".png")
	if err := os.WriteFile(path, png, 0o644); err != nil {
		t.Fatal(err)
	}
	t.Logf("screenshot: %s", path)
}

// TestBrowserAssessmentFlow is the flow: the enterprise assesses a
// new converged-communication service with evidence and submits; the
// bureau returns it with a comment; the enterprise fixes and resubmits; the
// bureau accepts; the service launches; another enterprise and another
// province reach none of it.
func TestBrowserAssessmentFlow(t *testing.T) {
	ctx := newBrowser(t)
	acceptDialogs(ctx)
	a := NewApp(t)
	base := a.HTTP.URL
	svc := &pinggu.Service{OrgID: a.OrgA.ID, Name: "甲融合通信", Category: pinggu.CatConverged, Provinces: []string{"440000"}}
	if err := a.DB.CreateService(SysCtx(), svc); err != nil {
		t.Fatal(err)
	}
	evidence := filepath.Join(t.TempDir(), "主叫号码核验记录.pdf")
	if err := os.WriteFile(evidence, []byte(TestPDF), 0o644); err != nil {
		t.Fatal(err)
	}
	logout := func() {
		t.Helper()
		if err := chromedp.Do(ctx, chromedp.Click(chromedp.CSS(`form[action="/logout"] button`)), chromedp.WaitVisible(chromedp.CSS(`#username`))); err != nil {
			t.Fatalf("log out: %v", err)
		}
	}
	must := func(what string, actions ...chromedp.Action[chromedp.Void]) {
		t.Helper()
		if err := chromedp.Do(ctx, actions...); err != nil {
			t.Fatalf("%s: %v\npage: %.1500s", what, err, bodyText(t, ctx))
		}
	}
	// clearFlash removes the message of the page before, so waiting for a
	// .flash waits for the next page's.
	clearFlash := chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
		_, err := chromedp.Evaluate[any](`document.querySelectorAll('.flash').forEach(function (e) { e.remove(); })`)(ctx, tg)
		return err
	})
	contains := func(what string, want ...string) {
		t.Helper()
		got := bodyText(t, ctx)
		for _, w := range want {
			if !strings.Contains(got, w) {
				t.Fatalf("%s: the page lacks %q:\n%.3000s", what, w, got)
			}
		}
	}

	// The enterprise starts a pre-launch assessment from the service page.
	browserLogin(t, ctx, base, UserEntAdminA)
	must("new assessment",
		chromedp.Navigate(base+"/services/"+ID(svc.ID)),
		chromedp.Click(chromedp.CSS(`a[href="/services/`+ID(svc.ID)+`/assessments/new"]`)),
		chromedp.WaitVisible(chromedp.CSS(`input[name=standard][value=converged_comm]:checked`)),
		chromedp.Submit(chromedp.CSS(`#title`)),
		chromedp.WaitVisible(chromedp.CSS(`#asm-progress`)),
	)
	asmURL := location(t, ctx)
	contains("answering screen", "已作答 0 /", "主叫号码")
	list, _, err := a.DB.ListAssessments(SysCtx(), pinggu.AssessmentFilter{ServiceID: svc.ID})
	if err != nil || len(list) != 1 {
		t.Fatalf("assessments of the service: %v, %v", list, err)
	}
	asm, err := a.DB.FindAssessment(SysCtx(), list[0].ID)
	if err != nil {
		t.Fatal(err)
	}

	// Every item compliant but the first, which is not met yet; autosave
	// reports each change, the notes typed are kept.
	must("answer",
		chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
			_, err := chromedp.Evaluate[any](`document.querySelectorAll('input[type=radio][value=compliant]').forEach(function (r, i) { if (i > 0) r.click(); })`)(ctx, tg)
			return err
		}),
		chromedp.Click(chromedp.CSS(`#item-1 input[value=non_compliant]`)),
		chromedp.SendKeys(chromedp.CSS(`#notes-1`), "部分出局路由尚未核验主叫号码"),
		chromedp.WaitVisible(chromedp.CSS(`.autosave-status:not(:empty)`)),
	)
	contains("autosave", "已自动保存")
	must("save",
		clearFlash,
		chromedp.Click(chromedp.CSS(`#answers button[type=submit]`)),
		chromedp.WaitVisible(chromedp.CSS(`.flash`)),
	)
	contains("saved", "已保存", "已作答 "+ID(int64(len(asm.Items)))+" / "+ID(int64(len(asm.Items))))
	// Evidence for the first item, through the form with its progress bar.
	must("upload evidence",
		chromedp.SetUploadFiles(chromedp.CSS(`#item-1 input[type=file]`), []string{evidence}),
		clearFlash,
		chromedp.Click(chromedp.CSS(`#item-1 form.asm-upload button`)),
		chromedp.WaitVisible(chromedp.CSS(`.flash`)),
	)
	contains("evidence", "佐证材料已上传", "主叫号码核验记录.pdf")
	screenshot(t, ctx, "assessment-answering")
	must("submit",
		chromedp.Navigate(asmURL+"/submit"),
		chromedp.WaitVisible(chromedp.CSS(`.findings-list`)),
	)
	contains("submission summary", "问题清单", asm.Items[0].Requirement)
	screenshot(t, ctx, "assessment-submit")
	must("confirm submit",
		clearFlash,
		chromedp.Click(chromedp.CSS(`form[action$="/submit"] button.primary`)),
		chromedp.WaitVisible(chromedp.CSS(`.flash`)),
	)
	contains("submitted", "评估已提交", "已提交")
	logout()

	// The bureau returns it with a comment on the first item.
	browserLogin(t, ctx, base, UserBureauGD)
	comment := "请补充全部出局路由的主叫号码核验记录"
	must("review queue",
		chromedp.Navigate(base+"/reviews"),
		chromedp.Click(chromedp.CSS(`#submitted a[href="/assessments/`+ID(asm.ID)+`/review"]`)),
		chromedp.WaitVisible(chromedp.CSS(`form[action$="/start-review"] button`)),
		chromedp.Click(chromedp.CSS(`form[action$="/start-review"] button`)),
		chromedp.WaitVisible(chromedp.CSS(`#comment-1`)),
		chromedp.SendKeys(chromedp.CSS(`#comment-1`), comment),
		chromedp.SendKeys(chromedp.CSS(`#summary`), "请整改后重新提交"),
	)
	contains("review screen", "主叫号码核验记录.pdf", "SHA-256")
	screenshot(t, ctx, "assessment-review")
	must("return",
		clearFlash,
		chromedp.Click(chromedp.CSS(`button[name=decision][value=returned]`)),
		chromedp.WaitVisible(chromedp.CSS(`.flash`)),
	)
	contains("returned", "评估已退回企业修改")
	logout()

	// The enterprise sees the comment, fixes the item and resubmits.
	browserLogin(t, ctx, base, UserEntAssessA)
	must("to-do", chromedp.Navigate(base+"/assessments"), chromedp.WaitVisible(chromedp.CSS(`.todo`)))
	contains("to-do", "被退回待修改的评估", asm.Title)
	must("fix",
		chromedp.Navigate(asmURL),
		chromedp.WaitVisible(chromedp.CSS(`.reviewer-comment`)),
		chromedp.Click(chromedp.CSS(`#item-1 input[value=compliant]`)),
		clearFlash,
		chromedp.Click(chromedp.CSS(`#answers button[type=submit]`)),
		chromedp.WaitVisible(chromedp.CSS(`.flash`)),
		chromedp.Navigate(asmURL+"/submit"),
		chromedp.WaitVisible(chromedp.CSS(`form[action$="/submit"] button.primary`)),
		clearFlash,
		chromedp.Click(chromedp.CSS(`form[action$="/submit"] button.primary`)),
		chromedp.WaitVisible(chromedp.CSS(`.flash`)),
	)
	contains("resubmitted", "评估已提交")
	logout()

	// The bureau sees what changed and accepts.
	browserLogin(t, ctx, base, UserBureauGD)
	must("second review",
		chromedp.Navigate(asmURL+"/review"),
		chromedp.Click(chromedp.CSS(`form[action$="/start-review"] button`)),
		// The decision form appears once the review has started; the
		// comparison shows before that too.
		chromedp.WaitVisible(chromedp.CSS(`#summary`)),
	)
	contains("comparison", "第2版与第1版相比，有1项作答发生变化")
	screenshot(t, ctx, "assessment-comparison")
	must("accept",
		chromedp.SendKeys(chromedp.CSS(`#summary`), "同意上线"),
		clearFlash,
		chromedp.Click(chromedp.CSS(`button[name=decision][value=accepted]`)),
		chromedp.WaitVisible(chromedp.CSS(`.flash`)),
	)
	contains("accepted", "评估已通过")
	logout()

	// The service launches.
	browserLogin(t, ctx, base, UserEntAdminA)
	must("launch",
		chromedp.Navigate(base+"/services/"+ID(svc.ID)),
		chromedp.WaitVisible(chromedp.CSS(`button[name=to][value=launched]`)),
		chromedp.SendKeys(chromedp.CSS(`#reason`), "上线前安全评估已通过"),
		clearFlash,
		chromedp.Click(chromedp.CSS(`button[name=to][value=launched]`)),
		chromedp.WaitVisible(chromedp.CSS(`.flash`)),
	)
	contains("launched", "已上线")
	if got, _ := a.DB.FindService(SysCtx(), svc.ID); got.Status != pinggu.StatusLaunched {
		t.Fatalf("service status = %s, want launched", got.Status)
	}
	logout()

	// Another enterprise and another province reach none of it.
	for _, u := range []string{UserEntAdminB, UserBureauSH} {
		browserLogin(t, ctx, base, u)
		for _, p := range []string{asmURL, asmURL + "/review", asmURL + "/submit", base + "/services/" + ID(svc.ID)} {
			must("open "+p, chromedp.Navigate(p), chromedp.WaitVisible(chromedp.CSS(`main`)))
			html := pageHTML(t, ctx)
			if !strings.Contains(html, "页面不存在") || strings.Contains(html, asm.Title) || strings.Contains(html, svc.Name) {
				t.Fatalf("%s as %s is not the bare 404 page", p, u)
			}
		}
		must("queue", chromedp.Navigate(base+"/assessments"), chromedp.WaitVisible(chromedp.CSS(`main`)))
		if strings.Contains(pageHTML(t, ctx), asm.Title) {
			t.Fatalf("the assessment list shows %s to %s", asm.Title, u)
		}
		logout()
	}
}
