package api

import (
	"net/http"

	"github.com/pinggu/pinggu/web/httpx"
)

// loginRequest is the body of POST /api/login.
type loginRequest struct {
	Username string `json:"username"`
	Password string `json:"password"`
}

// login checks a password and opens a browser session. Scripts may use it
// too, though API tokens suit them better.
func (s *Handler) login(w http.ResponseWriter, r *http.Request) error {
	var req loginRequest
	if err := s.decodeJSON(w, r, &req); err != nil {
		return err
	}
	token, actor, err := s.svc.Users.Login(r.Context(), req.Username, req.Password, r.RemoteAddr)
	if err != nil {
		return err
	}
	httpx.SetSessionCookie(w, token, s.opts.SecureCookies)
	s.writeJSON(w, http.StatusOK, actor)
	return nil
}
