package web_test

import (
	"net/http"
	"net/url"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/chromedp/chromedp"

	. "github.com/pinggu/pinggu/web/webtest"
)

// TestBrowserLoginNextStaysOnSite follows the open redirect of the finding
// in Chromium: a next of "/<tab>/host:port/page" that a browser would read
// as "//host:port/page". Whether logging in through the form or arriving at
// /login already signed in, the browser ends on this site and the other
// server (a second origin on 127.0.0.1) is never asked for anything.
func TestBrowserLoginNextStaysOnSite(t *testing.T) {
	ctx := newBrowser(t)
	a := NewApp(t)
	var hits atomic.Int64
	evil := NewTestHTTPServer(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		hits.Add(1)
		w.Write([]byte("<title>pwned</title><p>pwned</p>"))
	}))
	evilHost := strings.TrimPrefix(evil.URL, "http://")
	base := a.HTTP.URL
	for _, next := range []string{"/\t/" + evilHost + "/pwned.html", "/%09/" + evilHost + "/pwned.html", "/\\" + evilHost + "/pwned.html", "//" + evilHost + "/pwned.html"} {
		attack := base + "/login?next=" + url.QueryEscape(next)
		// Signed out: the form carries next through the login.
		err := chromedp.Do(ctx,
			chromedp.Navigate(attack),
			chromedp.WaitVisible(chromedp.CSS(`#username`)),
			chromedp.SendKeys(chromedp.CSS(`#username`), UserBureauGD),
			chromedp.SendKeys(chromedp.CSS(`#password`), TestPassword),
			chromedp.Click(chromedp.CSS(`form[action="/login"] button[type=submit]`)),
			chromedp.WaitVisible(chromedp.CSS(`nav.side`)),
		)
		if err != nil {
			t.Fatalf("log in with next=%q: %v", next, err)
		}
		loc := location(t, ctx)
		if !strings.HasPrefix(loc, base+"/") {
			t.Fatalf("after logging in with next=%q the browser is at %s, want %s", next, loc, base)
		}
		// Signed in: GET /login redirects at once.
		err = chromedp.Do(ctx,
			chromedp.Navigate(attack),
			chromedp.WaitVisible(chromedp.CSS(`nav.side`)),
		)
		if err != nil {
			t.Fatalf("signed in, open /login?next=%q: %v", next, err)
		}
		loc = location(t, ctx)
		if !strings.HasPrefix(loc, base+"/") {
			t.Fatalf("signed in, /login?next=%q took the browser to %s, want %s", next, loc, base)
		}
		if err := chromedp.Do(ctx, chromedp.Click(chromedp.CSS(`form[action="/logout"] button`)), chromedp.WaitVisible(chromedp.CSS(`#username`))); err != nil {
			t.Fatalf("log out: %v", err)
		}
	}
	if n := hits.Load(); n != 0 {
		t.Fatalf("the other site was asked %d times", n)
	}
}
