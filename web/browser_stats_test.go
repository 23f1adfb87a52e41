package web_test

import (
	"context"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/pinggu/pinggu"
	. "github.com/pinggu/pinggu/web/webtest"
)

var statsNumberRE = regexp.MustCompile(`[0-9][0-9,]*`)

// firstNumber is the first number in s, without thousands separators.
func firstNumber(s string) string {
	return strings.ReplaceAll(statsNumberRE.FindString(s), ",", "")
}

// textOf is the text of the first element sel matches.
func textOf(t *testing.T, ctx context.Context, sel string) string {
	t.Helper()
	s, err := chromedp.Run(ctx, chromedp.Text(chromedp.CSS(sel)))
	if err != nil {
		t.Fatalf("read %s: %v", sel, err)
	}
	return s
}

// count is how many elements sel matches now.
func count(t *testing.T, ctx context.Context, sel string) int {
	t.Helper()
	n, err := chromedp.Run(ctx, chromedp.Evaluate[int](`document.querySelectorAll(`+strconv.Quote(sel)+`).length`))
	if err != nil {
		t.Fatalf("count %s: %v", sel, err)
	}
	return n
}

// TestBrowserDashboardFigureToList: the ministry reads a figure on its
// dashboard, follows it and lands on the list it counts, filtered, with the
// same total; the charts are drawn by the server (an SVG in the page).
func TestBrowserDashboardFigureToList(t *testing.T) {
	a := NewApp(t)
	base := a.HTTP.URL
	ctx := newBrowser(t)
	browserLogin(t, ctx, base, UserMinistry)
	for _, key := range []string{"services", "enterprises"} {
		err := chromedp.Do(ctx,
			chromedp.Navigate(base+"/dashboard"),
			chromedp.WaitVisible(chromedp.CSS(`a[data-figure="`+key+`"]`)),
		)
		if err != nil {
			t.Fatalf("%s: dashboard: %v\n%s", key, err, bodyText(t, ctx))
		}
		figure := textOf(t, ctx, `a[data-figure="`+key+`"] .tile-n`)
		href, err := chromedp.Run(ctx, chromedp.Evaluate[string](`document.querySelector('a[data-figure="`+key+`"]').getAttribute("href")`))
		if err != nil {
			t.Fatal(err)
		}
		svgs := count(t, ctx, `svg`)
		err = chromedp.Do(ctx,
			chromedp.Click(chromedp.CSS(`a[data-figure="`+key+`"]`)),
			chromedp.WaitVisible(chromedp.CSS(`.pager .total`)),
		)
		if err != nil {
			t.Fatalf("%s: dashboard → list: %v\n%s", key, err, bodyText(t, ctx))
		}
		total := textOf(t, ctx, `.pager .total`)
		if svgs == 0 {
			t.Errorf("the dashboard draws no chart")
		}
		want, got := firstNumber(figure), firstNumber(total)
		if want == "" || want == "0" || want != got {
			t.Errorf("%s: the dashboard shows %q, the list it links to %q", key, figure, total)
		}
		if loc := location(t, ctx); loc != base+href {
			t.Errorf("%s: the figure led to %s, not its list %s", key, loc, href)
		}
	}
	if href := "/organisations?enterprise=1"; !strings.HasSuffix(location(t, ctx), href) {
		t.Errorf("the enterprises figure's list is not filtered to enterprises: %s", location(t, ctx))
	}
}

// TestBrowserBulletinPublish: the ministry drafts a bulletin for a period
// from the data, submits, approves (which numbers it) and publishes it;
// the published bulletin offers no editing, and the enterprise it concerns
// opens it with its PDF and XLSX.
func TestBrowserBulletinPublish(t *testing.T) {
	a := NewApp(t)
	base := a.HTTP.URL
	ctx := newBrowser(t)
	browserLogin(t, ctx, base, UserMinistry)
	cst := time.Now().In(pinggu.ChinaTime)
	period := cst.Format("2006-01") // the month the fixtures' records were made in
	const title = "关于浏览器测试期间安全评估工作情况的通报"
	err := chromedp.Do(ctx,
		chromedp.Navigate(base+"/bulletins/new"),
		chromedp.WaitVisible(chromedp.CSS(`input[name=period]`)),
		chromedp.SetValue(chromedp.CSS(`input[name=period]`), period), // replaces the default (last quarter)
		chromedp.SendKeys(chromedp.CSS(`input[name=title]`), title),
		chromedp.Submit(chromedp.CSS(`input[name=period]`)),
		chromedp.WaitVisible(chromedp.CSS(`#steps`)),
	)
	if err != nil {
		t.Fatalf("draft: %v\n%s", err, bodyText(t, ctx))
	}
	url := location(t, ctx)
	unnumbered := textOf(t, ctx, `#number`)
	for _, step := range []string{"submit", "approve", "publish"} {
		err := chromedp.Do(ctx,
			chromedp.WaitVisible(chromedp.CSS(`button[data-step="`+step+`"]`)),
			chromedp.Click(chromedp.CSS(`button[data-step="`+step+`"]`)),
			// The step's button is gone once the next page is shown: no
			// state offers the same step again.
			chromedp.WaitNotPresent(chromedp.CSS(`button[data-step="`+step+`"]`)),
			chromedp.WaitVisible(chromedp.CSS(`#bulletin`)),
		)
		if err != nil {
			t.Fatalf("%s: %v\n%s", step, err, bodyText(t, ctx))
		}
	}
	err = chromedp.Do(ctx,
		chromedp.Navigate(url),
		chromedp.WaitVisible(chromedp.CSS(`#number`)),
	)
	if err != nil {
		t.Fatal(err)
	}
	number := textOf(t, ctx, `#number`)
	editable, steps := count(t, ctx, `#edit form`), count(t, ctx, `button[data-step]`)
	if number == "" || number == unnumbered {
		t.Errorf("the published bulletin has no number: %q (before approval %q)", number, unnumbered)
	}
	if editable != 0 || steps != 0 {
		t.Errorf("the published bulletin still offers %d edit forms and %d steps", editable, steps)
	}
	if !strings.Contains(bodyText(t, ctx), pinggu.Period(period).Label("zh")) {
		t.Errorf("the bulletin does not name its period %s", pinggu.Period(period).Label("zh"))
	}

	// The Guangdong bureau, whose province has a line, finds and opens it
	// with its PDF and XLSX.
	gd := newBrowser(t)
	browserLogin(t, gd, base, UserBureauGD)
	err = chromedp.Do(gd,
		chromedp.Navigate(base+"/bulletins"),
		chromedp.WaitVisible(chromedp.CSS(`main`)),
	)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(bodyText(t, gd), title) {
		t.Fatalf("the bureau's bulletin list lacks the published bulletin:\n%s", bodyText(t, gd))
	}
	err = chromedp.Do(gd,
		chromedp.Navigate(url),
		chromedp.WaitVisible(chromedp.CSS(`#number`)),
	)
	if err != nil {
		t.Fatalf("the bureau opens the bulletin: %v\n%s", err, bodyText(t, gd))
	}
	pdf, xlsx := count(t, gd, `a[href$="bulletin.pdf"]`), count(t, gd, `a[href$="bulletin.xlsx"]`)
	if !strings.Contains(bodyText(t, gd), number) || pdf != 1 || xlsx != 1 {
		t.Errorf("the bureau's view: number %q shown %v, %d PDF and %d XLSX links", number, strings.Contains(bodyText(t, gd), number), pdf, xlsx)
	}
	if strings.Contains(bodyText(t, gd), "北京市") {
		t.Errorf("the Guangdong bureau sees another province's line")
	}
	// An enterprise no line of which concerns it neither lists nor opens it.
	ent := newBrowser(t)
	browserLogin(t, ent, base, UserEntAdminA)
	if err := chromedp.Do(ent, chromedp.Navigate(base+"/bulletins"), chromedp.WaitVisible(chromedp.CSS(`main`))); err != nil {
		t.Fatal(err)
	}
	if strings.Contains(bodyText(t, ent), title) {
		t.Errorf("an enterprise the bulletin does not concern lists it")
	}
	if err := chromedp.Do(ent, chromedp.Navigate(url), chromedp.WaitVisible(chromedp.CSS(`main`))); err != nil {
		t.Fatal(err)
	}
	if count(t, ent, `#number`) != 0 {
		t.Errorf("an enterprise the bulletin does not concern opens it")
	}
}
