package web

import "net/http"

// apiLogout ends the browser session, if any, and clears its cookie. It is
// public so a client with a stale cookie can still clean up.
func (s *Server) apiLogout(w http.ResponseWriter, r *http.Request) {
	if c, err := r.Cookie(sessionCookieName); err == nil && c.Value != "" {
		if err := s.opts.Users.Logout(r.Context(), c.Value); err != nil {
			s.logger.Warn("logout", "err", err)
		}
	}
	s.clearSessionCookie(w)
	w.WriteHeader(http.StatusNoContent)
}
