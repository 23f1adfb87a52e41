package web_test

import (
	"context"
	"net/netip"
	"strings"
	"testing"
	"time"

	. "github.com/pinggu/pinggu/web/webtest"

	"github.com/chromedp/chromedp"

	"github.com/pinggu/pinggu"
	"github.com/pinggu/pinggu/jobs"
	"github.com/pinggu/pinggu/patrol"
	"github.com/pinggu/pinggu/patrol/patrolsite"
)

// idFromPath is the record id at the end of a page's address.
func idFromPath(t *testing.T, u string) string {
	t.Helper()
	i := strings.LastIndex(u, "/")
	id := strings.SplitN(u[i+1:], "?", 2)[0]
	if id == "" {
		t.Fatalf("no id in %s", u)
	}
	return id
}

// The Guangdong bureau's officer does patrol from the pages alone: a list
// (of the bureau's province, without asking), a target on it, a plan over the list; runs it now and
// watches its progress; finds the warning in the inbox, acknowledges it
// and, having checked the page, disposes of it as a false positive with
// the rule allow-listed, which closes it.
func TestBrowserOfficerPatrolPath(t *testing.T) {
	ctx := newBrowser(t)
	a := NewApp(t)
	base := a.HTTP.URL
	site, err := patrolsite.Start(patrolsite.Options{Pages: 300})
	if err != nil {
		t.Fatal(err)
	}
	defer site.Close()
	runner, err := jobs.Start(context.Background(), a.DB, jobs.Options{Patrol: jobs.PatrolOptions{Workers: 2, Tick: time.Hour, Fetch: patrol.Config{
		Guard:    patrol.Guard{Allow: []netip.Prefix{netip.MustParsePrefix("127.0.0.0/8")}},
		Resolver: patrol.StaticResolver(site.Addrs()), Retries: -1,
	}}})
	if err != nil {
		t.Fatal(err)
	}
	defer runner.Stop(context.Background())
	hacked, ok := site.Find(patrolsite.Hacked, "", 0)
	if !ok {
		t.Fatal("the site has no hacked page")
	}
	page := site.URL(hacked)

	browserLogin(t, ctx, base, UserBureauGD)
	// The list.
	if err := chromedp.Do(ctx,
		chromedp.Navigate(base+"/patrol/lists"),
		chromedp.SendKeys(chromedp.CSS(`#name`), "广东省属地网站专项巡查名单"),
		chromedp.Click(chromedp.CSS(`form[action="/patrol/lists"] button[type=submit]`)),
		chromedp.WaitNotPresent(chromedp.CSS(`form[action="/patrol/lists"]`)),
	); err != nil {
		t.Fatalf("create the list: %v", err)
	}
	listID := idFromPath(t, location(t, ctx))
	// The target on it, owned by tenant A.
	if err := chromedp.Do(ctx,
		chromedp.Navigate(base+"/patrol/targets/new"),
		chromedp.SetValue(chromedp.CSS(`#list_id`), listID),
		chromedp.SendKeys(chromedp.CSS(`#url`), page),
		chromedp.SendKeys(chromedp.CSS(`#org_id`), ID(a.OrgA.ID)),
		chromedp.Click(chromedp.CSS(`form.form button[type=submit]`)),
		chromedp.WaitNotPresent(chromedp.CSS(`#url`)),
	); err != nil {
		t.Fatalf("add the target: %v", err)
	}
	if u := location(t, ctx); !strings.Contains(u, "/patrol/targets/") || strings.HasSuffix(u, "/new") {
		t.Fatalf("adding the target led to %s: %s", u, bodyText(t, ctx))
	}
	// The plan over the list, run now.
	if err := chromedp.Do(ctx,
		chromedp.Navigate(base+"/patrol/plans/new"),
		chromedp.SendKeys(chromedp.CSS(`#name`), "属地网站专项巡查"),
		chromedp.Click(chromedp.CSS(`input[name=list_ids][value="`+listID+`"]`)),
		chromedp.Click(chromedp.CSS(`form.form button[type=submit]`)),
		chromedp.WaitVisible(chromedp.CSS(`#run-now`)),
		chromedp.Click(chromedp.CSS(`#run-now`)),
		chromedp.WaitVisible(chromedp.CSS(`[data-run-progress]`)),
	); err != nil {
		t.Fatalf("create and run the plan: %v", err)
	}
	runURL := location(t, ctx)
	if !strings.Contains(runURL, "/patrol/runs/") {
		t.Fatalf("run now led to %s", runURL)
	}
	if text := waitText(t, ctx, runURL, "已完成"); !strings.Contains(text, "1/1") {
		t.Errorf("the finished run does not show 1/1: %s", text)
	}

	// The warning in the officer's inbox; disposed of as a false positive.
	waitText(t, ctx, base+"/patrol/warnings", page)
	ws, _, err := a.DB.ListPatrolWarnings(SysCtx(), pinggu.PatrolWarningFilter{})
	if err != nil || len(ws) != 1 || ws[0].URL != page || ws[0].Province != "440000" {
		t.Fatalf("warnings after the run = %+v, %v", ws, err)
	}
	if err := chromedp.Do(ctx,
		chromedp.Navigate(base+"/patrol/warnings/"+ID(ws[0].ID)),
		chromedp.Click(chromedp.CSS(`#acknowledge`)),
		chromedp.WaitVisible(chromedp.CSS(`#dispose`)),
		chromedp.SetValue(chromedp.CSS(`#disposal`), string(pinggu.DisposalFalsePositive)),
		chromedp.SendKeys(chromedp.CSS(`#dispose-note`), "经核实为本单位转载的反诈宣传案例原文"),
		chromedp.Click(chromedp.CSS(`#dispose`)),
		chromedp.WaitNotPresent(chromedp.CSS(`#dispose`)),
	); err != nil {
		t.Fatalf("dispose: %v", err)
	}
	if text := waitText(t, ctx, base+"/patrol/warnings/"+ID(ws[0].ID), "已办结"); !strings.Contains(text, "误报") {
		t.Errorf("the closed warning does not say it was a false positive: %s", text)
	}
	allows, err := a.DB.ListPatrolAllows(SysCtx(), ws[0].TargetID)
	if err != nil || len(allows) == 0 {
		t.Errorf("no allow-list entry after the false positive: %v %v", allows, err)
	}
}
