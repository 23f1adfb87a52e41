package web_test

import (
	"net/url"

	. "github.com/pinggu/pinggu/web/webtest"
)

// The assessment workflow's API routes in the cross-tenant test.
func init() {
	addTenancyRoutes(map[string]tenancyCase{
		"GET /api/assessments": {kind: tList, record: recAssessment},
		"POST /api/assessments": {kind: tCreate, body: func(a *App) any {
			return map[string]any{"service_id": a.SvcB.ID, "kind": "pre_launch", "title": "越权评估"}
		}},
		"GET /api/assessments/export.csv":       {kind: tExport, record: recAssessment},
		"GET /api/assessments/{id}":             {kind: tRecord, record: recAssessment},
		"GET /api/assessments/export.xlsx":      {kind: tExport, record: recAssessment},
		"GET /api/assessments/{id}/report.pdf":  {kind: tRecord, record: recAssessment},
		"GET /api/assessments/{id}/report.xlsx": {kind: tRecord, record: recAssessment},
		"PUT /api/assessments/{id}/answers": {kind: tRecord, record: recAssessment, body: func(a *App) any {
			return []map[string]any{{"key": a.AsmB.Items[0].Key, "answer": "compliant", "notes": "越权作答"}}
		}},
		"POST /api/assessments/{id}/evidence":     {kind: tRecord, record: recAssessment},
		"POST /api/assessments/{id}/submit":       {kind: tRecord, record: recAssessment},
		"POST /api/assessments/{id}/start-review": {kind: tRecord, record: recAssessment},
		"POST /api/assessments/{id}/review": {kind: tRecord, record: recAssessment,
			body: func(*App) any { return map[string]any{"decision": "returned", "summary": "越权退回"} }},
		"GET /api/assessments/{id}/submissions": {kind: tRecord, record: recAssessment},
		"GET /api/evidence/{id}":                {kind: tRecord, record: recEvidence},
		"DELETE /api/evidence/{id}":             {kind: tRecord, record: recEvidence},
		"GET /api/reviews/due":                  {kind: tShared},
		"GET /api/reminders":                    {kind: tList, record: recReminder},
		"POST /api/reminders/{id}/read":         {kind: tRecord, record: recReminder},
		"GET /api/standards":                    {kind: tShared},
		"POST /api/standards/import":            {kind: tMinistry},
		"GET /api/standards/{id}":               {kind: tShared},
	})
}

func init() {
	tenancyRecords[recAssessment] = func(ta *tenancyApp) []ledgerRecord {
		return []ledgerRecord{{id: ta.AsmB.ID, orgID: ta.OrgB.ID, province: ta.OrgB.Province, name: ta.AsmB.Title}, {id: ta.AsmA.ID, orgID: ta.OrgA.ID, province: ta.OrgA.Province, name: ta.AsmA.Title}}
	}
	tenancyRecords[recEvidence] = func(ta *tenancyApp) []ledgerRecord {
		return []ledgerRecord{{id: ta.EvB.ID, orgID: ta.OrgB.ID, province: ta.OrgB.Province, name: ta.EvB.Filename}, {id: ta.EvA.ID, orgID: ta.OrgA.ID, province: ta.OrgA.Province, name: ta.EvA.Filename}}
	}
	tenancyRecords[recReminder] = func(ta *tenancyApp) []ledgerRecord {
		return []ledgerRecord{{id: ta.RemB.ID, orgID: ta.OrgB.ID, province: ta.OrgB.Province, name: ta.RemB.ServiceName}, {id: ta.RemA.ID, orgID: ta.OrgA.ID, province: ta.OrgA.Province, name: ta.RemA.ServiceName}}
	}
}

// The assessment workflow's pages in the cross-tenant test.
func init() {
	addUITenancyRoutes(map[string]uiTenancyCase{
		"GET /assessments":                    {kind: uiList, record: recAssessment, present: true},
		"GET /assessments/order":              {kind: uiForm},
		"GET /services/{id}/assessments/new":  {kind: uiRecord, record: recService},
		"POST /services/{id}/assessments":     {kind: uiRecord, record: recService, form: func(*App) url.Values { return url.Values{"kind": {"pre_launch"}, "standard": {"general"}} }},
		"GET /assessments/{id}":               {kind: uiRecord, record: recAssessment},
		"POST /assessments/{id}/answers":      {kind: uiRecord, record: recAssessment},
		"POST /assessments/{id}/evidence":     {kind: uiRecord, record: recAssessment},
		"POST /evidence/{id}/delete":          {kind: uiRecord, record: recEvidence},
		"GET /assessments/{id}/submit":        {kind: uiRecord, record: recAssessment},
		"POST /assessments/{id}/submit":       {kind: uiRecord, record: recAssessment},
		"GET /assessments/{id}/review":        {kind: uiRecord, record: recAssessment},
		"POST /assessments/{id}/start-review": {kind: uiRecord, record: recAssessment},
		"POST /assessments/{id}/review": {kind: uiRecord, record: recAssessment, form: func(*App) url.Values {
			return url.Values{"decision": {"returned"}, "summary": {"越权退回"}}
		}},
		"GET /reviews":              {kind: uiList, record: recService},
		"GET /standards":            {kind: uiShared},
		"GET /standards/import":     {kind: uiAdmin},
		"POST /standards/import":    {kind: uiAdmin},
		"GET /standards/{id}":       {kind: uiShared},
		"GET /reminders":            {kind: uiList, record: recReminder, present: true},
		"POST /reminders/{id}/read": {kind: uiRecord, record: recReminder},
	})
}
