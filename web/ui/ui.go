// Package ui is the server-rendered UI: one handler per file (noun_verb.go),
// the embedded templates and static files, and every page in the one route
// table of routes.go. Handlers return their error to one adapter that shows
// the page that fits it (not found, forbidden, the login page, or the
// internal-error page); a form with invalid input is shown again by its
// handler with the errors next to the fields.
package ui

import (
	"log/slog"
	"mime"
	"net/http"

	"github.com/pinggu/pinggu"
	"github.com/pinggu/pinggu/web/httpx"
	"github.com/pinggu/pinggu/web/sso"
)

// Options says how the UI is served.
type Options struct {
	Logger *slog.Logger
	// Denials keeps refused requests in the audit log (nil: not kept).
	Denials       *httpx.Denials
	SecureCookies bool // cookies are sent over TLS only
	// LoginLimits bound password logins per address and account name.
	LoginLimits *httpx.LoginLimits
	// SSO, when set, offers single sign-on through an OpenID Connect
	// provider beside the password.
	SSO *sso.Provider
}

// Handler serves the UI over the domain services.
type Handler struct {
	svc    pinggu.Services
	opts   Options
	logger *slog.Logger
	// gates are the gates of the GET pages, for links to offer only what
	// opens.
	gates pageGates
}

// pageGates are the gates of the GET pages, by pattern.
type pageGates map[string]gate

// admit reports whether the page at path (a pattern without parameters,
// such as /cases) opens for a: its own gate decides, as it does when the
// link is followed; a page without a gate of its own opens.
func (g pageGates) admit(a *pinggu.Actor, path string) bool {
	gt, ok := g[path]
	return !ok || (a != nil && gt(a))
}

// New returns the UI over svc.
func New(svc pinggu.Services, o Options) *Handler {
	if o.Logger == nil {
		o.Logger = slog.New(slog.DiscardHandler)
	}
	pages() // parsed now, so a broken template stops the server at start
	gates := pageGates{}
	for _, rt := range Routes() {
		if rt.Method == "GET" && rt.Gate != nil {
			gates[rt.Pattern] = rt.Gate
		}
	}
	return &Handler{svc: svc, opts: o, logger: o.Logger, gates: gates}
}

// handlerFunc is a page's handler.
type handlerFunc func(*Handler, http.ResponseWriter, *http.Request) error

// formMaxBytes caps a form that is not an upload: a page's fields are a few
// kilobytes, and a larger body is refused (413) before a handler runs.
const formMaxBytes = 1 << 20

// serve adapts a handler that returns an error: the error is shown as the
// page that fits it. A posted form (not a multipart upload, which its
// handler streams) is read here, once, under formMaxBytes, so every form
// handler finds r.PostForm filled and no handler meets a body too large or
// broken (400) on its own.
func (s *Handler) serve(h handlerFunc) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		if err := parseForm(w, r); err != nil {
			s.uiError(w, r, err)
			return
		}
		if err := h(s, w, r); err != nil {
			s.opts.Denials.Note(r, err)
			s.uiError(w, r, err)
		}
	}
}

// parseForm reads a posted URL-encoded form (or a body of no declared
// type, which browsers never send but scripts do) under formMaxBytes.
func parseForm(w http.ResponseWriter, r *http.Request) error {
	if r.Method != http.MethodPost {
		return nil
	}
	mt, _, _ := mime.ParseMediaType(r.Header.Get("Content-Type"))
	if mt == "multipart/form-data" {
		return nil
	}
	r.Body = http.MaxBytesReader(w, r.Body, formMaxBytes)
	if err := r.ParseForm(); err != nil {
		if err = httpx.AsDomainError(err); pinggu.ErrorCode(err) == pinggu.EINTERNAL {
			err = pinggu.Errorf(pinggu.EINVALID, "表单格式错误")
		}
		return err
	}
	return httpx.CheckFormUTF8(r.PostForm)
}
