package web_test

import (
	"net/http"
	"net/url"
	"strings"
	"testing"

	. "github.com/pinggu/pinggu/web/webtest"

	"github.com/pinggu/pinggu"
	"github.com/pinggu/pinggu/web/ui"
)

// uiTenancyKind says how the cross-tenant test exercises a page.
type uiTenancyKind int

const (
	// uiPublic: the pages of anonymous visitors (login, language, home).
	uiPublic uiTenancyKind = iota + 1
	// uiSelf: the caller's own account; the request names no other record.
	uiSelf
	// uiRecord: {id} names a record; another tenant's answers the one 404
	// page, names nothing of it and changes nothing.
	uiRecord
	// uiList: a list or summary page; another tenant's records are not
	// named (and with present, the caller's own are).
	uiList
	// uiForm: a blank form, import page or CSV template; it names no record
	// of another tenant (a form's choices stay in scope).
	uiForm
	// uiCreate: a form that creates under an organisation; naming another
	// tenant's answers 404 (or the form again with the field refused) and
	// changes nothing.
	uiCreate
	// uiAdmin: accounts and audit. Roles without the duty get 403; the duty
	// spans every tenant by design.
	uiAdmin
	// uiShared: the standards library and the module pages, the same for
	// every signed-in role and no tenant's records.
	uiShared
)

// uiTenancyCase classifies one page of the UI's route table.
type uiTenancyCase struct {
	kind    uiTenancyKind
	record  recordKind            // uiRecord: what {id} names; uiList: what is listed
	present bool                  // uiList: the caller's own records must be listed
	form    func(*App) url.Values // what a POST sends
}

// uiTenancyRoutes classifies every page of ui.Routes(); each module adds
// its block with addUITenancyRoutes from its own test file.
var uiTenancyRoutes = map[string]uiTenancyCase{}

// addUITenancyRoutes adds a module's block of page classifications.
func addUITenancyRoutes(block map[string]uiTenancyCase) { addCases(uiTenancyRoutes, block) }

func uiRouteKey(rt ui.Route) string { return rt.Method + " " + rt.Pattern }

func init() {
	addUITenancyRoutes(map[string]uiTenancyCase{
		"GET /{$}":                                 {kind: uiPublic},
		"GET /login":                               {kind: uiPublic},
		"POST /login":                              {kind: uiPublic},
		"GET /login/sso":                           {kind: uiPublic},
		"GET /login/sso/callback":                  {kind: uiPublic},
		"POST /logout":                             {kind: uiPublic},
		"POST /lang":                               {kind: uiPublic},
		"GET /account/password":                    {kind: uiSelf},
		"POST /account/password":                   {kind: uiSelf},
		"GET /account/tokens":                      {kind: uiSelf},
		"POST /account/tokens":                     {kind: uiSelf},
		"POST /account/tokens/{id}/revoke":         {kind: uiRecord, record: recToken},
		"GET /dashboard":                           {kind: uiList, record: recService},
		"GET /modules/{name}":                      {kind: uiShared},
		"GET /accounts":                            {kind: uiAdmin},
		"GET /accounts/new":                        {kind: uiAdmin},
		"POST /accounts":                           {kind: uiAdmin},
		"GET /accounts/{id}/edit":                  {kind: uiRecord, record: recUser},
		"POST /accounts/{id}":                      {kind: uiRecord, record: recUser},
		"POST /accounts/{id}/password":             {kind: uiRecord, record: recUser},
		"POST /accounts/{id}/unlock":               {kind: uiRecord, record: recUser},
		"GET /account-confirmations":               {kind: uiList, record: recUser},
		"POST /account-confirmations/{id}/confirm": {kind: uiRecord, record: recUser},
		"POST /account-confirmations/{id}/refuse": {kind: uiRecord, record: recUser,
			form: func(*App) url.Values { return url.Values{"reason": {"身份无法核实"}} }},
		"GET /audit":         {kind: uiAdmin},
		"POST /audit/verify": {kind: uiAdmin},
	})
}

func TestTenancyClassifiesEveryUIRoute(t *testing.T) {
	t.Parallel()
	inTable := map[string]bool{}
	for _, rt := range ui.Routes() {
		k := uiRouteKey(rt)
		inTable[k] = true
		c, ok := uiTenancyRoutes[k]
		if !ok {
			t.Errorf("page %s is not classified in uiTenancyRoutes: decide how it keeps tenants apart and add it", k)
			continue
		}
		// Only the standards library's pages take an {id} that is no
		// tenant's record.
		if got, want := c.kind == uiRecord, rt.TakesID() && c.kind != uiShared; got != want {
			t.Errorf("page %s: classified as record page %v, but its path names a record: %v", k, got, want)
		}
		if got, want := c.kind == uiPublic, rt.Public(); got != want {
			t.Errorf("page %s: classified as public %v, but it answers anonymous visitors: %v", k, got, want)
		}
	}
	for k := range uiTenancyRoutes {
		if !inTable[k] {
			t.Errorf("uiTenancyRoutes classifies %s, which is not in the UI's route table", k)
		}
	}
}

// uiRequest sends the page's request: GET, or POST with the case's form.
func uiRequest(a *App, c *Client, rt ui.Route, path string, tc uiTenancyCase) Page {
	if rt.Method == http.MethodGet {
		return c.Get(path)
	}
	v := url.Values{}
	if tc.form != nil {
		v = tc.form(a)
	}
	return c.Post(path, v)
}

// foreignNames lists the names of every fixture record the actor must not
// see, of every kind.
func (ta *tenancyApp) foreignNames(actor *pinggu.Actor) []string {
	var out []string
	for k := range tenancyRecords {
		for _, r := range ta.records(k) {
			if !r.visibleTo(actor) {
				out = append(out, r.name)
			}
		}
	}
	return out
}

// TestTenancyUIRecordRoutes opens every page that names a record with
// another tenant's record, as every role: it answers the one 404 page (or
// 403 for a role without the module), names nothing of the record and
// changes nothing.
func TestTenancyUIRecordRoutes(t *testing.T) {
	t.Parallel()
	ta := newTenancyApp(t)
	exercised := map[string]int{}
	for _, rt := range ui.Routes() {
		k := uiRouteKey(rt)
		tc := uiTenancyRoutes[k]
		if tc.kind != uiRecord || !ta.Server.UIEnabled(rt) {
			continue
		}
		for _, u := range RoleUsers {
			actor, c := ta.actors[u], ta.clients[u]
			fid, fname, ok := ta.foreign(actor, tc.record)
			if !ok {
				continue
			}
			path := strings.ReplaceAll(rt.Pattern, "{id}", ID(fid))
			want := http.StatusNotFound
			if !rt.Gate(actor) {
				want = http.StatusForbidden
			}
			before := ta.snapshot()
			p := uiRequest(ta.App, c, rt, path, tc)
			if p.Status != want {
				t.Errorf("%s as %s on another tenant's record %s: status %d, want %d; page %s", k, u, path, p.Status, want, Text(p.Body))
			}
			if strings.Contains(p.Body, fname) {
				t.Errorf("%s as %s: the page names the foreign record %q", k, u, fname)
			}
			if d := before.diff(ta.snapshot()); d != "" {
				t.Errorf("%s as %s on another tenant's record changed the database:\n%s", k, u, d)
			}
			exercised[k]++
		}
	}
	for k, tc := range uiTenancyRoutes {
		if tc.kind == uiRecord && exercised[k] == 0 && ta.uiEnabled(k) {
			t.Errorf("record page %s was never exercised against another tenant", k)
		}
	}
}

// TestTenancyUIPagesNameNothingForeign opens every list, form, summary and
// shared page as every role the page admits: none names another tenant's
// record, lists marked present name the caller's own, and forms that
// create under another tenant's organisation are refused without a change.
func TestTenancyUIPagesNameNothingForeign(t *testing.T) {
	t.Parallel()
	ta := newTenancyApp(t)
	exercised := map[string]int{}
	for _, rt := range ui.Routes() {
		k := uiRouteKey(rt)
		tc := uiTenancyRoutes[k]
		if !ta.Server.UIEnabled(rt) {
			continue
		}
		switch tc.kind {
		case uiList, uiForm, uiShared, uiCreate:
		default:
			continue
		}
		path := strings.NewReplacer("{name}", "patrol", "{id}", "im").Replace(rt.Pattern)
		path = strings.TrimSuffix(path, "{$}")
		for _, u := range RoleUsers {
			actor, c := ta.actors[u], ta.clients[u]
			if !rt.Gate(actor) {
				continue
			}
			if tc.kind == uiCreate && actor.LedgerScope().Covers(ta.OrgB.ID, ta.OrgB.Province) {
				continue // tenant B is not another tenant for this role
			}
			before := ta.snapshot()
			p := uiRequest(ta.App, c, rt, path, tc)
			switch {
			case tc.kind == uiCreate:
				if p.Status != http.StatusNotFound && p.Status != http.StatusUnprocessableEntity && p.Status != http.StatusForbidden {
					t.Errorf("%s as %s under another tenant's organisation: status %d, want 404, 422 or 403; page %s", k, u, p.Status, Text(p.Body))
				}
			case tc.kind == uiForm && p.Status == http.StatusForbidden:
				// A role that may not write the ledger has no form; the
				// refusal is about the role, not about any record.
			case p.Status != http.StatusOK:
				t.Errorf("%s as %s: status %d, want 200; page %s", k, u, p.Status, Text(p.Body))
			}
			for _, name := range ta.foreignNames(actor) {
				if strings.Contains(p.Body, name) {
					t.Errorf("%s as %s names another tenant's record %q", k, u, name)
				}
			}
			if tc.present {
				for _, r := range ta.records(tc.record) {
					if r.visibleTo(actor) && !strings.Contains(p.Body, r.name) {
						t.Errorf("%s as %s does not list its own %q", k, u, r.name)
					}
				}
			}
			after := ta.snapshot()
			if rt.Method == http.MethodGet && actor.AuditsReads() {
				// A partner department's reads are on the audit record by design.
				delete(before, "audit entries")
				delete(after, "audit entries")
			}
			if d := before.diff(after); d != "" {
				t.Errorf("%s as %s changed the database:\n%s", k, u, d)
			}
			exercised[k]++
		}
	}
	for k, tc := range uiTenancyRoutes {
		switch tc.kind {
		case uiList, uiForm, uiShared, uiCreate:
			if exercised[k] == 0 && ta.uiEnabled(k) {
				t.Errorf("page %s was never exercised", k)
			}
		}
	}
}

// TestTenancyUIAdminRoutes: the pages of accounts and audit answer 403 to
// every role without the duty, and change nothing.
func TestTenancyUIAdminRoutes(t *testing.T) {
	t.Parallel()
	ta := newTenancyApp(t)
	for _, rt := range ui.Routes() {
		k := uiRouteKey(rt)
		tc := uiTenancyRoutes[k]
		if tc.kind != uiAdmin {
			continue
		}
		for _, u := range RoleUsers {
			actor := ta.actors[u]
			if rt.Gate(actor) {
				continue // the duty spans every tenant; its own tests cover it
			}
			before := ta.snapshot()
			p := uiRequest(ta.App, ta.clients[u], rt, rt.Pattern, tc)
			if p.Status != http.StatusForbidden {
				t.Errorf("%s as %s: status %d, want 403", k, u, p.Status)
			}
			if d := before.diff(ta.snapshot()); d != "" {
				t.Errorf("%s as %s changed the database:\n%s", k, u, d)
			}
		}
	}
}

// uiEnabled reports whether the page keyed k is served by this app.
func (ta *tenancyApp) uiEnabled(k string) bool {
	for _, rt := range ui.Routes() {
		if uiRouteKey(rt) == k {
			return ta.Server.UIEnabled(rt)
		}
	}
	return false
}
