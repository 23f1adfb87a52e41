package web

import (
	"net/http"
	"reflect"

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
	return []apiRoute{
		{Method: "POST", Pattern: "/api/login", Handler: (*Server).apiLogin, Tag: "session", Public: true,
			Summary: "Log in with username and password; sets the session cookie",
			Request: typeOf[loginRequest](), Response: typeOf[pinggu.Actor]()},
		{Method: "POST", Pattern: "/api/logout", Handler: (*Server).apiLogout, Tag: "session", Public: true,
			Summary: "End the session and clear its cookie", Status: http.StatusNoContent},
		{Method: "GET", Pattern: "/api/me", Handler: (*Server).apiMe, Tag: "session",
			Summary: "The authenticated caller", Response: typeOf[pinggu.Actor]()},
	}
}

// apiRoutes registers the API table on the mux, answering 401 to anonymous
// callers of every route that is not public.
func (s *Server) apiRoutes() {
	for _, rt := range apiRouteTable() {
		h := func(w http.ResponseWriter, r *http.Request) { rt.Handler(s, w, r) }
		if !rt.Public {
			h = s.requireActor(h)
		}
		s.mux.HandleFunc(rt.Method+" "+rt.Pattern, h)
	}
}
