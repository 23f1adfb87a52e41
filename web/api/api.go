// Package api is the JSON API: one handler per file (noun_verb.go), every
// endpoint in the one route table of routes.go, which the mux, the OpenAPI
// document and the cross-tenant test all read. Handlers return their error
// to one adapter that answers it as RFC 9457 problem details.
package api

import (
	"log/slog"
	"net/http"
	"sync"

	"github.com/pinggu/pinggu"
	"github.com/pinggu/pinggu/web/httpx"
)

// Options says how the API is served.
type Options struct {
	Logger *slog.Logger
	// Denials keeps refused requests in the audit log (nil: not kept).
	Denials       *httpx.Denials
	MaxBodyBytes  int64 // JSON request bodies
	SecureCookies bool  // the session cookie is sent over TLS only
	Version       string
	// LoginLimits bound password logins per address and account name.
	LoginLimits *httpx.LoginLimits
}

// Handler serves the JSON API over the domain services.
type Handler struct {
	svc    pinggu.Services
	opts   Options
	logger *slog.Logger

	openapiOnce sync.Once
	openapiJSON []byte
	openapiErr  error
}

// New returns the API over svc.
func New(svc pinggu.Services, o Options) *Handler {
	if o.Logger == nil {
		o.Logger = slog.New(slog.DiscardHandler)
	}
	return &Handler{svc: svc, opts: o, logger: o.Logger}
}

// serve adapts a handler that returns an error: the error is answered as a
// problem document.
func (s *Handler) serve(h func(*Handler, http.ResponseWriter, *http.Request) error) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		if err := h(s, w, r); err != nil {
			s.opts.Denials.Note(r, err)
			s.writeProblem(w, r, err)
		}
	}
}

// writeProblem answers err as a problem document.
func (s *Handler) writeProblem(w http.ResponseWriter, r *http.Request, err error) {
	httpx.WriteProblem(w, r, s.logger, 0, err)
}

// writeProblemStatus is writeProblem with a status of the protocol (405).
func (s *Handler) writeProblemStatus(w http.ResponseWriter, r *http.Request, status int, err error) {
	httpx.WriteProblem(w, r, s.logger, status, err)
}

// writeJSON answers with v as JSON.
func (s *Handler) writeJSON(w http.ResponseWriter, status int, v any) {
	httpx.WriteJSON(w, s.logger, status, v)
}

// decodeJSON reads the request body into v, at most MaxBodyBytes of it.
func (s *Handler) decodeJSON(w http.ResponseWriter, r *http.Request, v any) error {
	return httpx.DecodeJSON(w, r, s.opts.MaxBodyBytes, v)
}
