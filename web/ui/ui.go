// Package ui is the server-rendered UI: one handler per file (noun_verb.go),
// the embedded templates and static files, and every page in the one route
// table of routes.go. Handlers return their error to one adapter that shows
// the page that fits it (not found, forbidden, the login page, or the
// internal-error page); a form with invalid input is shown again by its
// handler with the errors next to the fields.
package ui

import (
	"log/slog"
	"net/http"

	"github.com/pinggu/pinggu"
	"github.com/pinggu/pinggu/web/httpx"
)

// Options says how the UI is served.
type Options struct {
	Logger *slog.Logger
	// Denials keeps refused requests in the audit log (nil: not kept).
	Denials       *httpx.Denials
	SecureCookies bool // cookies are sent over TLS only
}

// Handler serves the UI over the domain services.
type Handler struct {
	svc    pinggu.Services
	opts   Options
	logger *slog.Logger
}

// New returns the UI over svc.
func New(svc pinggu.Services, o Options) *Handler {
	if o.Logger == nil {
		o.Logger = slog.New(slog.DiscardHandler)
	}
	return &Handler{svc: svc, opts: o, logger: o.Logger}
}

// handlerFunc is a page's handler.
type handlerFunc func(*Handler, http.ResponseWriter, *http.Request) error

// serve adapts a handler that returns an error: the error is shown as the
// page that fits it.
func (s *Handler) serve(h handlerFunc) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		if err := h(s, w, r); err != nil {
			s.opts.Denials.Note(r, err)
			s.uiError(w, r, err)
		}
	}
}
