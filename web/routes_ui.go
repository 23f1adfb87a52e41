package web

import (
	"io/fs"
	"net/http"
)

// uiRoutes lists every page of the server-rendered UI. Pages answer HTML;
// anything that is not a page or an API route gets the UI's 404 page.
func (s *Server) uiRoutes() {
	m := s.mux
	static, _ := fs.Sub(staticFS, "static")
	m.Handle("GET /static/", http.StripPrefix("/static/", staticHandler(static)))

	m.HandleFunc("GET /{$}", s.uiHome)
	m.HandleFunc("GET /login", s.uiLoginShow)
	m.HandleFunc("POST /login", s.uiLoginSubmit)
	m.HandleFunc("POST /logout", s.uiLogoutSubmit)
	m.HandleFunc("POST /lang", s.uiLangSet)

	m.HandleFunc("GET /account/password", s.user(gateAny, s.uiPasswordEdit))
	m.HandleFunc("POST /account/password", s.user(gateAny, s.uiPasswordUpdate))
	m.HandleFunc("GET /account/tokens", s.user(gateAny, s.uiTokenList))
	m.HandleFunc("POST /account/tokens", s.user(gateAny, s.uiTokenCreate))
	m.HandleFunc("POST /account/tokens/{id}/revoke", s.user(gateAny, s.uiTokenRevoke))

	m.HandleFunc("GET /dashboard", s.user(gateLedger, s.uiDashboardShow))
	m.HandleFunc("GET /modules/{name}", s.user(gateLedger, s.uiModuleShow))

	m.HandleFunc("GET /organisations", s.user(gateLedger, s.uiOrganisationList))
	m.HandleFunc("GET /organisations/new", s.user(gateLedger, s.uiOrganisationNew))
	m.HandleFunc("POST /organisations", s.user(gateLedger, s.uiOrganisationCreate))
	m.HandleFunc("GET /organisations/import", s.user(gateLedger, s.uiOrganisationImportShow))
	m.HandleFunc("POST /organisations/import", s.user(gateLedger, s.uiOrganisationImportSubmit))
	m.HandleFunc("GET /organisations/import/template.csv", s.user(gateLedger, s.uiOrganisationTemplate))
	m.HandleFunc("GET /organisations/{id}", s.user(gateLedger, s.uiOrganisationShow))
	m.HandleFunc("GET /organisations/{id}/edit", s.user(gateLedger, s.uiOrganisationEdit))
	m.HandleFunc("POST /organisations/{id}", s.user(gateLedger, s.uiOrganisationUpdate))
	m.HandleFunc("GET /organisations/{id}/licences/new", s.user(gateLedger, s.uiLicenceNew))
	m.HandleFunc("POST /organisations/{id}/licences", s.user(gateLedger, s.uiLicenceCreate))

	m.HandleFunc("GET /licences", s.user(gateLedger, s.uiLicenceList))
	m.HandleFunc("GET /licences/{id}/edit", s.user(gateLedger, s.uiLicenceEdit))
	m.HandleFunc("POST /licences/{id}", s.user(gateLedger, s.uiLicenceUpdate))
	m.HandleFunc("POST /licences/{id}/delete", s.user(gateLedger, s.uiLicenceDelete))

	m.HandleFunc("GET /services", s.user(gateLedger, s.uiServiceList))
	m.HandleFunc("GET /services/new", s.user(gateLedger, s.uiServiceNew))
	m.HandleFunc("POST /services", s.user(gateLedger, s.uiServiceCreate))
	m.HandleFunc("GET /services/import", s.user(gateLedger, s.uiServiceImportShow))
	m.HandleFunc("POST /services/import", s.user(gateLedger, s.uiServiceImportSubmit))
	m.HandleFunc("GET /services/import/template.csv", s.user(gateLedger, s.uiServiceTemplate))
	m.HandleFunc("GET /services/{id}", s.user(gateLedger, s.uiServiceShow))
	m.HandleFunc("GET /services/{id}/edit", s.user(gateLedger, s.uiServiceEdit))
	m.HandleFunc("POST /services/{id}", s.user(gateLedger, s.uiServiceUpdate))
	m.HandleFunc("POST /services/{id}/status", s.user(gateLedger, s.uiServiceStatus))
	m.HandleFunc("POST /services/{id}/major-change", s.user(gateLedger, s.uiServiceMajorChange))

	s.assessmentUIRoutes()

	if s.opts.Reminders != nil {
		m.HandleFunc("GET /reminders", s.user(gateLedger, s.uiReminderList))
		m.HandleFunc("POST /reminders/{id}/read", s.user(gateLedger, s.uiReminderRead))
	}

	m.HandleFunc("GET /accounts", s.user(gateAccounts, s.uiAccountList))
	m.HandleFunc("GET /accounts/new", s.user(gateAccounts, s.uiAccountNew))
	m.HandleFunc("POST /accounts", s.user(gateAccounts, s.uiAccountCreate))
	m.HandleFunc("GET /accounts/{id}/edit", s.user(gateAccounts, s.uiAccountEdit))
	m.HandleFunc("POST /accounts/{id}", s.user(gateAccounts, s.uiAccountUpdate))
	m.HandleFunc("POST /accounts/{id}/password", s.user(gateAccounts, s.uiAccountPassword))
	m.HandleFunc("POST /accounts/{id}/unlock", s.user(gateAccounts, s.uiAccountUnlock))

	m.HandleFunc("GET /audit", s.user(gateAudit, s.uiAuditList))
	m.HandleFunc("POST /audit/verify", s.user(gateAudit, s.uiAuditVerify))

	// Everything else outside /api/ (which answers its own 404 problems) is
	// the one 404 page.
	m.HandleFunc("/", s.uiNotFound)
}
