package web_test

import (
	"encoding/json"
	"net/http"
	"net/url"
	"testing"

	. "github.com/pinggu/pinggu/web/webtest"

	"github.com/pinggu/pinggu"
	"github.com/pinggu/pinggu/web/api"
)

// tStats: a route of figures rather than records. Every figure must equal
// the same query counted from the records in the caller's own scope, and a
// role without a ledger scope gets 403.
const tStats tenancyKind = 400

// tNational: a duty of the ministry over a public record (a certificate
// of the register); every other role gets 403 and nothing changes.
const tNational tenancyKind = 401

// Record kinds of the statistics-and-people modules.
const (
	recCertApp recordKind = 400 + iota
	recAttachment
	recStatsBulletin
	recTypical
)

// tAudience: a list of records published to an audience rather than owned
// in the ledger (bulletins, typical cases): it lists exactly the fixture
// records the caller's audience sees.
const tAudience tenancyKind = 402

// nationalDuties are the routes of tNational: the action that decides who
// may use each, and a body that would do something.
var nationalDuties = map[string]struct {
	act  pinggu.Action
	body func(*tenancyApp) any
}{
	"POST /api/certification/changes": {pinggu.ActCertChange, func(ta *tenancyApp) any {
		return map[string]any{"certificate_id": ta.CertThird.ID, "action": "suspend", "reason": "越权暂停"}
	}},
	"POST /api/bulletins": {pinggu.ActBulletinDraft, func(*tenancyApp) any { return map[string]any{"period": "2026-Q1", "title": "越权起草"} }},
	"POST /api/typical-cases": {pinggu.ActTypicalWrite, func(*tenancyApp) any {
		return map[string]any{"title": "越权案例", "quarter": "2026-Q1", "category": "fraud", "summary": "x", "measures": "x", "lessons": "x"}
	}},
}

// Statistics and certification in the cross-tenant test.
func init() {
	addTenancyRoutes(map[string]tenancyCase{
		"GET /api/dashboard":                                 {kind: tStats},
		"GET /api/stats":                                     {kind: tStats},
		"GET /api/stats/metrics":                             {kind: tPublic},
		"GET /api/stats/incidents":                           {kind: tStats},
		"GET /api/certification/register":                    {kind: tPublic},
		"GET /api/certification/criteria":                    {kind: tPublic},
		"GET /api/certification/applications":                {kind: tList, record: recCertApp},
		"POST /api/certification/applications":               {kind: tSelf},
		"GET /api/certification/applications/{id}":           {kind: tRecord, record: recCertApp},
		"PUT /api/certification/applications/{id}/answers":   {kind: tRecord, record: recCertApp, body: func(*App) any { return map[string]any{"C1": map[string]any{"met": true, "note": "越权修改"}} }},
		"POST /api/certification/applications/{id}/evidence": {kind: tRecord, record: recCertApp},
		"POST /api/certification/applications/{id}/submit":   {kind: tRecord, record: recCertApp},
		"POST /api/certification/applications/{id}/decision": {kind: tRecord, record: recCertApp, body: func(*App) any { return map[string]any{"decision": "rejected", "comment": "越权"} }},
		"POST /api/certification/changes":                    {kind: tNational},
		"GET /api/attachments/{id}":                          {kind: tRecord, record: recAttachment},
		"GET /api/bulletins":                                 {kind: tAudience, record: recStatsBulletin},
		"POST /api/bulletins":                                {kind: tNational},
		"GET /api/bulletins/{id}":                            {kind: tRecord, record: recStatsBulletin},
		"PUT /api/bulletins/{id}":                            {kind: tRecord, record: recStatsBulletin, body: func(*App) any { return map[string]any{"title": "越权修改"} }},
		"POST /api/bulletins/{id}/steps":                     {kind: tRecord, record: recStatsBulletin, body: func(*App) any { return map[string]any{"step": "return", "reason": "越权"} }},
		"GET /api/bulletins/{id}/bulletin.pdf":               {kind: tRecord, record: recStatsBulletin},
		"GET /api/bulletins/{id}/bulletin.xlsx":              {kind: tRecord, record: recStatsBulletin},
		"GET /api/typical-cases":                             {kind: tAudience, record: recTypical},
		"POST /api/typical-cases":                            {kind: tNational},
		"GET /api/typical-cases/{id}":                        {kind: tRecord, record: recTypical},
		"PUT /api/typical-cases/{id}":                        {kind: tRecord, record: recTypical, body: func(*App) any { return map[string]any{"title": "越权修改"} }},
		"POST /api/typical-cases/{id}/publish":               {kind: tRecord, record: recTypical},
	})
	// A published bulletin is seen by those its lines name; a case by its
	// audience.
	tenancyRecords[recStatsBulletin] = func(ta *tenancyApp) []ledgerRecord {
		b, err := ta.DB.FindBulletin(SysCtx(), ta.Bulletin.ID)
		if err != nil {
			ta.T.Fatal(err)
		}
		return []ledgerRecord{{id: b.ID, name: b.Title, sees: func(a *pinggu.Actor) bool {
			au := a.BulletinAudience()
			for _, l := range b.Lines {
				if au.Sees(l) {
					return true
				}
			}
			return false
		}}}
	}
	tenancyRecords[recTypical] = func(ta *tenancyApp) []ledgerRecord {
		k := ta.TypicalDraft
		return []ledgerRecord{{id: k.ID, name: k.Title, sees: func(a *pinggu.Actor) bool { return a.TypicalAudience().SeesTypical(k) }}}
	}
	addUITenancyRoutes(map[string]uiTenancyCase{
		"GET /certification":                             {kind: uiPublic},
		"POST /certification/changes":                    {kind: uiAdmin},
		"GET /certification/applications":                {kind: uiList, record: recCertApp, present: true},
		"GET /certification/applications/new":            {kind: uiForm},
		"POST /certification/applications":               {kind: uiSelf},
		"GET /certification/applications/{id}":           {kind: uiRecord, record: recCertApp},
		"POST /certification/applications/{id}/answers":  {kind: uiRecord, record: recCertApp},
		"POST /certification/applications/{id}/evidence": {kind: uiRecord, record: recCertApp},
		"POST /certification/applications/{id}/submit":   {kind: uiRecord, record: recCertApp},
		"POST /certification/applications/{id}/decision": {kind: uiRecord, record: recCertApp},
		"GET /bulletins":                                 {kind: uiList, record: recStatsBulletin, present: true},
		"GET /bulletins/new":                             {kind: uiForm},
		"POST /bulletins":                                {kind: uiAdmin, form: func(*App) url.Values { return url.Values{"period": {"2026-Q1"}} }},
		"GET /bulletins/{id}":                            {kind: uiRecord, record: recStatsBulletin},
		"POST /bulletins/{id}":                           {kind: uiRecord, record: recStatsBulletin, form: func(*App) url.Values { return url.Values{"title": {"越权修改"}} }},
		"POST /bulletins/{id}/steps":                     {kind: uiRecord, record: recStatsBulletin, form: func(*App) url.Values { return url.Values{"step": {"return"}, "reason": {"越权"}} }},
		"GET /typical-cases":                             {kind: uiList, record: recTypical, present: true},
		"GET /typical-cases/new":                         {kind: uiForm},
		"POST /typical-cases":                            {kind: uiAdmin},
		"GET /typical-cases/{id}":                        {kind: uiRecord, record: recTypical},
		"GET /typical-cases/{id}/edit":                   {kind: uiRecord, record: recTypical},
		"POST /typical-cases/{id}":                       {kind: uiRecord, record: recTypical},
		"POST /typical-cases/{id}/publish":               {kind: uiRecord, record: recTypical},
		"GET /attachments/{id}":                          {kind: uiRecord, record: recAttachment},
	})
	// An application is seen by its body, the ministry and support
	// institutions; its files likewise.
	tenancyRecords[recCertApp] = func(ta *tenancyApp) []ledgerRecord {
		app, err := ta.DB.FindCertApplication(SysCtx(), ta.CertThird.ApplicationID)
		if err != nil {
			ta.T.Fatal(err)
		}
		return []ledgerRecord{{id: app.ID, orgID: app.OrgID, province: app.Province, name: app.OrgName + pinggu.CertLevelLabels[app.Level].Zh + "能力认定申请",
			sees: func(a *pinggu.Actor) bool { return pinggu.Allowed(a, pinggu.ActCertView, pinggu.CertAppSubject(app)) }}}
	}
	tenancyRecords[recAttachment] = func(ta *tenancyApp) []ledgerRecord {
		app, err := ta.DB.FindCertApplication(SysCtx(), ta.CertThird.ApplicationID)
		if err != nil {
			ta.T.Fatal(err)
		}
		var out []ledgerRecord
		for _, f := range app.Files {
			out = append(out, ledgerRecord{id: f.ID, orgID: app.OrgID, province: app.Province, name: f.SHA256,
				sees: func(a *pinggu.Actor) bool { return pinggu.Allowed(a, pinggu.ActCertView, pinggu.CertAppSubject(app)) }})
		}
		return out
	}
}

// TestTenancyNationalRoutes: the ministry's duties over the register
// answer 403 to every other role and change nothing.
func TestTenancyNationalRoutes(t *testing.T) {
	t.Parallel()
	ta := newTenancyApp(t)
	// The register, bulletins and cases, beside the shared snapshot.
	register := func() string {
		list, _, err := ta.DB.Register(SysCtx(), pinggu.CertFilter{})
		bs, _, err2 := ta.DB.ListBulletins(SysCtx(), pinggu.BulletinFilter{})
		ks, _, err3 := ta.DB.ListTypicalCases(SysCtx(), pinggu.TypicalFilter{})
		if err != nil || err2 != nil || err3 != nil {
			t.Fatal(err, err2, err3)
		}
		b, _ := json.Marshal([]any{list, bs, ks})
		return string(b)
	}
	exercised := 0
	for _, rt := range api.Routes() {
		if tenancyRoutes[routeKey(rt)].kind != tNational {
			continue
		}
		duty, ok := nationalDuties[routeKey(rt)]
		if !ok {
			t.Fatalf("%s has no entry in nationalDuties", routeKey(rt))
		}
		for _, u := range RoleUsers {
			if ta.actors[u].May(duty.act) {
				continue
			}
			before, reg := ta.snapshot(), register()
			res := ta.clients[u].Do(rt.Method, rt.Pattern, duty.body(ta))
			if res.Status != http.StatusForbidden {
				t.Errorf("%s as %s: status %d, want 403; body %s", routeKey(rt), u, res.Status, res.Body)
			}
			if d := before.diff(ta.snapshot()); d != "" || reg != register() {
				t.Errorf("%s as %s changed the database:\n%s", routeKey(rt), u, d)
			}
			exercised++
		}
	}
	if exercised == 0 {
		t.Fatal("no national route exercised")
	}
}

// The notices this seeding wrote join the inbox's fixture
// records (this file's init runs after tenancy_notice_test.go's).
func init() {
	inbox := tenancyRecords[recNotice]
	tenancyRecords[recNotice] = func(ta *tenancyApp) []ledgerRecord {
		out := inbox(ta)
		for _, n := range ta.StatNotices {
			out = append(out, ledgerRecord{id: n.ID, name: n.Title, sees: func(a *pinggu.Actor) bool {
				for _, r := range n.Recipients {
					if r.Reaches(a) {
						return true
					}
				}
				return false
			}})
		}
		return out
	}
}

// TestTenancyStatsRoutes: the dashboard and the metrics API count only
// what the caller may see, and exactly that.
func TestTenancyStatsRoutes(t *testing.T) {
	t.Parallel()
	ta := newTenancyApp(t)
	for _, u := range RoleUsers {
		actor, c := ta.actors[u], ta.clients[u]
		ctx := pinggu.WithActor(SysCtx(), actor)
		res := c.Do("GET", "/api/dashboard", nil)
		if actor.LedgerScope().Kind == pinggu.ScopeNone {
			MustStatus(t, res, http.StatusForbidden, "dashboard as "+u)
			MustStatus(t, c.Do("GET", "/api/stats?metric=ledger.services", nil), http.StatusForbidden, "stats as "+u)
			continue
		}
		MustStatus(t, res, http.StatusOK, "dashboard as "+u)
		var d pinggu.Dashboard
		res.Decode(t, &d)
		if len(d.Figures) == 0 {
			t.Fatalf("dashboard as %s has no figures", u)
		}
		check := func(what string, got int64, q pinggu.StatQuery) {
			rows, err := ta.DB.CountDirect(ctx, q)
			if err != nil {
				t.Fatalf("%s as %s: %v", what, u, err)
			}
			if want := pinggu.Total(rows); got != want {
				t.Errorf("%s as %s = %d, counted from the records in its scope %d", what, u, got, want)
			}
		}
		for _, f := range append(append(d.Figures, d.Categories...), d.Statuses...) {
			check(f.Key, f.Value, f.Query)
		}
		for _, r := range d.Ranking {
			for _, cell := range r.Cells {
				check(cell.Key+" of "+r.Province, cell.Value, cell.Query)
			}
		}
		// The incidents' response times: for those who command incidents,
		// every cell equals its query counted from the records in scope;
		// anyone else (a notified party) gets 403.
		res = c.Do("GET", "/api/stats/incidents", nil)
		if !pinggu.CommandsIncidents(actor) {
			MustStatus(t, res, http.StatusForbidden, "incident statistics as "+u)
		} else {
			MustStatus(t, res, http.StatusOK, "incident statistics as "+u)
			var st pinggu.IncidentStats
			res.Decode(t, &st)
			rows := append(append([]pinggu.IncidentStatsRow{st.Total, st.Drills}, st.Levels...), st.Provinces...)
			for _, row := range rows {
				for _, cell := range row.Cells {
					check(row.Key+" "+cell.Key, cell.Value, cell.Query)
				}
			}
			if j, _ := actor.Jurisdiction(); !j.National && (st.Province != actor.Province || len(st.Provinces) > 0) {
				t.Errorf("incident statistics as %s cover %q and %d provinces, want its own province only", u, st.Province, len(st.Provinces))
			}
		}
		// The services each role sees in its list are the services it
		// counts, and another tenant's never.
		_, listed, err := ta.DB.ListServices(ctx, pinggu.ServiceFilter{})
		if err != nil {
			t.Fatal(err)
		}
		var stats struct {
			Total int64 `json:"total"`
		}
		res = c.Do("GET", "/api/stats?metric=ledger.services&by=province", nil)
		MustStatus(t, res, http.StatusOK, "stats as "+u)
		res.Decode(t, &stats)
		if stats.Total != int64(listed) {
			t.Errorf("stats of services as %s = %d, its list holds %d", u, stats.Total, listed)
		}
		res = c.Do("GET", "/api/stats?metric=ledger.services&province="+ta.OrgB.Province, nil)
		res.Decode(t, &stats)
		if sees := actor.LedgerScope().Covers(ta.OrgB.ID, ta.OrgB.Province); !sees && stats.Total != 0 {
			t.Errorf("stats as %s count %d services of tenant B's province", u, stats.Total)
		}
	}
}

// TestTenancyAudienceRoutes: lists of published records hold exactly what
// the caller's audience sees.
func TestTenancyAudienceRoutes(t *testing.T) {
	t.Parallel()
	ta := newTenancyApp(t)
	exercised := 0
	for _, rt := range api.Routes() {
		tc := tenancyRoutes[routeKey(rt)]
		if tc.kind != tAudience || !ta.Server.APIEnabled(rt) {
			continue
		}
		for _, u := range RoleUsers {
			res := ta.clients[u].Do(rt.Method, rt.Pattern+"?limit=500", nil)
			MustStatus(t, res, http.StatusOK, routeKey(rt)+" as "+u)
			var got, want []int64
			for _, it := range listedItems(t, res) {
				got = append(got, num(it["id"]))
			}
			for _, r := range ta.records(tc.record) {
				if r.visibleTo(ta.actors[u]) {
					want = append(want, r.id)
				}
			}
			if !SameIDs(got, want) {
				t.Errorf("%s as %s = %v, want exactly %v", routeKey(rt), u, got, want)
			}
			exercised++
		}
	}
	if exercised == 0 {
		t.Fatal("no audience route exercised")
	}
}
