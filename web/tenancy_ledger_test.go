package web_test

import (
	"net/url"

	. "github.com/pinggu/pinggu/web/webtest"

	"github.com/pinggu/pinggu"
)

// The ledger's API routes in the cross-tenant test.
func init() {
	addTenancyRoutes(map[string]tenancyCase{
		"GET /api/organisations": {kind: tList, record: recOrg},
		"POST /api/organisations": {kind: tCreate, body: func(a *App) any {
			return map[string]any{"kind": "internet_company", "name": "越权子公司", "uscc": USCC(a.T, "91440300MA5EEEEE6"), "province": a.OrgB.Province, "parent_id": a.OrgB.ID}
		}},
		"POST /api/organisations/import":    {kind: tImport, record: recOrg},
		"GET /api/organisations/export.csv": {kind: tExport, record: recOrg},
		"GET /api/organisations/{id}":       {kind: tRecord, record: recOrg},
		"PUT /api/organisations/{id}": {kind: tRecord, record: recOrg,
			body: func(*App) any { return map[string]any{"name": "被篡改的名称", "note": "越权修改"} },
			move: func(_ *App, f *pinggu.Organisation) any { return map[string]any{"parent_id": f.ID} }},
		"GET /api/organisations/{id}/services": {kind: tRecord, record: recOrg},
		"GET /api/organisations/{id}/licences": {kind: tRecord, record: recOrg},
		"GET /api/licences":                    {kind: tList, record: recLicence},
		"POST /api/licences": {kind: tCreate, body: func(a *App) any {
			return map[string]any{"org_id": a.OrgB.ID, "number": "越B2-20269999", "categories": []string{"B25"}, "issuer": "某局", "valid_from": "2026-01-01T00:00:00Z", "valid_to": "2030-01-01T00:00:00Z"}
		}},
		"GET /api/licences/export.csv": {kind: tExport, record: recLicence},
		"GET /api/licences/{id}":       {kind: tRecord, record: recLicence},
		"PUT /api/licences/{id}": {kind: tRecord, record: recLicence,
			body: func(*App) any { return map[string]any{"number": "篡改-20260001", "issuer": "篡改"} },
			move: func(_ *App, f *pinggu.Organisation) any { return map[string]any{"org_id": f.ID} }},
		"DELETE /api/licences/{id}": {kind: tRecord, record: recLicence},
		"GET /api/services":         {kind: tList, record: recService},
		"POST /api/services": {kind: tCreate, body: func(a *App) any {
			return map[string]any{"org_id": a.OrgB.ID, "name": "越权业务", "category": "im"}
		}},
		"POST /api/services/import":    {kind: tImport, record: recService},
		"GET /api/services/export.csv": {kind: tExport, record: recService},
		"GET /api/services/{id}":       {kind: tRecord, record: recService},
		"PUT /api/services/{id}": {kind: tRecord, record: recService,
			body: func(*App) any { return map[string]any{"name": "篡改的业务", "description": "越权修改"} },
			move: func(_ *App, f *pinggu.Organisation) any { return map[string]any{"org_id": f.ID} }},
		"POST /api/services/{id}/status": {kind: tRecord, record: recService,
			body: func(*App) any { return map[string]any{"to": "in_assessment", "reason": "越权"} }},
		"POST /api/services/{id}/major-change": {kind: tRecord, record: recService,
			body: func(*App) any { return map[string]any{"description": "越权登记重大变更"} }},
	})
}

func init() {
	org := func(o *pinggu.Organisation) ledgerRecord {
		return ledgerRecord{id: o.ID, orgID: o.ID, province: o.Province, name: o.Name}
	}
	tenancyRecords[recOrg] = func(ta *tenancyApp) []ledgerRecord {
		return []ledgerRecord{org(ta.OrgB), org(ta.OrgA), org(ta.OrgASub), org(ta.OrgThird), org(ta.OrgPartner)}
	}
	tenancyRecords[recLicence] = func(ta *tenancyApp) []ledgerRecord {
		return []ledgerRecord{{id: ta.LicB.ID, orgID: ta.OrgB.ID, province: ta.OrgB.Province, name: ta.LicB.Number}, {id: ta.LicA.ID, orgID: ta.OrgA.ID, province: ta.OrgA.Province, name: ta.LicA.Number}}
	}
	tenancyRecords[recService] = func(ta *tenancyApp) []ledgerRecord {
		return []ledgerRecord{{id: ta.SvcB.ID, orgID: ta.OrgB.ID, province: ta.OrgB.Province, name: ta.SvcB.Name}, {id: ta.SvcA.ID, orgID: ta.OrgA.ID, province: ta.OrgA.Province, name: ta.SvcA.Name}}
	}
}

// The ledger's pages in the cross-tenant test.
func init() {
	foreignOrg := func(a *App) url.Values {
		return url.Values{"kind": {"internet_company"}, "name": {"越权子公司"}, "uscc": {USCC(a.T, "91440300MA5EEEEE6")}, "province": {a.OrgB.Province}, "parent_id": {ID(a.OrgB.ID)}}
	}
	addUITenancyRoutes(map[string]uiTenancyCase{
		"GET /organisations":                     {kind: uiList, record: recOrg, present: true},
		"GET /organisations/new":                 {kind: uiForm},
		"POST /organisations":                    {kind: uiCreate, form: foreignOrg},
		"GET /organisations/import":              {kind: uiForm},
		"POST /organisations/import":             {kind: uiCreate},
		"GET /organisations/import/template.csv": {kind: uiForm},
		"GET /organisations/{id}":                {kind: uiRecord, record: recOrg},
		"GET /organisations/{id}/edit":           {kind: uiRecord, record: recOrg},
		"POST /organisations/{id}":               {kind: uiRecord, record: recOrg, form: foreignOrg},
		"GET /organisations/{id}/licences/new":   {kind: uiRecord, record: recOrg},
		"POST /organisations/{id}/licences": {kind: uiRecord, record: recOrg, form: func(*App) url.Values {
			return url.Values{"number": {"越B2-20269999"}, "categories": {"B25"}, "issuer": {"某局"}, "valid_from": {"2026-01-01"}, "valid_to": {"2030-01-01"}}
		}},
		"GET /licences":              {kind: uiList, record: recLicence, present: true},
		"GET /licences/{id}/edit":    {kind: uiRecord, record: recLicence},
		"POST /licences/{id}":        {kind: uiRecord, record: recLicence},
		"POST /licences/{id}/delete": {kind: uiRecord, record: recLicence},
		"GET /services":              {kind: uiList, record: recService, present: true},
		"GET /services/new":          {kind: uiForm},
		"POST /services": {kind: uiCreate, form: func(a *App) url.Values {
			return url.Values{"org_id": {ID(a.OrgB.ID)}, "name": {"越权业务"}, "category": {"im"}}
		}},
		"GET /services/import":              {kind: uiForm},
		"POST /services/import":             {kind: uiCreate},
		"GET /services/import/template.csv": {kind: uiForm},
		"GET /services/{id}":                {kind: uiRecord, record: recService},
		"GET /services/{id}/edit":           {kind: uiRecord, record: recService},
		"POST /services/{id}":               {kind: uiRecord, record: recService},
		"POST /services/{id}/status": {kind: uiRecord, record: recService, form: func(*App) url.Values {
			return url.Values{"to": {"in_assessment"}, "reason": {"越权"}}
		}},
		"POST /services/{id}/major-change": {kind: uiRecord, record: recService, form: func(*App) url.Values {
			return url.Values{"description": {"越权登记重大变更"}}
		}},
	})
}
