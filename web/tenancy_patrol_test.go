package web_test

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	. "github.com/pinggu/pinggu/web/webtest"

	"github.com/pinggu/pinggu"
	"github.com/pinggu/pinggu/web/api"
)

// Record kinds of patrol.
const (
	recPatrolList recordKind = iota + 200
	recPatrolTarget
	recPatrolPlan
	recPatrolRun
	recPatrolSnapshot
	recPatrolFinding
	recPatrolWarning
	recPatrolAllow
	recBulletin
	recCaseSnapshot
)

// tJurisdiction: creating a record of a province outside what the role
// keeps answers 403 (or 404) and changes nothing.
const tJurisdiction tenancyKind = 200

// patrolFixture is each tenant's patrol records: a list, a target on it
// owned by the tenant, a plan and its run, the snapshot of the run's fetch,
// its finding and warning, an allow-list entry and a bulletin of the
// tenant's province.
type patrolFixture struct {
	list     *pinggu.PatrolList
	target   *pinggu.PatrolTarget
	plan     *pinggu.PatrolPlan
	run      *pinggu.PatrolRun
	snapshot *pinggu.PatrolSnapshot
	finding  *pinggu.PatrolFinding
	warning  *pinggu.PatrolWarning
	allow    *pinggu.PatrolAllow
	bulletin *pinggu.PatrolBulletin
	// caseItem names the snapshot in a case of the tenant's province:
	// tenant A's case is shared with the partner department, item and all.
	caseItem *pinggu.CaseItem
	kase     *pinggu.Case
	shared   []int64
}

// seedPatrolTenant makes a tenant's patrol records, as the platform.
func seedPatrolTenant(t testing.TB, ps pinggu.PatrolService, rec func(context.Context, *pinggu.PatrolObservation) error, org *pinggu.Organisation, host string) *patrolFixture {
	ctx := SysCtx()
	f := &patrolFixture{list: &pinggu.PatrolList{Name: org.Name + "巡查名单", Province: org.Province}}
	if err := ps.CreatePatrolList(ctx, f.list); err != nil {
		t.Fatal(err)
	}
	f.target = &pinggu.PatrolTarget{ListID: f.list.ID, URL: "https://" + host + "/news/1.html", OrgID: org.ID, Name: org.Name + "新闻页"}
	if err := ps.CreatePatrolTarget(ctx, f.target); err != nil {
		t.Fatal(err)
	}
	f.plan = &pinggu.PatrolPlan{Name: org.Name + "巡查计划", Province: org.Province, ListIDs: []int64{f.list.ID}, Active: true}
	if err := ps.CreatePatrolPlan(ctx, f.plan); err != nil {
		t.Fatal(err)
	}
	run, err := ps.RunPatrolPlan(ctx, f.plan.ID)
	if err != nil {
		t.Fatal(err)
	}
	body := []byte("<html><title>" + org.Name + "</title><body>百家乐在线，加微信领彩金</body></html>")
	sum := sha256.Sum256(body)
	hexSum := hex.EncodeToString(sum[:])
	o := &pinggu.PatrolObservation{RunID: run.ID, TargetID: f.target.ID, Verdict: "risky", Score: 70,
		Snapshots: []*pinggu.PatrolSnapshot{{URL: f.target.URL, FinalURL: f.target.URL, As: "browser", Status: 200, Header: http.Header{"Content-Type": {"text/html; charset=utf-8"}},
			FetchedAt: time.Now().UTC(), Charset: "utf-8", CharsetSource: "header", SHA256: hexSum, Size: int64(len(body)), Verdict: "risky", Score: 70}},
		Blobs: map[string][]byte{hexSum: body},
		Hits:  []pinggu.PatrolHit{{Rule: "gambling.casino", Category: "gambling", Term: "百家乐", Text: "百家乐在线·" + org.Name, As: "browser"}}}
	if err := rec(context.Background(), o); err != nil {
		t.Fatal(err)
	}
	if f.run, err = ps.FindPatrolRun(ctx, run.ID); err != nil {
		t.Fatal(err)
	}
	snaps, _, _ := ps.ListPatrolSnapshots(ctx, pinggu.PatrolSnapshotFilter{TargetID: f.target.ID})
	finds, _, _ := ps.ListPatrolFindings(ctx, pinggu.PatrolFindingFilter{TargetID: f.target.ID})
	warns, _, _ := ps.ListPatrolWarnings(ctx, pinggu.PatrolWarningFilter{TargetID: f.target.ID})
	if len(snaps) != 1 || len(finds) != 1 || len(warns) != 1 {
		t.Fatalf("patrol fixture of %s: %d snapshots, %d findings, %d warnings", org.Name, len(snaps), len(finds), len(warns))
	}
	f.snapshot, f.finding, f.warning = snaps[0], finds[0], warns[0]
	f.allow = &pinggu.PatrolAllow{TargetID: f.target.ID, Rule: "seo.blackhat", Reason: org.Name + "的SEO误报"}
	if err := ps.AddPatrolAllow(ctx, f.allow); err != nil {
		t.Fatal(err)
	}
	if f.bulletin, err = ps.IssuePatrolBulletin(ctx, pinggu.BulletinRequest{Province: org.Province, From: time.Now().Add(-24 * time.Hour), To: time.Now().Add(time.Hour)}); err != nil {
		t.Fatal(err)
	}
	return f
}

func init() {
	tenancySetups = append(tenancySetups, func(ta *tenancyApp) {
		ps := ta.Services.Patrol
		if ps == nil {
			return
		}
		ta.modules["patrol"] = [2]*patrolFixture{
			seedPatrolTenant(ta.T, ps, ta.DB.RecordPatrolFetch, ta.OrgB, "www.yi.example.cn"),
			seedPatrolTenant(ta.T, ps, ta.DB.RecordPatrolFetch, ta.OrgA, "www.jia.example.cn"),
		}
		fx := ta.modules["patrol"].([2]*patrolFixture)
		for _, x := range []struct {
			f     *patrolFixture
			c     *pinggu.Case
			share *pinggu.CaseShare
		}{{fx[0], ta.CaseB, nil}, {fx[1], ta.CaseA, ta.ShareA}} {
			it, err := ta.DB.AddCaseItem(SysCtx(), x.c.ID, pinggu.Ref{Kind: "patrol_snapshot", ID: x.f.snapshot.ID}, "巡查页面快照")
			if err != nil {
				ta.T.Fatal(err)
			}
			x.f.caseItem, x.f.kase = it, x.c
			if x.share != nil {
				if _, err := ta.DB.SupplementShare(SysCtx(), x.share.ID, pinggu.ShareRequest{ItemIDs: []int64{it.ID}, Message: "补充巡查快照"}); err != nil {
					ta.T.Fatal(err)
				}
				x.f.shared = []int64{x.share.PartnerOrgID}
			}
		}
	})
	tenancySnapshots = append(tenancySnapshots, func(ta *tenancyApp) map[string]any {
		ps := ta.Services.Patrol
		if ps == nil {
			return nil
		}
		ctx, all := SysCtx(), pinggu.ListOptions{Limit: pinggu.MaxLimit}
		lists, _, e1 := ps.ListPatrolLists(ctx, pinggu.PatrolListFilter{ListOptions: all})
		targets, _, e2 := ps.ListPatrolTargets(ctx, pinggu.PatrolTargetFilter{ListOptions: all})
		plans, _, e3 := ps.ListPatrolPlans(ctx, pinggu.PatrolPlanFilter{ListOptions: all})
		runs, _, e4 := ps.ListPatrolRuns(ctx, pinggu.PatrolRunFilter{ListOptions: all})
		warns, _, e5 := ps.ListPatrolWarnings(ctx, pinggu.PatrolWarningFilter{ListOptions: all})
		bulls, _, e6 := ps.ListPatrolBulletins(ctx, pinggu.PatrolBulletinFilter{ListOptions: all})
		finds, _, e7 := ps.ListPatrolFindings(ctx, pinggu.PatrolFindingFilter{ListOptions: all})
		out := map[string]any{"patrol lists": lists, "patrol targets": targets, "patrol plans": plans, "patrol runs": runs,
			"patrol warnings": warns, "bulletins": bulls, "patrol findings": finds}
		for _, t := range targets {
			allows, err := ps.ListPatrolAllows(ctx, t.ID)
			if err != nil {
				ta.T.Fatalf("snapshot: %v", err)
			}
			out["allows of "+t.URL] = allows
		}
		for _, err := range []error{e1, e2, e3, e4, e5, e6, e7} {
			if err != nil {
				ta.T.Fatalf("snapshot: %v", err)
			}
		}
		return out
	})
	fixtures := func(ta *tenancyApp) [2]*patrolFixture {
		f, _ := ta.modules["patrol"].([2]*patrolFixture)
		return f
	}
	// The fixtures' warnings and bulletins notify their recipients: those
	// notices join the inbox's records, each seen by whom it reaches.
	inbox := tenancyRecords[recNotice]
	tenancyRecords[recNotice] = func(ta *tenancyApp) []ledgerRecord {
		out := inbox(ta)
		if ta.modules["patrol"] == nil {
			return out
		}
		return append(out, patrolNotices(ta)...)
	}
	// Who sees patrol's records: its instruments by the patrol scope,
	// warnings by the warning scope, snapshots with their target or as the
	// evidence of a warning the actor sees (each fixture's snapshot is its
	// warning's), bulletins by their province.
	sees := map[recordKind]func(a *pinggu.Actor, org int64, prov string) bool{
		recPatrolWarning: func(a *pinggu.Actor, org int64, prov string) bool { return a.WarningScope().Covers(org, prov) },
		recPatrolSnapshot: func(a *pinggu.Actor, org int64, prov string) bool {
			return a.PatrolScope().Covers(org, prov) || a.WarningScope().Covers(org, prov)
		},
		recBulletin: func(a *pinggu.Actor, org int64, prov string) bool { return a.BulletinScope().Covers(org, prov) },
	}
	both := func(ta *tenancyApp, rec func(*patrolFixture) ledgerRecord) []ledgerRecord {
		fs := fixtures(ta)
		if fs[0] == nil {
			return nil
		}
		out := []ledgerRecord{rec(fs[0]), rec(fs[1])}
		return out
	}
	scoped := func(k recordKind, rec func(*patrolFixture) ledgerRecord) func(*tenancyApp) []ledgerRecord {
		f := sees[k]
		if f == nil {
			f = func(a *pinggu.Actor, org int64, prov string) bool { return a.PatrolScope().Covers(org, prov) }
		}
		return func(ta *tenancyApp) []ledgerRecord {
			out := both(ta, rec)
			for i := range out {
				r := out[i]
				out[i].sees = func(a *pinggu.Actor) bool { return f(a, r.orgID, r.province) }
			}
			return out
		}
	}
	tenancyRecords[recPatrolList] = scoped(recPatrolList, func(f *patrolFixture) ledgerRecord {
		return ledgerRecord{f.list.ID, 0, f.list.Province, f.list.Name, nil}
	})
	tenancyRecords[recPatrolTarget] = scoped(recPatrolTarget, func(f *patrolFixture) ledgerRecord {
		return ledgerRecord{f.target.ID, f.target.OrgID, f.target.Province, f.target.Name, nil}
	})
	tenancyRecords[recPatrolPlan] = scoped(recPatrolPlan, func(f *patrolFixture) ledgerRecord {
		return ledgerRecord{f.plan.ID, 0, f.plan.Province, f.plan.Name, nil}
	})
	tenancyRecords[recPatrolRun] = scoped(recPatrolRun, func(f *patrolFixture) ledgerRecord {
		return ledgerRecord{f.run.ID, 0, f.run.Province, f.plan.Name, nil}
	})
	tenancyRecords[recPatrolSnapshot] = scoped(recPatrolSnapshot, func(f *patrolFixture) ledgerRecord {
		return ledgerRecord{f.snapshot.ID, f.snapshot.OrgID, f.snapshot.Province, f.snapshot.URL, nil}
	})
	tenancyRecords[recPatrolFinding] = scoped(recPatrolFinding, func(f *patrolFixture) ledgerRecord {
		return ledgerRecord{f.finding.ID, f.finding.OrgID, f.finding.Province, f.finding.Excerpt, nil}
	})
	tenancyRecords[recPatrolWarning] = scoped(recPatrolWarning, func(f *patrolFixture) ledgerRecord {
		return ledgerRecord{f.warning.ID, f.warning.OrgID, f.warning.Province, f.warning.URL, nil}
	})
	tenancyRecords[recPatrolAllow] = scoped(recPatrolAllow, func(f *patrolFixture) ledgerRecord {
		return ledgerRecord{f.allow.ID, f.target.OrgID, f.target.Province, f.allow.Reason, nil}
	})
	tenancyRecords[recCaseSnapshot] = func(ta *tenancyApp) []ledgerRecord {
		return both(ta, func(f *patrolFixture) ledgerRecord {
			return ledgerRecord{f.caseItem.ID, 0, "", f.caseItem.Label, seesCase(f.kase.Province, f.shared)}
		})
	}
	tenancyRecords[recBulletin] = scoped(recBulletin, func(f *patrolFixture) ledgerRecord {
		return ledgerRecord{f.bulletin.ID, 0, f.bulletin.Province, f.bulletin.Title, nil}
	})
}

// Patrol's API routes in the cross-tenant test.
func init() {
	addTenancyRoutes(map[string]tenancyCase{
		"GET /api/patrol/meta":               {kind: tPublic},
		"GET /api/patrol/lists":              {kind: tList, record: recPatrolList},
		"POST /api/patrol/lists":             {kind: tJurisdiction, body: func(a *App) any { return map[string]any{"name": "越权名单", "province": a.OrgB.Province} }},
		"GET /api/patrol/lists/{id}":         {kind: tRecord, record: recPatrolList},
		"PUT /api/patrol/lists/{id}":         {kind: tRecord, record: recPatrolList, body: func(*App) any { return map[string]any{"name": "越权改名"} }},
		"POST /api/patrol/lists/{id}/import": {kind: tRecord, record: recPatrolList},
		"GET /api/patrol/targets":            {kind: tList, record: recPatrolTarget},
		"POST /api/patrol/targets": {kind: tCreate, body: func(a *App) any {
			return map[string]any{"list_id": 1, "url": "https://x.example.cn/", "org_id": a.OrgB.ID}
		}},
		"GET /api/patrol/targets/{id}":                  {kind: tRecord, record: recPatrolTarget},
		"PUT /api/patrol/targets/{id}":                  {kind: tRecord, record: recPatrolTarget, body: func(*App) any { return map[string]any{"active": false} }},
		"POST /api/patrol/targets/{id}/recheck":         {kind: tRecord, record: recPatrolTarget},
		"GET /api/patrol/targets/{id}/allows":           {kind: tRecord, record: recPatrolTarget},
		"POST /api/patrol/targets/{id}/allows":          {kind: tRecord, record: recPatrolTarget, body: func(*App) any { return map[string]any{"reason": "越权白名单"} }},
		"DELETE /api/patrol/allows/{id}":                {kind: tRecord, record: recPatrolAllow},
		"GET /api/patrol/plans":                         {kind: tList, record: recPatrolPlan},
		"POST /api/patrol/plans":                        {kind: tJurisdiction, body: func(a *App) any { return map[string]any{"name": "越权计划", "province": a.OrgB.Province} }},
		"GET /api/patrol/plans/{id}":                    {kind: tRecord, record: recPatrolPlan},
		"PUT /api/patrol/plans/{id}":                    {kind: tRecord, record: recPatrolPlan, body: func(*App) any { return map[string]any{"active": false} }},
		"POST /api/patrol/plans/{id}/run":               {kind: tRecord, record: recPatrolPlan},
		"GET /api/patrol/runs":                          {kind: tList, record: recPatrolRun},
		"GET /api/patrol/runs/{id}":                     {kind: tRecord, record: recPatrolRun},
		"GET /api/patrol/snapshots":                     {kind: tList, record: recPatrolSnapshot},
		"GET /api/patrol/snapshots/{id}":                {kind: tRecord, record: recPatrolSnapshot},
		"GET /api/patrol/snapshots/{id}/body":           {kind: tRecord, record: recPatrolSnapshot},
		"GET /api/patrol/snapshots/{id}/screenshot.png": {kind: tRecord, record: recPatrolSnapshot},
		"GET /api/patrol/findings":                      {kind: tList, record: recPatrolFinding},
		"GET /api/patrol/rules":                         {kind: tShared},
		"GET /api/patrol/warnings":                      {kind: tList, record: recPatrolWarning},
		"GET /api/patrol/warnings/{id}":                 {kind: tRecord, record: recPatrolWarning},
		"POST /api/patrol/warnings/{id}/acknowledge":    {kind: tRecord, record: recPatrolWarning},
		"POST /api/patrol/warnings/{id}/dispose": {kind: tRecord, record: recPatrolWarning,
			body: func(*App) any { return map[string]any{"disposal": "false_positive", "note": "越权认定误报"} }},
		"POST /api/patrol/warnings/{id}/recheck":  {kind: tRecord, record: recPatrolWarning},
		"GET /api/case-items/{id}/snapshot":       {kind: tRecord, record: recCaseSnapshot},
		"POST /api/patrol/warnings/{id}/incident": {kind: tRecord, record: recPatrolWarning},
		"GET /api/patrol/bulletins":               {kind: tList, record: recBulletin},
		"POST /api/patrol/bulletins": {kind: tJurisdiction, body: func(a *App) any {
			return map[string]any{"province": a.OrgB.Province, "from": "2026-01-01T00:00:00Z", "to": "2026-02-01T00:00:00Z"}
		}},
		"GET /api/patrol/bulletins/{id}":             {kind: tRecord, record: recBulletin},
		"GET /api/patrol/bulletins/{id}/report.pdf":  {kind: tRecord, record: recBulletin},
		"GET /api/patrol/bulletins/{id}/report.xlsx": {kind: tRecord, record: recBulletin},
	})
}

// jurisdictionAction is the policy action behind each tJurisdiction route.
var jurisdictionAction = map[string]pinggu.Action{
	"POST /api/patrol/lists":     pinggu.ActPatrolTargetWrite,
	"POST /api/patrol/plans":     pinggu.ActPatrolPlanWrite,
	"POST /api/patrol/bulletins": pinggu.ActBulletinIssue,
}

func TestTenancyJurisdictionRoutes(t *testing.T) {
	t.Parallel()
	ta := newTenancyApp(t)
	exercised := 0
	for _, rt := range api.Routes() {
		k := routeKey(rt)
		tc := tenancyRoutes[k]
		if tc.kind != tJurisdiction || !ta.Server.APIEnabled(rt) {
			continue
		}
		act, ok := jurisdictionAction[k]
		if !ok {
			t.Fatalf("route %s has no action in jurisdictionAction", k)
		}
		for _, u := range RoleUsers {
			if pinggu.Allowed(ta.actors[u], act, pinggu.Subject{Province: ta.OrgB.Province}) {
				continue // the role keeps the whole country
			}
			before := ta.snapshot()
			res := ta.clients[u].Do(rt.Method, rt.Pattern, tc.body(ta.App))
			if res.Status != http.StatusForbidden && res.Status != http.StatusNotFound {
				t.Errorf("%s as %s for another province: status %d, want 403 or 404; body %s", k, u, res.Status, res.Body)
			}
			if d := before.diff(ta.snapshot()); d != "" {
				t.Errorf("%s as %s for another province changed the database:\n%s", k, u, d)
			}
			exercised++
		}
	}
	if ta.Services.Patrol != nil && exercised == 0 {
		t.Fatal("no jurisdiction route exercised")
	}
}

// The import of a patrol list refuses a file naming another tenant's
// organisation as owner, whole: the row names no owner the caller sees.
func TestTenancyPatrolImportNamesNoForeignOwner(t *testing.T) {
	t.Parallel()
	ta := newTenancyApp(t)
	own := ta.modules["patrol"].([2]*patrolFixture)[1].list // tenant A's province
	for _, u := range []string{UserBureauGD} {
		before := ta.snapshot()
		file := CSVLines("网址,所属单位", "https://z.example.cn/,"+ta.OrgB.USCC)
		res := ta.clients[u].DoType("POST", "/api/patrol/lists/"+ID(own.ID)+"/import", "text/csv", file)
		if res.Status != http.StatusBadRequest || !res.Problem(t).HasFieldError(2, "owner") {
			t.Errorf("import as %s naming tenant B: status %d, want 400 naming line 2 owner; body %s", u, res.Status, res.Body)
		}
		if strings.Contains(string(res.Body), ta.OrgB.Name) {
			t.Errorf("the answer names tenant B: %s", res.Body)
		}
		if d := before.diff(ta.snapshot()); d != "" {
			t.Errorf("the refused import changed the database:\n%s", d)
		}
	}
}

// Patrol's pages in the cross-tenant test.
func init() {
	toB := func(a *App) url.Values {
		return url.Values{"name": {"越权"}, "province": {a.OrgB.Province}, "from": {"2026-01-01"}, "to": {"2026-01-31"}}
	}
	addUITenancyRoutes(map[string]uiTenancyCase{
		"GET /patrol":             {kind: uiList, record: recPatrolWarning, present: true},
		"GET /patrol/targets":     {kind: uiList, record: recPatrolTarget, present: true},
		"GET /patrol/targets/new": {kind: uiForm},
		"POST /patrol/targets": {kind: uiCreate, form: func(a *App) url.Values {
			return url.Values{"list_id": {"1"}, "url": {"https://x.example.cn/"}, "org_id": {ID(a.OrgB.ID)}}
		}},
		"GET /patrol/targets/{id}":               {kind: uiRecord, record: recPatrolTarget},
		"GET /patrol/targets/{id}/edit":          {kind: uiRecord, record: recPatrolTarget},
		"POST /patrol/targets/{id}":              {kind: uiRecord, record: recPatrolTarget, form: func(*App) url.Values { return url.Values{"url": {"https://moved.example.cn/"}} }},
		"POST /patrol/targets/{id}/recheck":      {kind: uiRecord, record: recPatrolTarget},
		"POST /patrol/targets/{id}/allows":       {kind: uiRecord, record: recPatrolTarget, form: func(*App) url.Values { return url.Values{"reason": {"越权白名单"}} }},
		"POST /patrol/allows/{id}/delete":        {kind: uiRecord, record: recPatrolAllow},
		"GET /patrol/lists":                      {kind: uiList, record: recPatrolList, present: true},
		"POST /patrol/lists":                     {kind: uiCreate, form: toB},
		"GET /patrol/lists/template.csv":         {kind: uiForm},
		"GET /patrol/lists/{id}":                 {kind: uiRecord, record: recPatrolList},
		"POST /patrol/lists/{id}/import":         {kind: uiRecord, record: recPatrolList},
		"GET /patrol/plans":                      {kind: uiList, record: recPatrolPlan, present: true},
		"GET /patrol/plans/new":                  {kind: uiForm},
		"POST /patrol/plans":                     {kind: uiCreate, form: toB},
		"GET /patrol/plans/{id}":                 {kind: uiRecord, record: recPatrolPlan},
		"GET /patrol/plans/{id}/edit":            {kind: uiRecord, record: recPatrolPlan},
		"POST /patrol/plans/{id}":                {kind: uiRecord, record: recPatrolPlan, form: func(*App) url.Values { return url.Values{"name": {"越权改名"}} }},
		"POST /patrol/plans/{id}/run":            {kind: uiRecord, record: recPatrolPlan},
		"GET /patrol/runs/{id}":                  {kind: uiRecord, record: recPatrolRun},
		"GET /patrol/snapshots/{id}":             {kind: uiRecord, record: recPatrolSnapshot},
		"GET /patrol/findings":                   {kind: uiList, record: recPatrolFinding, present: true},
		"GET /patrol/warnings":                   {kind: uiList, record: recPatrolWarning, present: true},
		"GET /patrol/warnings/{id}":              {kind: uiRecord, record: recPatrolWarning},
		"POST /patrol/warnings/{id}/acknowledge": {kind: uiRecord, record: recPatrolWarning},
		"POST /patrol/warnings/{id}/dispose":     {kind: uiRecord, record: recPatrolWarning, form: func(*App) url.Values { return url.Values{"disposal": {"false_positive"}, "note": {"越权"}} }},
		"POST /patrol/warnings/{id}/recheck":     {kind: uiRecord, record: recPatrolWarning},
		"GET /patrol/bulletins":                  {kind: uiList, record: recBulletin, present: true},
		"POST /patrol/bulletins":                 {kind: uiCreate, form: toB},
		"GET /patrol/bulletins/{id}":             {kind: uiRecord, record: recBulletin},
	})
}

// patrolNotices are the notices the patrol fixtures wrote (their warnings,
// bulletins and the case supplemented with a snapshot), read from the
// database with their recipients.
func patrolNotices(ta *tenancyApp) []ledgerRecord {
	db := ta.DB.SQL()
	q := func(sql string) string {
		if ta.DB.Dialect() == "postgres" {
			return strings.Replace(sql, "?", "$1", 1)
		}
		return sql
	}
	// case.supplemented: the snapshot given to the partner department (the
	// cooperation fixtures drop their own notices).
	rows, err := db.Query("SELECT id, org_id, province, title FROM notices WHERE kind LIKE 'patrol.%' OR kind = 'case.supplemented' ORDER BY id")
	if err != nil {
		ta.T.Fatal(err)
	}
	var out []ledgerRecord
	for rows.Next() {
		var r ledgerRecord
		if err := rows.Scan(&r.id, &r.orgID, &r.province, &r.name); err != nil {
			ta.T.Fatal(err)
		}
		out = append(out, r)
	}
	rows.Close()
	for i := range out {
		rs, err := db.Query(q("SELECT party, org_id, province FROM notice_recipients WHERE notice_id = ?"), out[i].id)
		if err != nil {
			ta.T.Fatal(err)
		}
		var to []pinggu.Recipient
		for rs.Next() {
			var r pinggu.Recipient
			if err := rs.Scan(&r.Party, &r.OrgID, &r.Province); err != nil {
				ta.T.Fatal(err)
			}
			to = append(to, r)
		}
		rs.Close()
		out[i].sees = func(a *pinggu.Actor) bool {
			for _, r := range to {
				if r.Reaches(a) {
					return true
				}
			}
			return false
		}
	}
	return out
}
