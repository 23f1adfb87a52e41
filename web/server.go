// Package web is the HTTP server of pinggu: it mounts the JSON API (package
// api) and the server-rendered UI (package ui) on one mux behind one
// middleware chain — recovery, request log and metrics, security headers,
// body limits, cross-origin refusal and authentication by session cookie
// or API token — and serves /healthz and /metrics.
package web

import (
	"context"
	"errors"
	"log/slog"
	"net/http"
	"net/netip"

	"github.com/pinggu/pinggu"
	"github.com/pinggu/pinggu/web/api"
	"github.com/pinggu/pinggu/web/httpx"
	"github.com/pinggu/pinggu/web/sso"
	"github.com/pinggu/pinggu/web/ui"
)

// defaultMaxBodyBytes caps JSON request bodies; CSV and evidence uploads
// get httpx.MaxUploadBytes.
const defaultMaxBodyBytes = 1 << 20

// Options wires the server to the domain services and says how it is run.
type Options struct {
	// Services are the domain services both surfaces take; the optional
	// ones (assessments, standards, reminders) leave their routes and pages
	// out while nil.
	Services      pinggu.Services
	Health        func(context.Context) error // database ping for /healthz
	Logger        *slog.Logger
	SecureCookies bool // set when served behind TLS
	Version       string
	MaxBodyBytes  int64 // JSON request bodies; default 1 MiB (uploads get 20 MiB)
	// TrustedProxies are the reverse proxies whose X-Forwarded-For names
	// the client; without them the peer's address is the client's.
	TrustedProxies []netip.Prefix
	// LoginLimits bound password logins per address and per account name;
	// nil takes httpx.DefaultLoginRateAddr and DefaultLoginRateAccount.
	LoginLimits *httpx.LoginLimits
	// MetricsToken, when set, serves /metrics to a bearer of it alone;
	// without it /metrics answers loopback clients only.
	MetricsToken string
	// SSO, when set, offers single sign-on through an OpenID Connect
	// provider on the login page (see package sso); password login stays.
	SSO *sso.Provider
}

// Server is the HTTP handler of the whole application.
type Server struct {
	opts    Options
	mux     *http.ServeMux
	logger  *slog.Logger
	metrics *metrics
	handler http.Handler
	api     *api.Handler
	ui      *ui.Handler
}

// NewServer checks o, mounts both surfaces and builds the middleware chain.
func NewServer(o Options) (*Server, error) {
	if !o.Services.Ready() {
		return nil, errors.New("web: every domain service must be set in Options")
	}
	if o.Logger == nil {
		o.Logger = slog.New(slog.DiscardHandler)
	}
	if o.MaxBodyBytes <= 0 {
		o.MaxBodyBytes = defaultMaxBodyBytes
	}
	if o.LoginLimits == nil {
		o.LoginLimits = httpx.NewLoginLimits(httpx.DefaultLoginRateAddr, httpx.DefaultLoginRateAccount)
	}
	s := &Server{opts: o, mux: http.NewServeMux(), logger: o.Logger, metrics: newMetrics()}
	// Refused requests are security events of the audit log, when the
	// audit service keeps them (the store does).
	rec, _ := o.Services.Audit.(pinggu.DenialRecorder)
	denials := httpx.NewDenials(rec, o.Logger)
	s.api = api.New(o.Services, api.Options{Logger: o.Logger, Denials: denials, MaxBodyBytes: o.MaxBodyBytes, SecureCookies: o.SecureCookies, Version: o.Version, LoginLimits: o.LoginLimits})
	s.ui = ui.New(o.Services, ui.Options{Logger: o.Logger, Denials: denials, SecureCookies: o.SecureCookies, LoginLimits: o.LoginLimits, SSO: o.SSO})
	s.mux.HandleFunc("GET /healthz", s.healthz)
	s.mux.Handle("GET /metrics", s.MetricsHandler())
	s.api.Register(s.mux)
	s.ui.Register(s.mux)
	s.handler = s.middleware(s.mux)
	return s, nil
}

// ServeHTTP serves r through the middleware chain.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	s.handler.ServeHTTP(w, r)
}

// APIEnabled reports whether the server serves the API route rt (its
// module's services are set).
func (s *Server) APIEnabled(rt api.Route) bool { return s.api.Enabled(rt) }

// UIEnabled reports whether the server serves the page rt.
func (s *Server) UIEnabled(rt ui.Route) bool { return s.ui.Enabled(rt) }

// writeProblem answers err as a problem document, for the middleware.
func (s *Server) writeProblem(w http.ResponseWriter, r *http.Request, err error) {
	httpx.WriteProblem(w, r, s.logger, 0, err)
}
