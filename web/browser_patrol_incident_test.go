package web_test

import (
	"strings"
	"testing"

	. "github.com/pinggu/pinggu/web/webtest"

	"github.com/chromedp/chromedp"

	"github.com/pinggu/pinggu"
)

// The Guangdong bureau declares an incident from a patrol warning in one
// step: the declaration form comes filled from the warning, and the
// incident names the warning as its source.
func TestBrowserIncidentFromWarning(t *testing.T) {
	ctx := newBrowser(t)
	a := NewApp(t)
	base := a.HTTP.URL
	f := seedPatrolTenant(t, a.DB, a.DB.RecordPatrolFetch, a.OrgA, "www.jia.example.cn")

	browserLogin(t, ctx, base, UserBureauGD)
	var title, level, source string
	if err := chromedp.Do(ctx,
		chromedp.Navigate(base+"/patrol/warnings/"+ID(f.warning.ID)),
		chromedp.Click(chromedp.CSS(`#declare-incident`)),
		chromedp.WaitVisible(chromedp.CSS(`#title`)),
	); err != nil {
		t.Fatalf("declare from the warning: %v", err)
	}
	var err error
	for _, x := range []struct {
		sel string
		v   *string
	}{{`#title`, &title}, {`#level`, &level}, {`input[name=source_id]`, &source}} {
		if *x.v, err = chromedp.Run(ctx, chromedp.Value(chromedp.CSS(x.sel))); err != nil {
			t.Fatalf("read %s: %v", x.sel, err)
		}
	}
	if !strings.Contains(title, f.warning.Title) || level != "4" || source != ID(f.warning.ID) {
		t.Errorf("the form is not filled from the warning: title %q, level %q, source %q", title, level, source)
	}
	if err := chromedp.Do(ctx,
		chromedp.Click(chromedp.CSS(`form[action="/incidents"] button[type=submit]`)),
		// The source row is near the page's end: once it shows, the page is whole.
		chromedp.WaitVisible(chromedp.CSS(`#incident-source`)),
	); err != nil {
		t.Fatalf("declare: %v", err)
	}
	if u := location(t, ctx); !strings.Contains(u, "/incidents/") {
		t.Fatalf("declaring led to %s: %s", u, bodyText(t, ctx))
	}
	if text := bodyText(t, ctx); !strings.Contains(text, f.warning.Title) || !strings.Contains(text, "预警 #"+ID(f.warning.ID)) {
		t.Errorf("the incident page does not show the warning it arose from: %s", text)
	}
	if href, err := chromedp.Run(ctx, chromedp.AttributeValue(chromedp.CSS(`#incident-source a`), "href")); err != nil || href.Value != "/patrol/warnings/"+ID(f.warning.ID) {
		t.Errorf("the incident's source links to %+v (%v)", href, err)
	}
	xs, _, err := a.DB.ListIncidents(SysCtx(), pinggu.IncidentFilter{ListOptions: pinggu.ListOptions{Limit: pinggu.MaxLimit}})
	if err != nil {
		t.Fatal(err)
	}
	var from []*pinggu.Incident
	for _, x := range xs {
		if x.Source == (pinggu.Ref{Kind: "patrol_warning", ID: f.warning.ID}) {
			from = append(from, x)
		}
	}
	if len(from) != 1 || from[0].Province != "440000" || from[0].Level != pinggu.LevelIV || from[0].Category != pinggu.IncidentHarmfulInfo {
		t.Fatalf("incidents from the warning: %+v", from)
	}

	// The API does it in one call; a bureau of another province cannot
	// see the warning, so cannot declare from it.
	gd := a.Login(UserBureauGD)
	res := gd.Do("POST", "/api/patrol/warnings/"+ID(f.warning.ID)+"/incident", map[string]any{"drill": true})
	MustStatus(t, res, 201, "declare by API")
	var x pinggu.Incident
	res.Decode(t, &x)
	if !x.Drill || x.Source.ID != f.warning.ID || x.Title != from[0].Title {
		t.Errorf("incident by API = %+v", x)
	}
	zj := &pinggu.User{Username: "bureau.zj.i12", Name: "浙江局", Role: pinggu.RoleBureau, Province: "330000"}
	if err := a.DB.CreateUser(SysCtx(), zj, TestPassword); err != nil {
		t.Fatal(err)
	}
	MustStatus(t, a.Login("bureau.zj.i12").Do("POST", "/api/patrol/warnings/"+ID(f.warning.ID)+"/incident", map[string]any{}), 404, "Zhejiang declares from Guangdong's warning")
}
