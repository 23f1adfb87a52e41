package web

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	cdpage "github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
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
// context for driving one tab.
func newBrowser(t *testing.T) context.Context {
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
	ctx, cancelTime := context.WithTimeout(ctx, 90*time.Second)
	t.Cleanup(func() { cancelTime(); cancelTab(); cancelAlloc() })
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
		chromedp.SendKeys(chromedp.CSS(`#password`), testPassword),
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
	a := newApp(t)
	base := a.http.URL
	orgName := "丁云服务有限公司"
	svcName := "丁云智能客服"
	code := uscc(t, "91440300MA5DDDDD5")

	// A Guangdong bureau officer registers an enterprise and its service.
	browserLogin(t, ctx, base, uBureauGD)
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
	browserLogin(t, ctx, base, uEntAdminB)
	for _, c := range []struct{ path, q string }{
		{"/organisations", "丁云"}, {"/services", "智能客服"}, {"/services", "丁云"},
	} {
		if got := search(c.path, "q", c.q); strings.Contains(got, orgName) || strings.Contains(got, svcName) {
			t.Fatalf("%s?q=%s shows another enterprise's records to %s", c.path, c.q, uEntAdminB)
		}
	}
	for _, u := range []string{orgURL, svcURL} {
		if err := chromedp.Do(ctx, chromedp.Navigate(u), chromedp.WaitVisible(chromedp.CSS(`main`))); err != nil {
			t.Fatalf("open %s: %v", u, err)
		}
		html := pageHTML(t, ctx)
		if !strings.Contains(html, "页面不存在") {
			t.Fatalf("%s does not show the 404 page to %s", u, uEntAdminB)
		}
		if strings.Contains(html, orgName) || strings.Contains(html, svcName) {
			t.Fatalf("%s leaks another enterprise's names to %s", u, uEntAdminB)
		}
	}
}

// TestBrowserFormHelpers checks the small scripts under the CSP: adding a
// contact row, keeping input when the server finds an error, and the
// confirmation before a delete.
func TestBrowserFormHelpers(t *testing.T) {
	ctx := newBrowser(t)
	a := newApp(t)
	base := a.http.URL
	browserLogin(t, ctx, base, uBureauGD)

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
	if got := fieldError(t, html, "uscc"); got == "" {
		t.Fatal("the browser shows no error next to the credit code")
	}
	if !strings.Contains(html, `value="孙主任"`) || !strings.Contains(html, `value="李工"`) {
		t.Fatal("the contacts typed are not kept after the error")
	}
	err = chromedp.Do(ctx,
		chromedp.SetValue(chromedp.CSS(`#uscc`), uscc(t, "91440300MA5J00001")),
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
		chromedp.Navigate(base+"/organisations/"+id(a.orgA.ID)),
		chromedp.WaitVisible(chromedp.CSS(`form[action="/licences/`+id(a.licA.ID)+`/delete"] button`)),
		chromedp.Click(chromedp.CSS(`form[action="/licences/`+id(a.licA.ID)+`/delete"] button`)),
		chromedp.WaitVisible(chromedp.CSS(`.flash`)),
	)
	if err != nil {
		t.Fatalf("delete a licence: %v", err)
	}
	select {
	case msg := <-asked:
		if msg != catalogs[langZH]["licence.confirm_delete"] {
			t.Fatalf("confirmation asked %q", msg)
		}
	default:
		t.Fatal("the licence was deleted without a confirmation")
	}
	if got := bodyText(t, ctx); strings.Contains(got, a.licA.Number) {
		t.Fatalf("the deleted licence is still listed:\n%s", got)
	}
}
