package web_test

import (
	"encoding/json"
	"fmt"
	"net/http"
	"reflect"
	"sort"
	"strings"
	"testing"

	. "github.com/pinggu/pinggu/web/webtest"

	"github.com/pinggu/pinggu"
	"github.com/pinggu/pinggu/web/api"
	"github.com/pinggu/pinggu/web/httpx"
)

// tenancyKind says how the cross-tenant test exercises a route.
type tenancyKind int

const (
	// tRecord: the path names a record; with another tenant's record it
	// answers 404 and changes nothing.
	tRecord tenancyKind = iota + 1
	// tList: another tenant's records are absent; exactly the records in the
	// caller's scope are present.
	tList
	// tCreate: creating under another tenant's organisation answers 404 and
	// changes nothing.
	tCreate
	// tImport: a file naming another tenant's organisation is refused whole.
	tImport
	// tExport: another tenant's records are absent from the file.
	tExport
	// tAdmin: account and audit administration. Roles without that duty get
	// 403; the duty itself spans every tenant by design (separation of duties).
	tAdmin
	// tSelf: acts on the caller alone; the request names no other record.
	tSelf
	// tPublic: reference data and the session endpoints, no records.
	tPublic
	// tShared: the library of standards, the same for every signed-in role;
	// it holds no tenant's records.
	tShared
	// tMinistry: publishing standards, the ministry's duty alone; every other
	// role gets 403 and nothing changes.
	tMinistry
)

// recordKind is what a route's {id} names.
type recordKind int

const (
	recOrg recordKind = iota + 1
	recLicence
	recService
	recUser
	recToken
	recAssessment
	recEvidence
	recReminder
)

// tenancyCase classifies one route of the table.
type tenancyCase struct {
	kind   tenancyKind
	record recordKind     // tRecord: what {id} names; tList/tExport: what is listed
	body   func(*App) any // a plausible body
	// move, for updates, is a body that moves the caller's own record under
	// another tenant's organisation.
	move func(a *App, foreign *pinggu.Organisation) any
}

// tenancyRoutes classifies every route of api.Routes(). A route missing here
// fails TestTenancyClassifiesEveryRoute, so no endpoint ships untested. Each
// module adds its block with addTenancyRoutes from its own test file
// (tenancy_ledger_test.go, tenancy_assessment_test.go, …).
var tenancyRoutes = map[string]tenancyCase{}

// addTenancyRoutes adds a module's block of API route classifications.
func addTenancyRoutes(block map[string]tenancyCase) { addCases(tenancyRoutes, block) }

// addCases adds a module's block of cases to a table; a route classified
// twice is a mistake of the module that found it.
func addCases[C any](table, block map[string]C) {
	for k, c := range block {
		if _, dup := table[k]; dup {
			panic("tenancy case of " + k + " added twice")
		}
		table[k] = c
	}
}

func init() {
	addTenancyRoutes(map[string]tenancyCase{
		"POST /api/login":            {kind: tPublic},
		"POST /api/logout":           {kind: tPublic},
		"GET /api/meta":              {kind: tPublic},
		"GET /api/openapi.json":      {kind: tPublic},
		"GET /api/me":                {kind: tSelf},
		"POST /api/me/password":      {kind: tSelf},
		"GET /api/me/tokens":         {kind: tList, record: recToken},
		"POST /api/me/tokens":        {kind: tSelf},
		"DELETE /api/me/tokens/{id}": {kind: tRecord, record: recToken},
	})
}

func routeKey(rt api.Route) string { return rt.Method + " " + rt.Pattern }

func TestTenancyClassifiesEveryRoute(t *testing.T) {
	t.Parallel()
	inTable := map[string]bool{}
	for _, rt := range api.Routes() {
		k := routeKey(rt)
		inTable[k] = true
		c, ok := tenancyRoutes[k]
		if !ok {
			t.Errorf("route %s is not classified in tenancyRoutes: decide how it keeps tenants apart and add it", k)
			continue
		}
		if got, want := c.kind == tRecord, rt.TakesID; got != want {
			t.Errorf("route %s: classified as record route %v, but TakesID is %v", k, got, want)
		}
		if c.kind == tSelf && rt.Request != nil {
			// A self route must not be able to name another record.
			for _, f := range reflect.VisibleFields(rt.Request) {
				if n := httpx.JSONName(f); n == "id" || strings.HasSuffix(n, "_id") {
					t.Errorf("self route %s takes %s in its body", k, n)
				}
			}
		}
	}
	for k := range tenancyRoutes {
		if !inTable[k] {
			t.Errorf("tenancyRoutes classifies %s, which is not in the route table", k)
		}
	}
}

// tenancyApp is an app with every role logged in and a token of tenant B's
// administrator to aim at.
type tenancyApp struct {
	*App
	clients    map[string]*Client
	actors     map[string]*pinggu.Actor
	adminB     *Client
	adminBUser *pinggu.Actor
	tokenB     *pinggu.APIToken
	// modules holds what a module's setup seeded, by module.
	modules map[string]any
}

// tenancySetups run when a tenancy app is made: a module seeds there the
// fixture records its routes name (tenancy_<module>_test.go).
var tenancySetups []func(*tenancyApp)

// tenancySnapshots add a module's tables to the snapshot the tests compare
// before and after each request.
var tenancySnapshots []func(*tenancyApp) map[string]any

func newTenancyApp(t *testing.T) *tenancyApp {
	a := NewApp(t)
	ta := &tenancyApp{App: a, clients: map[string]*Client{}, actors: map[string]*pinggu.Actor{}, modules: map[string]any{}}
	for _, u := range RoleUsers {
		c := a.Login(u)
		ta.clients[u] = c
		var actor pinggu.Actor
		res := c.Do("GET", "/api/me", nil)
		MustStatus(t, res, http.StatusOK, "me "+u)
		res.Decode(t, &actor)
		ta.actors[u] = &actor
	}
	ta.adminB = a.Login(UserEntAdminB)
	res := ta.adminB.Do("GET", "/api/me", nil)
	ta.adminBUser = &pinggu.Actor{}
	res.Decode(t, ta.adminBUser)
	res = ta.adminB.Do("POST", "/api/me/tokens", map[string]any{"name": "乙的脚本"})
	MustStatus(t, res, http.StatusCreated, "token of B")
	var created api.TokenCreated
	res.Decode(t, &created)
	ta.tokenB = created.Token
	for _, setup := range tenancySetups {
		setup(ta)
	}
	return ta
}

// snapshot renders every ledger record, every account, tenant B's tokens and
// the audit log's length, as the platform itself sees them.
func (ta *tenancyApp) snapshot() snapshot {
	t := ta.T
	t.Helper()
	ctx := SysCtx()
	all := pinggu.ListOptions{Limit: pinggu.MaxLimit}
	orgs, _, err1 := ta.DB.ListOrganisations(ctx, pinggu.OrganisationFilter{ListOptions: all})
	lics, _, err2 := ta.DB.ListLicences(ctx, pinggu.LicenceFilter{ListOptions: all})
	svcs, _, err3 := ta.DB.ListServices(ctx, pinggu.ServiceFilter{ListOptions: all})
	users, _, err4 := ta.DB.ListUsers(ctx, pinggu.UserFilter{ListOptions: all})
	tokens, err5 := ta.DB.ListTokens(pinggu.WithActor(ctx, ta.adminBUser))
	for _, err := range []error{err1, err2, err3, err4, err5} {
		if err != nil {
			t.Fatalf("snapshot: %v", err)
		}
	}
	snap := snapshot{}
	tables := map[string]any{"organisations": orgs, "licences": lics, "services": svcs, "users": users, "tokens of B": tokens, "audit entries": ta.CountAudit()}
	if as := ta.Services.Assessments; as != nil {
		// Each assessment whole: items, answers, comments and evidence.
		list, _, err := as.ListAssessments(ctx, pinggu.AssessmentFilter{ListOptions: all})
		if err != nil {
			t.Fatalf("snapshot: %v", err)
		}
		var full []*pinggu.Assessment
		for _, x := range list {
			f, err := as.FindAssessment(ctx, x.ID)
			if err != nil {
				t.Fatalf("snapshot: %v", err)
			}
			full = append(full, f)
		}
		tables["assessments"] = full
	}
	if rs := ta.Services.Reminders; rs != nil {
		list, _, err := rs.ListReminders(ctx, pinggu.ReminderFilter{ListOptions: all})
		if err != nil {
			t.Fatalf("snapshot: %v", err)
		}
		tables["reminders"] = list
	}
	for name, q := range snapshotQueries {
		tables[name] = ta.dumpRows(q)
	}
	var reads int
	if err := ta.DB.SQL().QueryRowContext(ctx, "SELECT count(*) FROM notice_reads").Scan(&reads); err != nil {
		t.Fatalf("snapshot: %v", err)
	}
	tables["notice reads"] = reads
	if ss := ta.Services.Standards; ss != nil {
		list, err := ss.ListStandards(ctx)
		if err != nil {
			t.Fatalf("snapshot: %v", err)
		}
		tables["standards"] = list
	}
	for _, more := range tenancySnapshots {
		for k, v := range more(ta) {
			tables[k] = v
		}
	}
	for k, v := range tables {
		b, err := json.Marshal(v)
		if err != nil {
			t.Fatalf("snapshot: %v", err)
		}
		snap[k] = string(b)
	}
	return snap
}

// snapshotQueries are further tables the snapshot renders, by name, each
// a query of its rows in a stable order; a module adds its own.
var snapshotQueries = map[string]string{}

// dumpRows renders every row of a query as text.
func (ta *tenancyApp) dumpRows(q string) []string {
	rows, err := ta.DB.SQL().QueryContext(SysCtx(), q)
	if err != nil {
		ta.T.Fatalf("snapshot %s: %v", q, err)
	}
	defer rows.Close()
	cols, _ := rows.Columns()
	var out []string
	for rows.Next() {
		vals := make([]any, len(cols))
		ptrs := make([]any, len(cols))
		for i := range vals {
			ptrs[i] = &vals[i]
		}
		if err := rows.Scan(ptrs...); err != nil {
			ta.T.Fatalf("snapshot %s: %v", q, err)
		}
		out = append(out, fmt.Sprint(vals...))
	}
	return out
}

// enabled reports whether the route keyed k is served by this app: the
// assessment routes answer only when the store keeps assessments.
func (ta *tenancyApp) enabled(k string) bool {
	for _, rt := range api.Routes() {
		if routeKey(rt) == k {
			return ta.Server.APIEnabled(rt)
		}
	}
	return false
}

// snapshot is the rendering of each table the test watches.
type snapshot map[string]string

// diff names the tables that differ between two snapshots, "" if none.
func (s snapshot) diff(after snapshot) string {
	var out []string
	for _, k := range sortedKeys(s) {
		if s[k] != after[k] {
			out = append(out, fmt.Sprintf("%s: before %s, after %s", k, s[k], after[k]))
		}
	}
	return strings.Join(out, "\n")
}

// ledgerRecord is a fixture record with what decides its tenancy.
type ledgerRecord struct {
	id       int64
	orgID    int64
	province string
	name     string
	// sees, when set, decides who may see the record instead of the ledger
	// scope of its organisation and province: a notice reaches its
	// recipients, a shared case its partner department.
	sees func(*pinggu.Actor) bool
}

// visibleTo reports whether the actor may see the record.
func (r ledgerRecord) visibleTo(a *pinggu.Actor) bool {
	if r.sees != nil {
		return r.sees(a)
	}
	return a.LedgerScope().Covers(r.orgID, r.province)
}

// tenancyRecords lists, by kind, the fixture records of both tenants
// (tenant B first) with what decides their tenancy. A module registers the
// kinds of record its routes name in its own tenancy test file.
var tenancyRecords = map[recordKind]func(ta *tenancyApp) []ledgerRecord{}

// records lists the fixture records of a kind, tenant B first.
func (ta *tenancyApp) records(k recordKind) []ledgerRecord {
	if f := tenancyRecords[k]; f != nil {
		return f(ta)
	}
	return nil
}

// foreign picks a record of kind k that the actor must not see, if any.
func (ta *tenancyApp) foreign(actor *pinggu.Actor, k recordKind) (int64, string, bool) {
	switch k {
	case recUser:
		if actor.May(pinggu.ActUserManage) {
			return 0, "", false // accounts of every tenant are the administrator's duty
		}
		u := ta.Users[UserEntAdminB]
		return u.ID, u.Name, true
	case recToken:
		return ta.tokenB.ID, ta.tokenB.Name, true
	}
	for _, r := range ta.records(k) {
		if !r.visibleTo(actor) {
			return r.id, r.name, true
		}
	}
	return 0, "", false
}

// own picks a record of kind k inside the actor's scope, together with an
// organisation of another tenant to move it under.
func (ta *tenancyApp) own(actor *pinggu.Actor, k recordKind) (int64, *pinggu.Organisation, bool) {
	scope := actor.LedgerScope()
	if !scope.Covers(ta.OrgA.ID, ta.OrgA.Province) || scope.Covers(ta.OrgB.ID, ta.OrgB.Province) {
		return 0, nil, false
	}
	switch k {
	case recOrg:
		return ta.OrgASub.ID, ta.OrgB, true
	case recLicence:
		return ta.LicA.ID, ta.OrgB, true
	case recService:
		return ta.SvcA.ID, ta.OrgB, true
	}
	return 0, nil, false
}

func TestTenancyRecordRoutes(t *testing.T) {
	t.Parallel()
	ta := newTenancyApp(t)
	exercised := map[string]int{}
	for _, rt := range api.Routes() {
		tc := tenancyRoutes[routeKey(rt)]
		if tc.kind != tRecord || !ta.Server.APIEnabled(rt) {
			continue
		}
		for _, u := range RoleUsers {
			actor, c := ta.actors[u], ta.clients[u]
			fid, fname, ok := ta.foreign(actor, tc.record)
			if !ok {
				continue
			}
			var body any
			if tc.body != nil {
				body = tc.body(ta.App)
			}
			path := strings.ReplaceAll(rt.Pattern, "{id}", ID(fid))
			before := ta.snapshot()
			res := c.Do(rt.Method, path, body)
			if res.Status != http.StatusNotFound {
				t.Errorf("%s as %s on another tenant's record %s: status %d, want 404; body %s", routeKey(rt), u, path, res.Status, res.Body)
			} else if got := res.Problem(t).Code; got != pinggu.ENOTFOUND {
				t.Errorf("%s as %s: code %q, want not_found", routeKey(rt), u, got)
			}
			if strings.Contains(string(res.Body), fname) {
				t.Errorf("%s as %s: the answer names the foreign record %q: %s", routeKey(rt), u, fname, res.Body)
			}
			if d := before.diff(ta.snapshot()); d != "" {
				t.Errorf("%s as %s on another tenant's record changed the database:\n%s", routeKey(rt), u, d)
			}
			exercised[routeKey(rt)]++

			if tc.move == nil {
				continue
			}
			ownID, target, ok := ta.own(actor, tc.record)
			if !ok {
				continue
			}
			before = ta.snapshot()
			res = c.Do(rt.Method, strings.ReplaceAll(rt.Pattern, "{id}", ID(ownID)), tc.move(ta.App, target))
			if res.Status != http.StatusNotFound {
				t.Errorf("%s as %s moving its own record under another tenant: status %d, want 404; body %s", routeKey(rt), u, res.Status, res.Body)
			}
			if d := before.diff(ta.snapshot()); d != "" {
				t.Errorf("%s as %s moving its own record under another tenant changed the database:\n%s", routeKey(rt), u, d)
			}
			exercised[routeKey(rt)+" (move)"]++
		}
	}
	for k, tc := range tenancyRoutes {
		if !ta.enabled(k) {
			continue
		}
		if tc.kind == tRecord && exercised[k] == 0 {
			t.Errorf("record route %s was never exercised against another tenant", k)
		}
		if tc.move != nil && exercised[k+" (move)"] == 0 {
			t.Errorf("update route %s was never tried moving a record under another tenant", k)
		}
	}
}

// listedIDs decodes a list response into its items' ids and tenancy fields.
func listedItems(t *testing.T, res Response) []map[string]any {
	t.Helper()
	var l struct {
		Items []map[string]any `json:"items"`
	}
	res.Decode(t, &l)
	return l.Items
}

func num(v any) int64 {
	f, _ := v.(float64)
	return int64(f)
}

func TestTenancyListRoutes(t *testing.T) {
	t.Parallel()
	ta := newTenancyApp(t)
	// Give a role of tenant A a token too, so the token list has something to leave out.
	MustStatus(t, ta.clients[UserEntAdminA].Do("POST", "/api/me/tokens", map[string]any{"name": "甲的脚本"}), http.StatusCreated, "token of A")
	for _, rt := range api.Routes() {
		tc := tenancyRoutes[routeKey(rt)]
		if tc.kind != tList || !ta.Server.APIEnabled(rt) {
			continue
		}
		for _, u := range RoleUsers {
			actor := ta.actors[u]
			res := ta.clients[u].Do(rt.Method, rt.Pattern+"?limit=500", nil)
			MustStatus(t, res, http.StatusOK, routeKey(rt)+" as "+u)
			items := listedItems(t, res)
			if tc.record == recToken {
				for _, it := range items {
					if num(it["user_id"]) != actor.UserID || num(it["id"]) == ta.tokenB.ID {
						t.Errorf("%s as %s lists another user's token %v", routeKey(rt), u, it)
					}
				}
				continue
			}
			scope := actor.LedgerScope()
			var want []int64
			for _, r := range ta.records(tc.record) {
				if r.visibleTo(actor) {
					want = append(want, r.id)
				}
			}
			byID := map[int64]ledgerRecord{}
			for _, r := range ta.records(tc.record) {
				byID[r.id] = r
			}
			var got []int64
			for _, it := range items {
				org := num(it["org_id"])
				if tc.record == recOrg {
					org = num(it["id"])
				}
				prov, _ := it["province"].(string)
				visible := scope.Covers(org, prov)
				if r, ok := byID[num(it["id"])]; ok && r.sees != nil {
					// A record whose visibility is not the ledger scope
					// (a shared case, an incident's party) answers to its own.
					visible = r.visibleTo(actor)
				}
				if !visible {
					t.Errorf("%s as %s lists a record outside its scope: %v", routeKey(rt), u, it)
				}
				got = append(got, num(it["id"]))
			}
			if !SameIDs(got, want) {
				t.Errorf("%s as %s = %v, want exactly the records in scope %v", routeKey(rt), u, got, want)
			}
		}
	}
}

func TestTenancyCreateRoutes(t *testing.T) {
	t.Parallel()
	ta := newTenancyApp(t)
	exercised := 0
	for _, rt := range api.Routes() {
		tc := tenancyRoutes[routeKey(rt)]
		if tc.kind != tCreate || !ta.Server.APIEnabled(rt) {
			continue
		}
		for _, u := range RoleUsers {
			scope := ta.actors[u].LedgerScope()
			if scope.Covers(ta.OrgB.ID, ta.OrgB.Province) {
				continue // tenant B is not another tenant for this role
			}
			before := ta.snapshot()
			res := ta.clients[u].Do(rt.Method, rt.Pattern, tc.body(ta.App))
			if res.Status != http.StatusNotFound {
				t.Errorf("%s as %s under another tenant's organisation: status %d, want 404; body %s", routeKey(rt), u, res.Status, res.Body)
			}
			if strings.Contains(string(res.Body), ta.OrgB.Name) {
				t.Errorf("%s as %s: answer names tenant B: %s", routeKey(rt), u, res.Body)
			}
			if d := before.diff(ta.snapshot()); d != "" {
				t.Errorf("%s as %s under another tenant changed the database:\n%s", routeKey(rt), u, d)
			}
			exercised++
		}
	}
	if exercised == 0 {
		t.Fatal("no create route exercised")
	}
}

func TestTenancyAdminAndSelfRoutes(t *testing.T) {
	t.Parallel()
	ta := newTenancyApp(t)
	for _, rt := range api.Routes() {
		tc := tenancyRoutes[routeKey(rt)]
		switch tc.kind {
		case tAdmin:
			for _, u := range RoleUsers {
				actor := ta.actors[u]
				allowed := actor.May(pinggu.ActUserManage)
				if strings.HasPrefix(rt.Pattern, "/api/audit") {
					allowed = actor.May(pinggu.ActAuditRead)
				}
				if allowed {
					continue // the duty spans every tenant; its own tests cover it
				}
				var body any
				if tc.body != nil {
					body = tc.body(ta.App)
				}
				before := ta.snapshot()
				res := ta.clients[u].Do(rt.Method, rt.Pattern, body)
				if res.Status != http.StatusForbidden {
					t.Errorf("%s as %s: status %d, want 403", routeKey(rt), u, res.Status)
				}
				if d := before.diff(ta.snapshot()); d != "" {
					t.Errorf("%s as %s changed the database:\n%s", routeKey(rt), u, d)
				}
			}
		case tSelf:
			for _, u := range RoleUsers {
				actor := ta.actors[u]
				switch routeKey(rt) {
				case "GET /api/me":
					var got pinggu.Actor
					res := ta.clients[u].Do("GET", rt.Pattern, nil)
					res.Decode(t, &got)
					if got.UserID != actor.UserID {
						t.Errorf("me as %s = user %d", u, got.UserID)
					}
				case "POST /api/me/tokens":
					var got api.TokenCreated
					res := ta.clients[u].Do("POST", rt.Pattern, map[string]any{"name": "自用"})
					MustStatus(t, res, http.StatusCreated, "token as "+u)
					res.Decode(t, &got)
					if got.Token.UserID != actor.UserID {
						t.Errorf("token created by %s belongs to user %d", u, got.Token.UserID)
					}
				}
			}
		}
	}
}

func TestTenancyImportAndExportRoutes(t *testing.T) {
	t.Parallel()
	ta := newTenancyApp(t)
	exercised := map[string]int{}
	for _, rt := range api.Routes() {
		tc := tenancyRoutes[routeKey(rt)]
		if !ta.Server.APIEnabled(rt) {
			continue
		}
		switch tc.kind {
		case tImport:
			for _, u := range RoleUsers {
				actor := ta.actors[u]
				if actor.LedgerScope().Covers(ta.OrgB.ID, ta.OrgB.Province) {
					continue // tenant B is not another tenant for this role
				}
				// One row naming tenant B's organisation by its credit code.
				file, mayWrite, field := CSVLines("名称,类型,统一社会信用代码,省份,上级单位",
					"越权子公司,互联网企业,"+USCC(t, "91440300MA5KKKKK7")+",广东省,"+ta.OrgB.USCC), actor.May(pinggu.ActLedgerWrite), "parent"
				if tc.record == recService {
					file, mayWrite, field = CSVLines("业务名称,所属企业,业务类别", "越权业务,"+ta.OrgB.USCC+",即时通信"), actor.May(pinggu.ActServiceWrite), "owner"
				}
				before := ta.snapshot()
				res := ta.clients[u].DoType(rt.Method, rt.Pattern, "text/csv", file)
				if mayWrite {
					// The row's reference does not resolve: the organisation does
					// not exist for this caller.
					if res.Status != http.StatusBadRequest || !res.Problem(t).HasFieldError(2, field) {
						t.Errorf("%s as %s naming another tenant: status %d, want 400 naming line 2 %s; body %s", routeKey(rt), u, res.Status, field, res.Body)
					}
				} else if res.Status != http.StatusForbidden {
					t.Errorf("%s as %s, who may not import: status %d, want 403; body %s", routeKey(rt), u, res.Status, res.Body)
				}
				if strings.Contains(string(res.Body), ta.OrgB.Name) {
					t.Errorf("%s as %s: answer names tenant B: %s", routeKey(rt), u, res.Body)
				}
				if d := before.diff(ta.snapshot()); d != "" {
					t.Errorf("%s as %s changed the database:\n%s", routeKey(rt), u, d)
				}
				exercised[routeKey(rt)]++
			}
		case tExport:
			for _, u := range RoleUsers {
				res := ta.clients[u].Do(rt.Method, rt.Pattern, nil)
				MustStatus(t, res, http.StatusOK, routeKey(rt)+" as "+u)
				text := string(res.Body)
				if strings.HasSuffix(rt.Pattern, ".xlsx") {
					text = XLSXText(t, res.Body)
				}
				for _, r := range ta.records(tc.record) {
					in := strings.Contains(text, r.name)
					if want := r.visibleTo(ta.actors[u]); in != want {
						t.Errorf("%s as %s: %q present %v, want %v", routeKey(rt), u, r.name, in, want)
					}
				}
				exercised[routeKey(rt)]++
			}
		}
	}
	for k, tc := range tenancyRoutes {
		if (tc.kind == tImport || tc.kind == tExport) && exercised[k] == 0 && ta.enabled(k) {
			t.Errorf("route %s never exercised", k)
		}
	}
}

// sortedKeys lists a map's keys in order, for stable messages.
func sortedKeys[V any](m map[string]V) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

func TestTenancySharedAndMinistryRoutes(t *testing.T) {
	t.Parallel()
	ta := newTenancyApp(t)
	exercised := 0
	for _, rt := range api.Routes() {
		tc := tenancyRoutes[routeKey(rt)]
		if !ta.Server.APIEnabled(rt) {
			continue
		}
		switch tc.kind {
		case tShared:
			path := strings.ReplaceAll(rt.Pattern, "{id}", "im")
			for _, u := range RoleUsers {
				before := ta.snapshot()
				res := ta.clients[u].Do(rt.Method, path, nil)
				if res.Status != http.StatusOK && res.Status != http.StatusForbidden {
					t.Errorf("%s as %s: status %d, want 200 or 403; body %s", routeKey(rt), u, res.Status, res.Body)
				}
				if res.Status == http.StatusOK && strings.HasPrefix(res.Header.Get("Content-Type"), "application/json") {
					scope := ta.actors[u].LedgerScope()
					for _, it := range listedItems(t, res) {
						if org, ok := it["org_id"]; ok {
							prov, _ := it["province"].(string)
							if !scope.Covers(num(org), prov) {
								t.Errorf("%s as %s lists a record outside its scope: %v", routeKey(rt), u, it)
							}
						}
					}
				}
				if d := before.diff(ta.snapshot()); d != "" {
					t.Errorf("%s as %s changed the database:\n%s", routeKey(rt), u, d)
				}
				exercised++
			}
		case tMinistry:
			for _, u := range RoleUsers {
				if ta.actors[u].May(pinggu.ActStandardImport) {
					continue
				}
				before := ta.snapshot()
				res := ta.clients[u].DoType(rt.Method, rt.Pattern, "application/yaml", NewStandardVersion(t, "2099.1"))
				if res.Status != http.StatusForbidden {
					t.Errorf("%s as %s: status %d, want 403; body %s", routeKey(rt), u, res.Status, res.Body)
				}
				if d := before.diff(ta.snapshot()); d != "" {
					t.Errorf("%s as %s changed the database:\n%s", routeKey(rt), u, d)
				}
				exercised++
			}
		}
	}
	if ta.Services.Standards != nil && exercised == 0 {
		t.Fatal("no shared or ministry route exercised")
	}
}
