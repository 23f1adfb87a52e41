package api

import (
	"net/http"

	"github.com/pinggu/pinggu/web/httpx"
)

// logout ends the browser session, if any, and clears its cookie. It is
// public so a client with a stale cookie can still clean up.
func (s *Handler) logout(w http.ResponseWriter, r *http.Request) error {
	if c, err := r.Cookie(httpx.SessionCookieName); err == nil && c.Value != "" {
		if err := s.svc.Users.Logout(r.Context(), c.Value); err != nil {
			s.logger.Warn("logout", "err", err)
		}
	}
	httpx.ClearSessionCookie(w, s.opts.SecureCookies)
	w.WriteHeader(http.StatusNoContent)
	return nil
}
