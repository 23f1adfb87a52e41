package ui

import (
	"net/http"

	"github.com/pinggu/pinggu/web/httpx"
)

// logoutSubmit ends the session and returns to the login page.
func (s *Handler) logoutSubmit(w http.ResponseWriter, r *http.Request) error {
	if c, err := r.Cookie(httpx.SessionCookieName); err == nil && c.Value != "" {
		if err := s.svc.Users.Logout(r.Context(), c.Value); err != nil {
			s.logger.Warn("logout", "err", err)
		}
	}
	httpx.ClearSessionCookie(w, s.opts.SecureCookies)
	s.redirectFlash(w, r, "/login", "flash.logged_out")
	return nil
}
