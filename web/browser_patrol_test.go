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

// waitText reloads the page until it shows want, or fails after a while.
func waitText(t *testing.T, ctx context.Context, url, want string) string {
	t.Helper()
	deadline := time.Now().Add(45 * time.Second)
	for {
		if err := chromedp.Do(ctx, chromedp.Navigate(url), chromedp.WaitVisible(chromedp.CSS(`main`))); err != nil {
			t.Fatalf("open %s: %v", url, err)
		}
		text := bodyText(t, ctx)
		if strings.Contains(text, want) {
			return text
		}
		if time.Now().After(deadline) {
			t.Fatalf("%s never showed %q; it shows: %s", url, want, text)
		}
		time.Sleep(500 * time.Millisecond)
	}
}

// switchUser logs out and logs in as username.
func switchUser(t *testing.T, ctx context.Context, base, username string) {
	t.Helper()
	if err := chromedp.Do(ctx, chromedp.Navigate(base+"/account/password"), chromedp.Click(chromedp.CSS(`form[action="/logout"] button`)),
		chromedp.WaitVisible(chromedp.CSS(`#username`))); err != nil {
		t.Fatalf("log out: %v", err)
	}
	browserLogin(t, ctx, base, username)
}

// A support analyst runs a plan against a local site; the Guangdong bureau
// sees the warning for its province and the Beijing bureau does not; the
// enterprise acknowledges and disposes of it, and the re-fetch closes it.
func TestBrowserPatrolWarningLifecycle(t *testing.T) {
	ctx := newBrowser(t)
	a := NewApp(t)
	base := a.HTTP.URL
	site, err := patrolsite.Start(patrolsite.Options{Pages: 500})
	if err != nil {
		t.Fatal(err)
	}
	defer site.Close()
	runner, err := jobs.Start(context.Background(), a.DB, jobs.Options{Patrol: jobs.PatrolOptions{Workers: 4, Tick: time.Hour, Fetch: patrol.Config{
		Guard:    patrol.Guard{Allow: []netip.Prefix{netip.MustParsePrefix("127.0.0.0/8")}},
		Resolver: patrol.StaticResolver(site.Addrs()), Retries: -1,
	}}})
	if err != nil {
		t.Fatal(err)
	}
	defer runner.Stop(context.Background())
	bj := &pinggu.User{Username: "bureau.bj", Name: "北京局", Role: pinggu.RoleBureau, Province: "110000"}
	if err := a.DB.CreateUser(SysCtx(), bj, TestPassword); err != nil {
		t.Fatal(err)
	}

	// The analyst's list: a hacked page of tenant A's site, and an ordinary one.
	hacked, _ := site.Find(patrolsite.Hacked, "utf-8", 0)
	ordinary, _ := site.Find(patrolsite.Ordinary, "utf-8", 0)
	analyst := a.Login(UserSupport)
	res := analyst.Do("POST", "/api/patrol/lists", map[string]any{"name": "浏览器测试名单"})
	MustStatus(t, res, 201, "create list")
	var list pinggu.PatrolList
	res.Decode(t, &list)
	for _, u := range []string{site.URL(hacked), site.URL(ordinary)} {
		MustStatus(t, analyst.Do("POST", "/api/patrol/targets", map[string]any{"list_id": list.ID, "url": u, "org_id": a.OrgA.ID}), 201, "add "+u)
	}
	res = analyst.Do("POST", "/api/patrol/plans", map[string]any{"name": "浏览器测试巡查", "list_ids": []int64{list.ID}, "active": true})
	MustStatus(t, res, 201, "create plan")
	var plan pinggu.PatrolPlan
	res.Decode(t, &plan)

	// Run now, and watch the run to its end.
	browserLogin(t, ctx, base, UserSupport)
	if err := chromedp.Do(ctx,
		chromedp.Navigate(base+"/patrol/plans/"+ID(plan.ID)),
		chromedp.Click(chromedp.CSS(`#run-now`)),
		chromedp.WaitVisible(chromedp.CSS(`[data-run-progress]`)),
	); err != nil {
		t.Fatalf("run now: %v", err)
	}
	runURL := location(t, ctx)
	if !strings.Contains(runURL, "/patrol/runs/") {
		t.Fatalf("run now led to %s", runURL)
	}
	text := waitText(t, ctx, runURL, "已完成")
	if !strings.Contains(text, "2/2") {
		t.Errorf("the finished run does not show 2/2: %s", text)
	}
	ws, _, err := a.DB.ListPatrolWarnings(SysCtx(), pinggu.PatrolWarningFilter{})
	if err != nil || len(ws) != 1 || ws[0].URL != site.URL(hacked) {
		t.Fatalf("warnings after the run = %+v, %v", ws, err)
	}
	w := ws[0]
	warningURL := base + "/patrol/warnings/" + ID(w.ID)

	// Guangdong sees it in its inbox; Beijing neither lists nor opens it.
	switchUser(t, ctx, base, UserBureauGD)
	waitText(t, ctx, base+"/patrol/warnings", site.URL(hacked))
	switchUser(t, ctx, base, "bureau.bj")
	if err := chromedp.Do(ctx, chromedp.Navigate(base+"/patrol/warnings")); err != nil {
		t.Fatal(err)
	}
	if text := bodyText(t, ctx); strings.Contains(text, site.URL(hacked)) || !strings.Contains(text, "暂无预警") {
		t.Errorf("the Beijing bureau's inbox shows Guangdong's warning: %s", text)
	}
	if err := chromedp.Do(ctx, chromedp.Navigate(warningURL)); err != nil {
		t.Fatal(err)
	}
	if text := bodyText(t, ctx); strings.Contains(text, site.URL(hacked)) || !strings.Contains(text, "不存在") {
		t.Errorf("the Beijing bureau opens Guangdong's warning: %s", text)
	}

	// The enterprise acknowledges, removes the content and reports it; the
	// re-fetch verifies it and closes the warning.
	switchUser(t, ctx, base, UserEntAdminA)
	if err := chromedp.Do(ctx,
		chromedp.Navigate(warningURL),
		chromedp.Click(chromedp.CSS(`#acknowledge`)),
		chromedp.WaitVisible(chromedp.CSS(`#dispose`)),
	); err != nil {
		t.Fatalf("acknowledge: %v", err)
	}
	site.Clean(hacked)
	if err := chromedp.Do(ctx,
		chromedp.SetValue(chromedp.CSS(`#disposal`), string(pinggu.DisposalContentRemoved)),
		chromedp.SendKeys(chromedp.CSS(`#dispose-note`), "已删除被植入的博彩推广内容"),
		chromedp.Click(chromedp.CSS(`#dispose`)),
		// The dispose form is gone only once the report was saved: the
		// state badge and the acknowledgement's flash are on the page
		// before the click, and leaving early would cancel the submission.
		chromedp.WaitNotPresent(chromedp.CSS(`#dispose`)),
	); err != nil {
		t.Fatalf("dispose: %v", err)
	}
	text = waitText(t, ctx, warningURL, "已办结")
	if !strings.Contains(text, "复核抓取确认处置有效") || !strings.Contains(text, "已删除有害内容") {
		t.Errorf("the closed warning does not say how it was verified: %s", text)
	}
}
