// Package web serves pinggu over HTTP: the JSON API with its OpenAPI
// document and the server-rendered UI, on one mux behind one middleware chain.
package web

import (
	"context"
	"errors"
	"log/slog"
	"net/http"
	"sync"

	"github.com/pinggu/pinggu"
)

// Default body limits: JSON requests are small; CSV and evidence uploads are
// not. An upload may carry an evidence file of the largest size allowed with
// its multipart framing.
const (
	defaultMaxBodyBytes = 1 << 20
	maxUploadBytes      = pinggu.MaxEvidenceSize + 1<<20
)

// Options wires the server to the domain services and says how it is run.
type Options struct {
	Organisations pinggu.OrganisationService
	Licences      pinggu.LicenceService
	Services      pinggu.ServiceService
	Users         pinggu.UserService
	Audit         pinggu.AuditService
	// Assessments and Standards serve the assessment workflow; their routes
	// and pages are left out while either is nil.
	Assessments pinggu.AssessmentService
	Standards   pinggu.StandardService
	// Reminders serves the periodic-review reminders; their routes answer
	// 404 and the dashboard leaves out its panel while it is nil.
	Reminders     pinggu.ReminderService
	Health        func(context.Context) error // database ping for /healthz
	Logger        *slog.Logger
	SecureCookies bool // set when served behind TLS
	Version       string
	MaxBodyBytes  int64 // JSON request bodies; default 1 MiB (uploads get 20 MiB)
}

// Server is the HTTP handler of the whole application.
type Server struct {
	opts    Options
	mux     *http.ServeMux
	logger  *slog.Logger
	metrics *metrics
	handler http.Handler

	openapiOnce sync.Once
	openapiJSON []byte
	openapiErr  error
}

// NewServer checks o, registers every route and builds the middleware chain.
func NewServer(o Options) (*Server, error) {
	if o.Organisations == nil || o.Licences == nil || o.Services == nil || o.Users == nil || o.Audit == nil {
		return nil, errors.New("web: every domain service must be set in Options")
	}
	if o.Logger == nil {
		o.Logger = slog.New(slog.DiscardHandler)
	}
	if o.MaxBodyBytes <= 0 {
		o.MaxBodyBytes = defaultMaxBodyBytes
	}
	s := &Server{opts: o, mux: http.NewServeMux(), logger: o.Logger, metrics: newMetrics()}
	s.routes()
	s.handler = s.middleware(s.mux)
	return s, nil
}

// ServeHTTP serves r through the middleware chain.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	s.handler.ServeHTTP(w, r)
}

// routes registers the API, the UI and the operational endpoints on one mux.
func (s *Server) routes() {
	s.mux.HandleFunc("GET /healthz", s.healthz)
	s.mux.Handle("GET /metrics", s.metrics.handler())
	s.apiRoutes()
	s.uiRoutes()
}
