package web_test

import (
	"net/http"
	"net/url"
	"slices"
	"strings"
	"testing"

	. "github.com/pinggu/pinggu/web/webtest"

	"github.com/pinggu/pinggu"
	"github.com/pinggu/pinggu/web/api"
)

// recPracticeReport: the enterprises' practice reports.
const recPracticeReport recordKind = 410

// tReportOverview: who has reported for a period, as JSON or a file. A
// role that may not see it gets 403; every other gets exactly the
// regulated enterprises of the ledger its report scope covers.
const tReportOverview tenancyKind = 410

func init() {
	addTenancyRoutes(map[string]tenancyCase{
		"GET /api/practice-reports":               {kind: tList, record: recPracticeReport},
		"POST /api/practice-reports":              {kind: tCreate, body: func(a *App) any { return map[string]any{"period": "2026Q1", "org_id": a.OrgB.ID} }},
		"GET /api/practice-reports/overview":      {kind: tReportOverview},
		"GET /api/practice-reports/overview.csv":  {kind: tReportOverview},
		"GET /api/practice-reports/overview.xlsx": {kind: tReportOverview},
		"GET /api/practice-reports/{id}":          {kind: tRecord, record: recPracticeReport},
		"PUT /api/practice-reports/{id}":          {kind: tRecord, record: recPracticeReport, body: func(*App) any { return CompleteReport("越权修改") }},
		"POST /api/practice-reports/{id}/submit":  {kind: tRecord, record: recPracticeReport},
		"POST /api/practice-reports/{id}/review":  {kind: tRecord, record: recPracticeReport, body: func(*App) any { return map[string]any{"decision": "returned", "note": "越权退回"} }},
	})
	// A report is seen as the policy decides: by its enterprise and the
	// groups above it in every state, by its province's regulators and
	// the ministry once submitted.
	tenancyRecords[recPracticeReport] = func(ta *tenancyApp) []ledgerRecord {
		var out []ledgerRecord
		for _, r := range ta.PracticeReports.All() {
			out = append(out, ledgerRecord{id: r.ID, orgID: r.OrgID, province: r.Province, name: r.Title("zh"),
				sees: func(a *pinggu.Actor) bool { return pinggu.Allowed(a, pinggu.ActReportView, pinggu.ReportSubject(r)) }})
		}
		return out
	}
	addUITenancyRoutes(map[string]uiTenancyCase{
		"GET /practice-reports":              {kind: uiList, record: recPracticeReport, present: true},
		"POST /practice-reports":             {kind: uiCreate, form: func(a *App) url.Values { return url.Values{"period": {"2026Q1"}, "org_id": {ID(a.OrgB.ID)}} }},
		"GET /practice-reports/overview":     {kind: uiList},
		"GET /practice-reports/{id}":         {kind: uiRecord, record: recPracticeReport},
		"POST /practice-reports/{id}":        {kind: uiRecord, record: recPracticeReport, form: func(*App) url.Values { return url.Values{"remarks": {"越权修改"}, "submit": {"1"}} }},
		"POST /practice-reports/{id}/review": {kind: uiRecord, record: recPracticeReport, form: func(*App) url.Values { return url.Values{"decision": {"returned"}, "note": {"越权"}} }},
	})
	snapshotQueries["practice reports"] = "SELECT id, org_id, state, content, figures, review_note FROM practice_reports ORDER BY id"
}

// enterprisesInScope lists the regulated enterprises of the ledger that
// the actor's report scope covers.
func enterprisesInScope(t *testing.T, ta *tenancyApp, a *pinggu.Actor) []*pinggu.Organisation {
	t.Helper()
	orgs, _, err := ta.DB.ListOrganisations(SysCtx(), pinggu.OrganisationFilter{Enterprise: true, ListOptions: pinggu.ListOptions{Limit: pinggu.MaxLimit}})
	if err != nil {
		t.Fatal(err)
	}
	var out []*pinggu.Organisation
	for _, o := range orgs {
		if a.ReportScope().Covers(o.ID, o.Province) {
			out = append(out, o)
		}
	}
	return out
}

// TestTenancyReportOverview: the overview of the seeded quarter holds
// exactly the enterprises each role oversees, the status of each as its
// report stands, and a file of it names exactly those enterprises.
func TestTenancyReportOverview(t *testing.T) {
	t.Parallel()
	ta := newTenancyApp(t)
	period := string(ta.PracticeReports.Period)
	exercised := 0
	for _, rt := range api.Routes() {
		if tenancyRoutes[routeKey(rt)].kind != tReportOverview {
			continue
		}
		for _, u := range RoleUsers {
			actor := ta.actors[u]
			res := ta.clients[u].Do("GET", rt.Pattern+"?period="+period, nil)
			exercised++
			if !actor.May(pinggu.ActReportOverview) {
				MustStatus(t, res, http.StatusForbidden, routeKey(rt)+" as "+u)
				continue
			}
			MustStatus(t, res, http.StatusOK, routeKey(rt)+" as "+u)
			want := enterprisesInScope(t, ta, actor)
			if len(want) == 0 {
				t.Fatalf("%s as %s: no enterprise in scope to check", routeKey(rt), u)
			}
			if !strings.HasSuffix(rt.Pattern, "/overview") {
				text := string(res.Body)
				if strings.HasSuffix(rt.Pattern, ".xlsx") {
					text = XLSXText(t, res.Body)
				}
				orgs, _, _ := ta.DB.ListOrganisations(SysCtx(), pinggu.OrganisationFilter{ListOptions: pinggu.ListOptions{Limit: pinggu.MaxLimit}})
				for _, o := range orgs {
					if in, want := strings.Contains(text, o.Name), slices.ContainsFunc(want, func(w *pinggu.Organisation) bool { return w.ID == o.ID }); in != want {
						t.Errorf("%s as %s: %q present %v, want %v", routeKey(rt), u, o.Name, in, want)
					}
				}
				continue
			}
			var ov pinggu.ReportOverview
			res.Decode(t, &ov)
			var got, wantIDs []int64
			for _, row := range ov.Rows {
				got = append(got, row.OrgID)
			}
			for _, o := range want {
				wantIDs = append(wantIDs, o.ID)
			}
			if !SameIDs(got, wantIDs) || ov.Total.Enterprises != len(wantIDs) {
				t.Errorf("overview as %s = %v (total %d), want exactly %v", u, got, ov.Total.Enterprises, wantIDs)
			}
			sum := 0
			for _, p := range ov.Provinces {
				sum += p.Enterprises
			}
			if sum != ov.Total.Enterprises {
				t.Errorf("overview as %s: provinces sum to %d, total %d", u, sum, ov.Total.Enterprises)
			}
			for _, row := range ov.Rows {
				var rep *pinggu.PracticeReport
				for _, r := range ta.PracticeReports.All() {
					if r.OrgID == row.OrgID {
						rep = r
					}
				}
				wantStatus, wantID := pinggu.ReportNotReported, int64(0)
				if rep != nil {
					wantStatus = pinggu.StatusOf(rep.State)
					if pinggu.Allowed(actor, pinggu.ActReportView, pinggu.ReportSubject(rep)) {
						wantID = rep.ID
					}
				}
				if row.Status != wantStatus || row.ReportID != wantID {
					t.Errorf("overview as %s: %s is %s (report %d), want %s (report %d)", u, row.OrgName, row.Status, row.ReportID, wantStatus, wantID)
				}
			}
		}
	}
	if exercised == 0 {
		t.Fatal("no overview route exercised")
	}
}

// TestPracticeReportFlowAPI: the subsidiary's report goes back and forth
// between the bureau and the enterprise through the API, and the group
// that reads it cannot change it.
func TestPracticeReportFlowAPI(t *testing.T) {
	t.Parallel()
	ta := newTenancyApp(t)
	rep := ta.PracticeReports.ASub
	path := "/api/practice-reports/" + ID(rep.ID)
	bureau, ent := ta.clients[UserBureauGD], ta.clients[UserEntAdminA]
	// The group reads its subsidiary's report and may not touch it.
	MustStatus(t, ent.Do("GET", path, nil), http.StatusOK, "group reads")
	MustStatus(t, ta.clients[UserMinistry].Do("POST", path+"/review", map[string]any{"decision": "accepted"}), http.StatusForbidden, "ministry reviews")
	res := bureau.Do("POST", path+"/review", map[string]any{"decision": "returned"})
	MustStatus(t, res, http.StatusBadRequest, "return without reason")
	if !res.Problem(t).HasFieldError(0, "note") {
		t.Errorf("return without reason names %s", res.Body)
	}
	MustStatus(t, bureau.Do("POST", path+"/review", map[string]any{"decision": "returned", "note": "请补充培训签到表"}), http.StatusOK, "return")
	MustStatus(t, ent.Do("PUT", path, CompleteReport("集团代改")), http.StatusForbidden, "group edits its subsidiary's report")
	// The group opens and submits its own report for an earlier quarter.
	res = ent.Do("POST", "/api/practice-reports", map[string]any{"period": "2025Q4"})
	MustStatus(t, res, http.StatusCreated, "open own report")
	var own pinggu.PracticeReport
	res.Decode(t, &own)
	if own.OrgID != ta.OrgA.ID || own.State != pinggu.ReportDraft {
		t.Fatalf("own report = %+v", own)
	}
	MustStatus(t, ent.Do("POST", "/api/practice-reports/"+ID(own.ID)+"/submit", nil), http.StatusBadRequest, "submit incomplete")
	MustStatus(t, ent.Do("PUT", "/api/practice-reports/"+ID(own.ID), CompleteReport("")), http.StatusOK, "save")
	MustStatus(t, ent.Do("POST", "/api/practice-reports/"+ID(own.ID)+"/submit", nil), http.StatusOK, "submit")
	res = bureau.Do("POST", "/api/practice-reports/"+ID(own.ID)+"/review", map[string]any{"decision": "accepted", "note": "同意"})
	MustStatus(t, res, http.StatusOK, "accept")
	res.Decode(t, &own)
	if own.State != pinggu.ReportAccepted || own.ReviewedBy == "" {
		t.Fatalf("accepted = %+v", own)
	}
}
