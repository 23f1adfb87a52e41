package web_test

import (
	"encoding/json"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	. "github.com/pinggu/pinggu/web/webtest"

	"github.com/pinggu/pinggu"
	"github.com/pinggu/pinggu/web/api"
)

// Record kinds of the enforcement module.
const (
	recOrder recordKind = iota + 300
	recProblem
	recAnswer
	recOrderEvidence
	recExtension
	recEscalation
	recBadRecord
	recCampaign
	recInspection
	recDossier
)

// tScopedFile: a file every signed-in role may ask for, holding only the
// records in its scope (the board as PDF, whose text is not searched).
const tScopedFile tenancyKind = 300

func init() {
	rec := func(f func(e *Enforcement) (int64, string)) func(ta *tenancyApp) []ledgerRecord {
		return func(ta *tenancyApp) []ledgerRecord {
			if ta.EnfA == nil {
				return nil
			}
			idB, nameB := f(ta.EnfB)
			idA, nameA := f(ta.EnfA)
			return []ledgerRecord{{id: idB, orgID: ta.OrgB.ID, province: ta.OrgB.Province, name: nameB}, {id: idA, orgID: ta.OrgA.ID, province: ta.OrgA.Province, name: nameA}}
		}
	}
	tenancyRecords[recOrder] = rec(func(e *Enforcement) (int64, string) { return e.Order.ID, e.Order.Title })
	tenancyRecords[recProblem] = rec(func(e *Enforcement) (int64, string) { return e.Problem.ID, e.Problem.Description })
	tenancyRecords[recAnswer] = rec(func(e *Enforcement) (int64, string) { return e.Answer.ID, e.Answer.Report })
	tenancyRecords[recOrderEvidence] = rec(func(e *Enforcement) (int64, string) { return e.Evidence.ID, e.Evidence.Filename })
	tenancyRecords[recExtension] = rec(func(e *Enforcement) (int64, string) { return e.Extension.ID, e.Extension.Reason })
	tenancyRecords[recEscalation] = rec(func(e *Enforcement) (int64, string) { return e.Escalation, e.Order.Title })
	tenancyRecords[recBadRecord] = rec(func(e *Enforcement) (int64, string) { return e.BadRecord.ID, e.BadRecord.Facts })
	tenancyRecords[recInspection] = rec(func(e *Enforcement) (int64, string) { return e.Inspection.ID, e.Inspection.Inspector })
	tenancyRecords[recDossier] = rec(func(e *Enforcement) (int64, string) { return e.Dossier.ID, e.Dossier.Licence })
	// A campaign belongs to no enterprise: the regulators of its province
	// and the support institutions see it, an enterprise none (its
	// inspection records are what it sees).
	tenancyRecords[recCampaign] = func(ta *tenancyApp) []ledgerRecord {
		if ta.EnfA == nil {
			return nil
		}
		rec := func(c *pinggu.Campaign) ledgerRecord {
			return ledgerRecord{id: c.ID, province: c.Province, name: c.Title, sees: func(a *pinggu.Actor) bool {
				j, ok := a.CampaignScope()
				return ok && (j.National || c.Province == "" || j.Province == c.Province)
			}}
		}
		return []ledgerRecord{rec(ta.EnfB.Campaign), rec(ta.EnfA.Campaign)}
	}

	due := time.Now().AddDate(0, 0, 20).Format(time.RFC3339)
	addTenancyRoutes(map[string]tenancyCase{
		"GET /api/orders": {kind: tList, record: recOrder},
		"POST /api/orders": {kind: tCreate, body: func(a *App) any {
			return map[string]any{"org_id": a.OrgB.ID, "title": "越权整改", "problems": []map[string]any{{"description": "越权", "requirement": "越权", "due_at": due}}}
		}},
		"POST /api/orders/from-assessment":       {kind: tCreate, body: func(a *App) any { return map[string]any{"assessment_id": a.AsmB.ID, "due_at": due} }},
		"GET /api/orders/{id}":                   {kind: tRecord, record: recOrder},
		"POST /api/orders/{id}/issue":            {kind: tRecord, record: recOrder},
		"POST /api/orders/{id}/revoke":           {kind: tRecord, record: recOrder, body: func(*App) any { return map[string]any{"reason": "越权撤销"} }},
		"POST /api/orders/{id}/extensions":       {kind: tRecord, record: recOrder, body: func(*App) any { return map[string]any{"reason": "越权", "requested_due": due} }},
		"GET /api/orders/{id}/notice.pdf":        {kind: tRecord, record: recOrder},
		"GET /api/orders/{id}/notice.xlsx":       {kind: tRecord, record: recOrder},
		"POST /api/order-problems/{id}/answers":  {kind: tRecord, record: recProblem, body: func(*App) any { return map[string]any{"report": "越权答复"} }},
		"POST /api/order-answers/{id}/verify":    {kind: tRecord, record: recAnswer, body: func(*App) any { return map[string]any{"decision": "accepted"} }},
		"POST /api/order-answers/{id}/recheck":   {kind: tRecord, record: recAnswer},
		"GET /api/order-evidence/{id}":           {kind: tRecord, record: recOrderEvidence},
		"POST /api/order-extensions/{id}/decide": {kind: tRecord, record: recExtension, body: func(*App) any { return map[string]any{"grant": true, "reason": "越权"} }},
		"GET /api/escalations":                   {kind: tList, record: recEscalation},
		"POST /api/escalations/{id}/decide":      {kind: tRecord, record: recEscalation, body: func(*App) any { return map[string]any{"take": true, "note": "越权"} }},
		"GET /api/doc-prefix":                    {kind: tSelf},
		"PUT /api/doc-prefix":                    {kind: tSelf},
		"GET /api/bad-records":                   {kind: tList, record: recBadRecord},
		"POST /api/bad-records": {kind: tCreate, body: func(a *App) any {
			return map[string]any{"kind": "penalty", "org_id": a.OrgB.ID, "doc_number": "越权", "facts": "越权", "decided_at": time.Now().AddDate(0, 0, -1).Format(time.RFC3339)}
		}},
		"GET /api/bad-records/export.csv":    {kind: tExport, record: recBadRecord},
		"GET /api/bad-records/export.xlsx":   {kind: tExport, record: recBadRecord},
		"GET /api/bad-records/{id}":          {kind: tRecord, record: recBadRecord},
		"POST /api/bad-records/{id}/actions": {kind: tRecord, record: recBadRecord, body: func(*App) any { return map[string]any{"action": "revoke", "reason": "越权"} }},
		"GET /api/campaigns":                 {kind: tList, record: recCampaign},
		"POST /api/campaigns": {kind: tCreate, body: func(a *App) any {
			return map[string]any{"kind": "daily", "title": "越权督查", "org_id": a.OrgB.ID, "starts_on": due, "ends_on": due, "inspectors": []string{"越权"}}
		}},
		"GET /api/checklist":                           {kind: tShared},
		"GET /api/campaigns/{id}":                      {kind: tRecord, record: recCampaign},
		"POST /api/campaigns/{id}/close":               {kind: tRecord, record: recCampaign},
		"POST /api/campaigns/{id}/special-assessments": {kind: tRecord, record: recCampaign, body: func(*App) any { return map[string]any{"category": "search", "due_at": due} }},
		"GET /api/inspections":                         {kind: tList, record: recInspection},
		"POST /api/inspections": {kind: tCreate, body: func(a *App) any {
			return map[string]any{"campaign_id": a.EnfB.Campaign.ID, "org_id": a.OrgB.ID, "inspector": "越权", "inspected_on": due}
		}},
		"GET /api/inspections/{id}":          {kind: tRecord, record: recInspection},
		"POST /api/inspections/{id}/order":   {kind: tRecord, record: recInspection, body: func(*App) any { return map[string]any{"due_at": due} }},
		"GET /api/inspections/{id}/partners": {kind: tRecord, record: recInspection},
		"POST /api/inspections/{id}/partners": {kind: tRecord, record: recInspection, body: func(a *App) any {
			return map[string]any{"partner_org_id": a.OrgPartner.ID}
		}},
		"POST /api/campaigns/{id}/partners": {kind: tRecord, record: recCampaign, body: func(a *App) any {
			return map[string]any{"partner_org_id": a.OrgPartner.ID}
		}},
		"POST /api/inspection-partners/{id}/withdraw": {kind: tRecord, record: recInspectionParticipation},
		"PUT /api/inspections/{id}/partner-comments":  {kind: tRecord, record: recInspection, body: func(*App) any { return map[string]any{} }},
		"POST /api/inspections/{id}/sign-off":         {kind: tRecord, record: recInspection, body: func(*App) any { return map[string]any{"opinion": "agree"} }},
		"POST /api/annual/open":                       {kind: tCreate, body: func(a *App) any { return map[string]any{"province": a.OrgB.Province, "year": time.Now().Year()} }},
		"GET /api/annual/board":                       {kind: tList, record: recDossier},
		"GET /api/annual/board.csv":                   {kind: tExport, record: recDossier},
		"GET /api/annual/board.xlsx":                  {kind: tExport, record: recDossier},
		"GET /api/annual/board.pdf":                   {kind: tScopedFile},
		"GET /api/dossiers/{id}":                      {kind: tRecord, record: recDossier},
		"POST /api/dossiers/{id}/assemble":            {kind: tRecord, record: recDossier},
		"POST /api/dossiers/{id}/decide":              {kind: tRecord, record: recDossier, body: func(*App) any { return map[string]any{"verdict": "fail", "reason": "越权"} }},
		"GET /api/dossiers/{id}/report.pdf":           {kind: tRecord, record: recDossier},
		"GET /api/dossiers/{id}/report.xlsx":          {kind: tRecord, record: recDossier},
	})
}

// enforcementSnapshot renders the enforcement records whole, as the
// platform sees them, for the tenancy tests' before-and-after comparison.
func enforcementSnapshot(ta *tenancyApp, tables map[string]any) {
	s := ta.Services
	if !s.HasEnforcement() {
		return
	}
	t, ctx := ta.T, SysCtx()
	all := pinggu.ListOptions{Limit: pinggu.MaxLimit}
	orders, _, err := s.Orders.ListOrders(ctx, pinggu.OrderFilter{ListOptions: all})
	if err != nil {
		t.Fatalf("snapshot: %v", err)
	}
	var full []*pinggu.Order
	for _, o := range orders {
		f, err := s.Orders.FindOrder(ctx, o.ID)
		if err != nil {
			t.Fatalf("snapshot: %v", err)
		}
		full = append(full, f)
	}
	tables["orders"] = full
	bad, _, err1 := s.BadRecords.ListBadRecords(ctx, pinggu.BadRecordFilter{ListOptions: all})
	camps, _, err2 := s.Campaigns.ListCampaigns(ctx, pinggu.CampaignFilter{ListOptions: all})
	insp, _, err3 := s.Campaigns.ListInspections(ctx, pinggu.InspectionFilter{ListOptions: all})
	board, err4 := s.Annual.AnnualBoard(ctx, pinggu.BoardFilter{ListOptions: all})
	prefix, err5 := s.Orders.DocPrefix(pinggu.WithActor(ctx, ta.actors[UserBureauGD]))
	for _, err := range []error{err1, err2, err3, err4, err5} {
		if err != nil {
			t.Fatalf("snapshot: %v", err)
		}
	}
	tables["bad records"], tables["campaigns"], tables["inspections"], tables["annual board"], tables["document prefix"] = bad, camps, insp, board, prefix
}

// TestTenancyScopedFiles: every role gets the board as PDF or is refused,
// and nothing changes.
func TestTenancyScopedFiles(t *testing.T) {
	t.Parallel()
	ta := newTenancyApp(t)
	n := 0
	for _, rt := range api.Routes() {
		if tenancyRoutes[routeKey(rt)].kind != tScopedFile || !ta.Server.APIEnabled(rt) {
			continue
		}
		for _, u := range RoleUsers {
			before := ta.snapshot()
			res := ta.clients[u].Do(rt.Method, rt.Pattern, nil)
			MustStatus(t, res, http.StatusOK, routeKey(rt)+" as "+u)
			if d := before.diff(ta.snapshot()); d != "" {
				t.Errorf("%s as %s changed the database:\n%s", routeKey(rt), u, d)
			}
			n++
		}
	}
	if n == 0 {
		t.Fatal("no scoped file route exercised")
	}
}

// TestTenancyDocPrefixIsOwn: a bureau sets its own prefix and no other's;
// roles that issue nothing are refused.
func TestTenancyDocPrefixIsOwn(t *testing.T) {
	t.Parallel()
	ta := newTenancyApp(t)
	res := ta.clients[UserBureauGD].Do("PUT", "/api/doc-prefix", map[string]any{"prefix": "粤通管网安"})
	MustStatus(t, res, http.StatusOK, "prefix as the Guangdong bureau")
	sh := ta.Login(UserBureauSH)
	var got struct{ Prefix string }
	res = sh.Do("GET", "/api/doc-prefix", nil)
	MustStatus(t, res, http.StatusOK, "prefix as Shanghai")
	if err := json.Unmarshal(res.Body, &got); err != nil || got.Prefix != "沪通管安" {
		t.Errorf("Shanghai's prefix = %q (%v), want its own default", got.Prefix, err)
	}
	for _, u := range []string{UserEntAdminA, UserSupport, UserAuditor} {
		if res := ta.clients[u].Do("PUT", "/api/doc-prefix", map[string]any{"prefix": "越权"}); res.Status != http.StatusForbidden {
			t.Errorf("prefix as %s: %d", u, res.Status)
		}
	}
	if !strings.Contains(string(ta.clients[UserBureauGD].Do("GET", "/api/doc-prefix", nil).Body), "粤通管网安") {
		t.Error("the Guangdong prefix was not kept")
	}
}

// The enforcement module's pages in the cross-tenant test.
func init() {
	due := time.Now().AddDate(0, 0, 20).Format("2006-01-02")
	addUITenancyRoutes(map[string]uiTenancyCase{
		"GET /orders":     {kind: uiList, record: recOrder, present: true},
		"GET /orders/new": {kind: uiForm},
		"POST /orders": {kind: uiCreate, form: func(a *App) url.Values {
			return url.Values{"org_id": {ID(a.OrgB.ID)}, "title": {"越权整改"}, "description_1": {"越权"}, "requirement_1": {"越权"}, "due_1": {due}}
		}},
		"POST /orders/from-assessment": {kind: uiCreate, form: func(a *App) url.Values {
			return url.Values{"assessment_id": {ID(a.AsmB.ID)}, "due_at": {due}}
		}},
		"GET /orders/{id}":                  {kind: uiRecord, record: recOrder},
		"POST /orders/{id}/issue":           {kind: uiRecord, record: recOrder},
		"POST /orders/{id}/revoke":          {kind: uiRecord, record: recOrder, form: func(*App) url.Values { return url.Values{"reason": {"越权"}} }},
		"POST /orders/{id}/extensions":      {kind: uiRecord, record: recOrder, form: func(*App) url.Values { return url.Values{"reason": {"越权"}, "requested_due": {due}} }},
		"POST /order-problems/{id}/answers": {kind: uiRecord, record: recProblem, form: func(*App) url.Values { return url.Values{"report": {"越权答复"}} }},
		"POST /order-answers/{id}/verify":   {kind: uiRecord, record: recAnswer, form: func(*App) url.Values { return url.Values{"decision": {"accepted"}} }},
		"POST /order-answers/{id}/recheck":  {kind: uiRecord, record: recAnswer},
		"POST /order-extensions/{id}/decide": {kind: uiRecord, record: recExtension, form: func(*App) url.Values {
			return url.Values{"grant": {"1"}, "reason": {"越权"}}
		}},
		"GET /escalations": {kind: uiList, record: recEscalation},
		"POST /escalations/{id}/decide": {kind: uiRecord, record: recEscalation, form: func(*App) url.Values {
			return url.Values{"take": {"1"}, "note": {"越权"}}
		}},
		"GET /bad-records":      {kind: uiList, record: recBadRecord, present: true},
		"GET /bad-records/{id}": {kind: uiRecord, record: recBadRecord},
		"POST /bad-records/{id}/actions": {kind: uiRecord, record: recBadRecord, form: func(*App) url.Values {
			return url.Values{"action": {"revoke"}, "reason": {"越权"}}
		}},
		"GET /campaigns": {kind: uiList, record: recCampaign, present: true},
		"POST /campaigns": {kind: uiCreate, form: func(a *App) url.Values {
			return url.Values{"kind": {"daily"}, "title": {"越权督查"}, "org_id": {ID(a.OrgB.ID)}, "starts_on": {due}, "ends_on": {due}, "inspectors": {"越权"}}
		}},
		"GET /campaigns/{id}":                      {kind: uiRecord, record: recCampaign},
		"POST /campaigns/{id}/inspections":         {kind: uiRecord, record: recCampaign},
		"POST /campaigns/{id}/special-assessments": {kind: uiRecord, record: recCampaign, form: func(*App) url.Values { return url.Values{"category": {"search"}, "due_at": {due}} }},
		"POST /campaigns/{id}/close":               {kind: uiRecord, record: recCampaign},
		"GET /inspections/{id}":                    {kind: uiRecord, record: recInspection},
		"POST /inspections/{id}/order":             {kind: uiRecord, record: recInspection, form: func(*App) url.Values { return url.Values{"due_at": {due}} }},
		"POST /inspections/{id}/partners": {kind: uiRecord, record: recInspection, form: func(a *App) url.Values {
			return url.Values{"partner_org_id": {ID(a.OrgPartner.ID)}}
		}},
		"POST /inspections/{id}/partner-comments": {kind: uiRecord, record: recInspection},
		"POST /inspections/{id}/sign-off":         {kind: uiRecord, record: recInspection, form: func(*App) url.Values { return url.Values{"opinion": {"agree"}} }},
		"POST /campaigns/{id}/partners": {kind: uiRecord, record: recCampaign, form: func(a *App) url.Values {
			return url.Values{"partner_org_id": {ID(a.OrgPartner.ID)}}
		}},
		"POST /inspection-partners/{id}/withdraw": {kind: uiRecord, record: recInspectionParticipation, form: func(a *App) url.Values {
			return url.Values{"inspection_id": {ID(a.EnfB.Inspection.ID)}}
		}},
		"GET /annual": {kind: uiList, record: recDossier, present: true},
		"POST /annual/open": {kind: uiCreate, form: func(a *App) url.Values {
			return url.Values{"province": {a.OrgB.Province}, "year": {time.Now().Format("2006")}}
		}},
		"GET /annual/dossiers/{id}":         {kind: uiRecord, record: recDossier},
		"POST /annual/dossiers/{id}/decide": {kind: uiRecord, record: recDossier, form: func(*App) url.Values { return url.Values{"verdict": {"fail"}, "reason": {"越权"}} }},
	})
}
