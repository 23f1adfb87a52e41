package web_test

import (
	"context"
	"html"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	. "github.com/pinggu/pinggu/web/webtest"

	"github.com/chromedp/chromedp"

	"github.com/pinggu/pinggu"
)

// The Guangdong bureau declares an incident from a patrol warning in one
// step: the declaration form comes filled from the warning, and the
// incident names the warning as its source. The bureau adds a second
// Guangdong enterprise's service; each notified enterprise's user logs
// in, finds the incident in the inbox with its deadline in China time and
// acknowledges it; the bureau sees every acknowledgement on time, and the
// response-time statistics count them. Each person works in a tab of its
// own with its own deadline, in one browser.
func TestBrowserIncidentFromWarning(t *testing.T) {
	tab := browserTabs(t)
	ctx := tab()
	a := NewApp(t)
	base := a.HTTP.URL
	f := seedPatrolTenant(t, a.DB, a.DB.RecordPatrolFetch, a.OrgA, "www.jia.example.cn")
	other := guangdongEnterprise(t, a)

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
		chromedp.Click(chromedp.CSS(`input[name=service_id][value="`+ID(other.svc.ID)+`"]`)),
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
	incURL := location(t, ctx)
	acknowledgeEach(t, a, tab, from[0].ID, incURL, map[int64]string{a.OrgA.ID: UserEntAdminA, other.org.ID: other.user})

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

// gdEnterprise is a second Guangdong enterprise with a service and an
// administrator.
type gdEnterprise struct {
	org  *pinggu.Organisation
	svc  *pinggu.Service
	user string
}

func guangdongEnterprise(t *testing.T, a *App) gdEnterprise {
	t.Helper()
	e := gdEnterprise{org: &pinggu.Organisation{Kind: pinggu.OrgInternet, Name: "己网络科技有限公司", USCC: USCC(t, "91440106MA5HHHHH8"), Province: "440000"},
		user: "ent.ji.i15"}
	if err := a.DB.CreateOrganisation(SysCtx(), e.org); err != nil {
		t.Fatal(err)
	}
	e.svc = &pinggu.Service{OrgID: e.org.ID, Name: "己即时通信", Category: pinggu.CatIM}
	if err := a.DB.CreateService(SysCtx(), e.svc); err != nil {
		t.Fatal(err)
	}
	u := &pinggu.User{Username: e.user, Name: "己公司管理员", Role: pinggu.RoleEntAdmin, OrgID: e.org.ID}
	if err := a.DB.CreateUser(SysCtx(), u, TestPassword); err != nil {
		t.Fatal(err)
	}
	return e
}

// acknowledgeEach has the user of every enterprise notified of incident id
// (users by organisation) open it from the inbox, read its deadline in
// China time and acknowledge it, each in a tab of its own; then the
// declaring bureau, in a fresh tab, sees every acknowledgement on time at
// incURL and the response-time statistics counting them.
func acknowledgeEach(t *testing.T, a *App, tab func() context.Context, id int64, incURL string, users map[int64]string) {
	t.Helper()
	x, err := a.DB.FindIncident(SysCtx(), id)
	if err != nil {
		t.Fatal(err)
	}
	enterprises := 0
	for _, p := range x.Parties {
		if p.Recipient.Party != pinggu.PartyEnterprise {
			continue
		}
		enterprises++
		user := users[p.Recipient.OrgID]
		if user == "" {
			t.Fatalf("no user for the notified enterprise %s", p.Name)
		}
		ent := tab()
		browserLogin(t, ent, a.HTTP.URL, user)
		err := chromedp.Do(ent,
			chromedp.Navigate(a.HTTP.URL+"/inbox"),
			chromedp.WaitVisible(chromedp.CSS(`#notices`)),
			chromedp.Click(chromedp.Search(`//a[contains(., "`+x.Title+`")]`)),
			chromedp.WaitVisible(chromedp.CSS(`#incident-own`)),
		)
		if err != nil {
			t.Fatalf("%s opens the incident from its inbox: %v\n%s", user, err, bodyText(t, ent))
		}
		own, err := chromedp.Run(ent, chromedp.Text(chromedp.CSS(`#incident-own`)))
		if err != nil {
			t.Fatal(err)
		}
		if due := p.AckDueAt.In(pinggu.ChinaTime).Format(time.DateTime); !strings.Contains(own, p.Name) || !strings.Contains(own, "签收时限 "+due) {
			t.Errorf("%s's part does not show its deadline %s (China time): %q", user, due, own)
		}
		err = chromedp.Do(ent,
			chromedp.SendKeys(chromedp.CSS(`#incident-own input[name=text]`), p.Name+"已处置"),
			chromedp.Submit(chromedp.CSS(`#incident-own input[name=text]`)),
			chromedp.WaitVisible(chromedp.CSS(`#incident-parties .ok`)),
		)
		if err != nil {
			t.Fatalf("%s acknowledges: %v\n%s", user, err, bodyText(t, ent))
		}
	}
	if enterprises != len(users) {
		var names []string
		for _, p := range x.Parties {
			names = append(names, p.Name)
		}
		t.Fatalf("%d enterprises notified (parties %v), want %d", enterprises, names, len(users))
	}

	bureau := tab()
	browserLogin(t, bureau, a.HTTP.URL, UserBureauGD)
	if err := chromedp.Do(bureau, chromedp.Navigate(incURL), chromedp.WaitVisible(chromedp.CSS(`#incident-parties`))); err != nil {
		t.Fatal(err)
	}
	rows, err := chromedp.Run(bureau, chromedp.Text(chromedp.CSS(`#incident-parties tbody`)))
	if err != nil {
		t.Fatal(err)
	}
	if onTime := strings.Count(pageHTML(t, bureau), `<span class="ok">`); onTime != enterprises {
		t.Errorf("the bureau sees %d acknowledgements on time, want %d: %s", onTime, enterprises, rows)
	}
	for _, p := range x.Parties {
		if p.Recipient.Party == pinggu.PartyEnterprise && !strings.Contains(rows, p.Name+"已处置") {
			t.Errorf("the bureau does not read %s's response: %s", p.Name, rows)
		}
	}
	// The statistics count the acknowledgements: the average time to
	// acknowledge of the province's real incidents this year is the one
	// the records give, none late, and the figure lists this incident.
	if err := chromedp.Do(bureau, chromedp.Navigate(a.HTTP.URL+"/incidents/stats"), chromedp.WaitVisible(chromedp.CSS(`#incident-stats-levels`))); err != nil {
		t.Fatal(err)
	}
	figure := func(key string) (value, href string) {
		m := regexp.MustCompile(`<tr class="total" data-row="total">.*?<td data-figure="` + key + `"><a href="([^"]+)"[^>]*>([^<]+)</a>`).FindStringSubmatch(pageHTML(t, bureau))
		if m == nil {
			t.Fatalf("no %s in the statistics", key)
		}
		return m[2], html.UnescapeString(m[1])
	}
	all, _, err := a.DB.ListIncidents(SysCtx(), pinggu.IncidentFilter{Province: "440000", Drill: "none", Year: pinggu.Year(time.Now())})
	if err != nil {
		t.Fatal(err)
	}
	var n, secs int64
	for _, y := range all {
		full, err := a.DB.FindIncident(SysCtx(), y.ID)
		if err != nil {
			t.Fatal(err)
		}
		for _, p := range full.Parties {
			if p.AcknowledgedAt != nil {
				n, secs = n+1, secs+int64(p.AcknowledgedAt.Sub(p.NotifiedAt).Round(time.Second)/time.Second)
			}
		}
	}
	if n < int64(enterprises) {
		t.Fatalf("the records hold %d acknowledgements, want at least %d", n, enterprises)
	}
	want := float64(int64(float64(secs)/float64(n)/60*10+0.5)) / 10
	if got, _ := figure("ack_avg"); got != strconv.FormatFloat(want, 'f', 1, 64) {
		t.Errorf("the average time to acknowledge shows %s minutes, the records give %.1f", got, want)
	}
	if !strings.Contains(pageHTML(t, bureau), `<span class="hint median">中位数 `) {
		t.Error("the statistics show no median time to acknowledge")
	}
	if got, _ := figure("ack_late"); got != "0" {
		t.Errorf("late acknowledgements: %s, want 0", got)
	}
	_, href := figure("ack_avg")
	if err := chromedp.Do(bureau, chromedp.Navigate(a.HTTP.URL+href), chromedp.WaitVisible(chromedp.CSS(`#incidents`))); err != nil {
		t.Fatal(err)
	}
	if list := bodyText(t, bureau); !strings.Contains(list, x.Title) {
		t.Errorf("the list behind the average (%s) lacks the incident: %s", href, list)
	}
}
