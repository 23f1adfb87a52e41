package web_test

import . "github.com/pinggu/pinggu/web/webtest"

// The accounts and audit API routes in the cross-tenant test.
func init() {
	addTenancyRoutes(map[string]tenancyCase{
		"GET /api/users": {kind: tAdmin},
		"POST /api/users": {kind: tAdmin, body: func(*App) any {
			return map[string]any{"username": "intruder", "name": "越权账号", "role": "auditor", "password": "Intruder-Pass-2026"}
		}},
		"GET /api/users/{id}": {kind: tRecord, record: recUser},
		"PUT /api/users/{id}": {kind: tRecord, record: recUser,
			body: func(*App) any { return map[string]any{"name": "篡改", "disabled": true} }},
		"POST /api/users/{id}/password": {kind: tRecord, record: recUser,
			body: func(*App) any { return map[string]any{"password": "Hijacked-Pass-2026"} }},
		"POST /api/users/{id}/unlock":      {kind: tRecord, record: recUser},
		"GET /api/directory/organisations": {kind: tAdmin},
		"GET /api/account-confirmations":   {kind: tSelf},
		"POST /api/users/{id}/confirm":     {kind: tRecord, record: recUser},
		"POST /api/users/{id}/refuse": {kind: tRecord, record: recUser,
			body: func(*App) any { return map[string]any{"reason": "身份无法核实"} }},
		"GET /api/audit":        {kind: tAdmin},
		"GET /api/audit/verify": {kind: tAdmin},
	})
}
