package web

import (
	"net/http"
)

// uiLogoutSubmit ends the session and returns to the login page.
func (s *Server) uiLogoutSubmit(w http.ResponseWriter, r *http.Request) {
	if c, err := r.Cookie(sessionCookieName); err == nil && c.Value != "" {
		if err := s.opts.Users.Logout(r.Context(), c.Value); err != nil {
			s.logger.Warn("logout", "err", err)
		}
	}
	s.clearSessionCookie(w)
	s.redirectFlash(w, r, "/login", "flash.logged_out")
}
