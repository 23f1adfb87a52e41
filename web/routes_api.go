package web

import (
	"net/http"
	"reflect"
	"strings"

	"github.com/pinggu/pinggu"
)

// apiRoute is one endpoint of the JSON API. The table of them is the single
// list the mux, the OpenAPI generator and the tenancy test all read, so an
// endpoint cannot exist without being documented and tested for tenancy.
type apiRoute struct {
	Method  string
	Pattern string // path in Go 1.22 mux syntax, e.g. /api/organisations/{id}
	Handler func(*Server, http.ResponseWriter, *http.Request)
	Summary string
	Tag     string
	// Request is the JSON body type (nil for none); Query the type whose json
	// tags name the query parameters; Response the JSON body answered.
	Request  reflect.Type
	Query    reflect.Type
	Response reflect.Type
	// RequestMedia and ResponseMedia override application/json (CSV imports
	// and exports).
	RequestMedia  string
	ResponseMedia string
	Status        int  // success status; 200 when zero
	TakesID       bool // the path names one record by {id}
	Public        bool // answers anonymous callers
}

// typeOf returns the reflect.Type of T, for the route table.
func typeOf[T any]() reflect.Type { return reflect.TypeFor[T]() }

// apiRouteTable lists every API endpoint. It is a function, not a variable,
// because the OpenAPI handler reads it and Go forbids that initialisation cycle.
func apiRouteTable() []apiRoute {
	return append(append([]apiRoute{
		// Session and the caller's own account.
		{Method: "POST", Pattern: "/api/login", Handler: (*Server).apiLogin, Tag: "session", Public: true,
			Summary: "Log in with username and password; sets the session cookie",
			Request: typeOf[loginRequest](), Response: typeOf[pinggu.Actor]()},
		{Method: "POST", Pattern: "/api/logout", Handler: (*Server).apiLogout, Tag: "session", Public: true,
			Summary: "End the session and clear its cookie", Status: http.StatusNoContent},
		{Method: "GET", Pattern: "/api/me", Handler: (*Server).apiMe, Tag: "session",
			Summary: "The authenticated caller", Response: typeOf[pinggu.Actor]()},
		{Method: "POST", Pattern: "/api/me/password", Handler: (*Server).apiMePassword, Tag: "session",
			Summary: "Change the caller's own password", Request: typeOf[passwordChangeRequest](), Status: http.StatusNoContent},
		{Method: "GET", Pattern: "/api/me/tokens", Handler: (*Server).apiTokenList, Tag: "session",
			Summary: "The caller's API tokens", Response: typeOf[listResponse[*pinggu.APIToken]]()},
		{Method: "POST", Pattern: "/api/me/tokens", Handler: (*Server).apiTokenCreate, Tag: "session",
			Summary: "Create an API token; its secret is shown only in this response",
			Request: typeOf[tokenCreateRequest](), Response: typeOf[tokenCreated](), Status: http.StatusCreated},
		{Method: "DELETE", Pattern: "/api/me/tokens/{id}", Handler: (*Server).apiTokenRevoke, Tag: "session", TakesID: true,
			Summary: "Revoke one of the caller's API tokens", Status: http.StatusNoContent},

		// Organisations.
		{Method: "GET", Pattern: "/api/organisations", Handler: (*Server).apiOrganisationList, Tag: "organisations",
			Summary: "List organisations in the caller's scope; a text search (q) lists at most 1,000 matches",
			Query:   typeOf[pinggu.OrganisationFilter](), Response: typeOf[listResponse[*pinggu.Organisation]]()},
		{Method: "POST", Pattern: "/api/organisations", Handler: (*Server).apiOrganisationCreate, Tag: "organisations",
			Summary: "Register an organisation", Request: typeOf[pinggu.Organisation](), Response: typeOf[pinggu.Organisation](), Status: http.StatusCreated},
		{Method: "POST", Pattern: "/api/organisations/import", Handler: (*Server).apiOrganisationImport, Tag: "organisations",
			Summary:      "Import organisations from CSV (body or multipart field \"file\"); all rows or none",
			RequestMedia: "text/csv", Response: typeOf[importResult](), Status: http.StatusCreated},
		{Method: "GET", Pattern: "/api/organisations/export.csv", Handler: (*Server).apiOrganisationExport, Tag: "organisations",
			Summary: "Export the organisations the filters select, all pages, as CSV",
			Query:   typeOf[pinggu.OrganisationFilter](), ResponseMedia: "text/csv"},
		{Method: "GET", Pattern: "/api/organisations/{id}", Handler: (*Server).apiOrganisationGet, Tag: "organisations", TakesID: true,
			Summary: "One organisation", Response: typeOf[pinggu.Organisation]()},
		{Method: "PUT", Pattern: "/api/organisations/{id}", Handler: (*Server).apiOrganisationUpdate, Tag: "organisations", TakesID: true,
			Summary: "Update an organisation; fields absent from the body keep their values",
			Request: typeOf[pinggu.Organisation](), Response: typeOf[pinggu.Organisation]()},
		{Method: "GET", Pattern: "/api/organisations/{id}/services", Handler: (*Server).apiOrganisationServices, Tag: "organisations", TakesID: true,
			Summary: "Services of one organisation",
			Query:   typeOf[pinggu.ListOptions](), Response: typeOf[listResponse[*pinggu.Service]]()},
		{Method: "GET", Pattern: "/api/organisations/{id}/licences", Handler: (*Server).apiOrganisationLicences, Tag: "organisations", TakesID: true,
			Summary: "Licences of one organisation",
			Query:   typeOf[pinggu.ListOptions](), Response: typeOf[listResponse[*pinggu.Licence]]()},

		// Licences.
		{Method: "GET", Pattern: "/api/licences", Handler: (*Server).apiLicenceList, Tag: "licences",
			Summary: "List licences in the caller's scope",
			Query:   typeOf[pinggu.LicenceFilter](), Response: typeOf[listResponse[*pinggu.Licence]]()},
		{Method: "POST", Pattern: "/api/licences", Handler: (*Server).apiLicenceCreate, Tag: "licences",
			Summary: "Record a licence of an organisation", Request: typeOf[pinggu.Licence](), Response: typeOf[pinggu.Licence](), Status: http.StatusCreated},
		{Method: "GET", Pattern: "/api/licences/export.csv", Handler: (*Server).apiLicenceExport, Tag: "licences",
			Summary: "Export the licences the filters select, all pages, as CSV",
			Query:   typeOf[pinggu.LicenceFilter](), ResponseMedia: "text/csv"},
		{Method: "GET", Pattern: "/api/licences/{id}", Handler: (*Server).apiLicenceGet, Tag: "licences", TakesID: true,
			Summary: "One licence", Response: typeOf[pinggu.Licence]()},
		{Method: "PUT", Pattern: "/api/licences/{id}", Handler: (*Server).apiLicenceUpdate, Tag: "licences", TakesID: true,
			Summary: "Update a licence; fields absent from the body keep their values",
			Request: typeOf[pinggu.Licence](), Response: typeOf[pinggu.Licence]()},
		{Method: "DELETE", Pattern: "/api/licences/{id}", Handler: (*Server).apiLicenceDelete, Tag: "licences", TakesID: true,
			Summary: "Delete a licence", Status: http.StatusNoContent},

		// Services.
		{Method: "GET", Pattern: "/api/services", Handler: (*Server).apiServiceList, Tag: "services",
			Summary: "List services in the caller's scope; a text search (q) lists at most 1,000 matches",
			Query:   typeOf[pinggu.ServiceFilter](), Response: typeOf[listResponse[*pinggu.Service]]()},
		{Method: "POST", Pattern: "/api/services", Handler: (*Server).apiServiceCreate, Tag: "services",
			Summary: "Register a service of an organisation", Request: typeOf[pinggu.Service](), Response: typeOf[pinggu.Service](), Status: http.StatusCreated},
		{Method: "POST", Pattern: "/api/services/import", Handler: (*Server).apiServiceImport, Tag: "services",
			Summary:      "Import services from CSV (body or multipart field \"file\"); all rows or none",
			RequestMedia: "text/csv", Response: typeOf[importResult](), Status: http.StatusCreated},
		{Method: "GET", Pattern: "/api/services/export.csv", Handler: (*Server).apiServiceExport, Tag: "services",
			Summary: "Export the services the filters select, all pages, as CSV",
			Query:   typeOf[pinggu.ServiceFilter](), ResponseMedia: "text/csv"},
		{Method: "GET", Pattern: "/api/services/{id}", Handler: (*Server).apiServiceGet, Tag: "services", TakesID: true,
			Summary: "One service", Response: typeOf[pinggu.Service]()},
		{Method: "PUT", Pattern: "/api/services/{id}", Handler: (*Server).apiServiceUpdate, Tag: "services", TakesID: true,
			Summary: "Update a service; fields absent from the body keep their values (status changes go through /status)",
			Request: typeOf[pinggu.Service](), Response: typeOf[pinggu.Service]()},
		{Method: "POST", Pattern: "/api/services/{id}/status", Handler: (*Server).apiServiceStatus, Tag: "services", TakesID: true,
			Summary: "Move a service along its lifecycle",
			Request: typeOf[statusChangeRequest](), Response: typeOf[pinggu.Service]()},
		{Method: "POST", Pattern: "/api/services/{id}/major-change", Handler: (*Server).apiServiceMajorChange, Tag: "services", TakesID: true,
			Summary: "Record a major change of a launched service, bringing its periodic review forward",
			Request: typeOf[majorChangeRequest](), Response: typeOf[pinggu.Service]()},

		// Assessments, evidence, reviews and standards (api_assessment_routes.go).
	}, assessmentRouteTable()...), []apiRoute{
		// Reminders of periodic reviews.
		{Method: "GET", Pattern: "/api/reminders", Handler: (*Server).apiReminderList, Tag: "reminders",
			Summary: "Periodic-review reminders in the caller's scope, newest first",
			Query:   typeOf[pinggu.ReminderFilter](), Response: typeOf[listResponse[*pinggu.Reminder]]()},
		{Method: "POST", Pattern: "/api/reminders/{id}/read", Handler: (*Server).apiReminderRead, Tag: "reminders", TakesID: true,
			Summary: "Mark a reminder read", Status: http.StatusNoContent},

		// Accounts (system administrators).
		{Method: "GET", Pattern: "/api/users", Handler: (*Server).apiUserList, Tag: "users",
			Summary: "List accounts", Query: typeOf[pinggu.UserFilter](), Response: typeOf[listResponse[*pinggu.User]]()},
		{Method: "POST", Pattern: "/api/users", Handler: (*Server).apiUserCreate, Tag: "users",
			Summary: "Create an account with an initial password", Request: typeOf[userCreateRequest](), Response: typeOf[pinggu.User](), Status: http.StatusCreated},
		{Method: "GET", Pattern: "/api/users/{id}", Handler: (*Server).apiUserGet, Tag: "users", TakesID: true,
			Summary: "One account", Response: typeOf[pinggu.User]()},
		{Method: "PUT", Pattern: "/api/users/{id}", Handler: (*Server).apiUserUpdate, Tag: "users", TakesID: true,
			Summary: "Update an account; fields absent from the body keep their values",
			Request: typeOf[pinggu.User](), Response: typeOf[pinggu.User]()},
		{Method: "POST", Pattern: "/api/users/{id}/password", Handler: (*Server).apiUserPassword, Tag: "users", TakesID: true,
			Summary: "Set an account's password; its owner must change it at next login",
			Request: typeOf[passwordResetRequest](), Status: http.StatusNoContent},
		{Method: "POST", Pattern: "/api/users/{id}/unlock", Handler: (*Server).apiUserUnlock, Tag: "users", TakesID: true,
			Summary: "Clear an account's lock-out", Status: http.StatusNoContent},
		{Method: "GET", Pattern: "/api/directory/organisations", Handler: (*Server).apiDirectory, Tag: "users",
			Summary: "Organisation names for placing accounts (no business data)",
			Query:   typeOf[directoryQuery](), Response: typeOf[listResponse[pinggu.OrgRef]]()},

		// Audit (auditors).
		{Method: "GET", Pattern: "/api/audit", Handler: (*Server).apiAuditList, Tag: "audit",
			Summary: "Audit log entries, newest first", Query: typeOf[pinggu.AuditFilter](), Response: typeOf[listResponse[*pinggu.AuditEntry]]()},
		{Method: "GET", Pattern: "/api/audit/verify", Handler: (*Server).apiAuditVerify, Tag: "audit",
			Summary: "Verify the audit hash chain", Response: typeOf[pinggu.AuditReport]()},

		// Reference data and this document.
		{Method: "GET", Pattern: "/api/meta", Handler: (*Server).apiMeta, Tag: "meta", Public: true,
			Summary: "Provinces, organisation kinds, categories, statuses and roles with Chinese and English labels", Response: typeOf[metaResponse]()},
		{Method: "GET", Pattern: "/api/openapi.json", Handler: (*Server).apiOpenAPI, Tag: "meta", Public: true,
			Summary: "This API's OpenAPI 3.1 document", Response: typeOf[map[string]any]()},
	}...)
}

// apiRoutes registers the API table on the mux, answering 401 to anonymous
// callers of every route that is not public.
func (s *Server) apiRoutes() {
	for _, rt := range apiRouteTable() {
		h := func(w http.ResponseWriter, r *http.Request) { rt.Handler(s, w, r) }
		if !s.routeEnabled(rt) {
			h = s.apiDisabled
		}
		if !rt.Public {
			h = s.requireActor(h)
		}
		s.mux.HandleFunc(rt.Method+" "+rt.Pattern, h)
	}
	s.mux.HandleFunc("/api/", s.apiUnmatched())
}

// apiUnmatched answers requests under /api/ that no route takes with a
// problem document rather than the UI's HTML page: 405 with an Allow header
// when the path exists under other methods, else 404. A catch-all pattern
// shadows the mux's own 405, so the methods are looked up here, on a mux of
// the table's paths alone.
func (s *Server) apiUnmatched() http.HandlerFunc {
	methods := map[string][]string{}
	paths := http.NewServeMux()
	for _, rt := range apiRouteTable() {
		if methods[rt.Pattern] == nil {
			paths.HandleFunc(rt.Pattern, func(http.ResponseWriter, *http.Request) {})
		}
		methods[rt.Pattern] = append(methods[rt.Pattern], rt.Method)
		if rt.Method == http.MethodGet {
			methods[rt.Pattern] = append(methods[rt.Pattern], http.MethodHead)
		}
	}
	return func(w http.ResponseWriter, r *http.Request) {
		if _, pattern := paths.Handler(r); methods[pattern] != nil {
			w.Header().Set("Allow", strings.Join(methods[pattern], ", "))
			s.writeProblemStatus(w, r, http.StatusMethodNotAllowed, pinggu.Errorf(pinggu.EINVALID, "接口不支持%s方法", r.Method))
			return
		}
		s.writeProblem(w, r, pinggu.Errorf(pinggu.ENOTFOUND, "接口不存在：%s %s", r.Method, r.URL.Path))
	}
}
