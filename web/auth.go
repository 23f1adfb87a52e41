package web

import (
	"net/http"
	"strings"

	"github.com/pinggu/pinggu"
	"github.com/pinggu/pinggu/web/httpx"
)

// TokenPrefix starts every API token secret, so a leaked one is recognisable
// and a bearer value that is not ours is refused without a database lookup.
const TokenPrefix = "pgt_"

// authenticate resolves the caller from a bearer token or the session cookie
// and puts it into the request context. Bad or expired credentials leave the
// request anonymous; the handler decides whether that is enough. A session
// a password change or reset ended is remembered with its reason, so the
// user is told why it was signed out.
func (s *Server) authenticate(h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		var actor *pinggu.Actor
		if secret, ok := bearerToken(r); ok {
			if strings.HasPrefix(secret, TokenPrefix) {
				if a, err := s.opts.Services.Users.ActorByToken(r.Context(), secret); err == nil {
					actor = a
				} else if pinggu.ErrorCode(err) == pinggu.EINTERNAL {
					s.logger.Error("resolve API token", "err", err)
				}
			}
		} else if c, err := r.Cookie(httpx.SessionCookieName); err == nil && c.Value != "" {
			if a, err := s.opts.Services.Users.ActorBySession(r.Context(), c.Value); err == nil {
				actor = a
			} else if reason := pinggu.SessionEndReason(err); reason != "" {
				r = r.WithContext(httpx.WithSessionEnd(r.Context(), reason))
			} else if pinggu.ErrorCode(err) == pinggu.EINTERNAL {
				s.logger.Error("resolve session", "err", err)
			}
		}
		if actor != nil {
			r = r.WithContext(pinggu.WithActor(r.Context(), actor))
		}
		h.ServeHTTP(w, r)
	})
}

// bearerToken returns the credential of an "Authorization: Bearer …" header.
func bearerToken(r *http.Request) (string, bool) {
	h := r.Header.Get("Authorization")
	scheme, value, ok := strings.Cut(h, " ")
	if !ok || !strings.EqualFold(scheme, "Bearer") {
		return "", false
	}
	return strings.TrimSpace(value), true
}
