package web

import (
	"net/http"
	"strings"

	"github.com/pinggu/pinggu"
)

// tokenPrefix starts every API token secret, so a leaked one is recognisable
// and a bearer value that is not ours is refused without a database lookup.
const tokenPrefix = "pgt_"

// authenticate resolves the caller from a bearer token or the session cookie
// and puts it into the request context. Bad or expired credentials leave the
// request anonymous; the handler decides whether that is enough.
func (s *Server) authenticate(h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		var actor *pinggu.Actor
		if secret, ok := bearerToken(r); ok {
			if strings.HasPrefix(secret, tokenPrefix) {
				if a, err := s.opts.Users.ActorByToken(r.Context(), secret); err == nil {
					actor = a
				} else if pinggu.ErrorCode(err) == pinggu.EINTERNAL {
					s.logger.Error("resolve API token", "err", err)
				}
			}
		} else if c, err := r.Cookie(sessionCookieName); err == nil && c.Value != "" {
			if a, err := s.opts.Users.ActorBySession(r.Context(), c.Value); err == nil {
				actor = a
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

// passwordChangeRoutes are what an account whose password an administrator
// set may still use: it must choose its own before anything else, through
// the API as through the UI.
var passwordChangeRoutes = map[string]bool{
	"GET /api/me":           true,
	"POST /api/me/password": true,
	"POST /api/logout":      true,
}

// requireActor answers 401 for anonymous callers of routes that need one, and
// 403 for an actor that must first change its password.
func (s *Server) requireActor(h http.HandlerFunc) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		a := pinggu.ActorFrom(r.Context())
		if a == nil {
			s.writeProblem(w, r, pinggu.Errorf(pinggu.EUNAUTHORIZED, "请先登录"))
			return
		}
		if a.MustChangePassword && !passwordChangeRoutes[r.Pattern] {
			s.writeProblem(w, r, pinggu.Errorf(pinggu.EFORBIDDEN, "请先修改管理员设置的初始密码（POST /api/me/password）"))
			return
		}
		h(w, r)
	}
}
