package api

import (
	"net/http"

	"github.com/pinggu/pinggu"
	"github.com/pinggu/pinggu/web/httpx"
)

// loginRequest is the body of POST /api/login.
type loginRequest struct {
	Username string `json:"username"`
	Password string `json:"password"`
}

// login checks a password and opens a browser session. Scripts may use it
// too, though API tokens suit them better. Attempts beyond the limits per
// client address and per account name answer 429 with Retry-After before
// any password is hashed, the same for names that exist and names that do
// not.
func (s *Handler) login(w http.ResponseWriter, r *http.Request) error {
	var req loginRequest
	if err := s.decodeJSON(w, r, &req); err != nil {
		return err
	}
	if err := s.opts.LoginLimits.Check(r.Context(), req.Username); err != nil {
		return err
	}
	token, actor, err := s.svc.Users.Login(r.Context(), req.Username, req.Password, pinggu.ClientAddrFrom(r.Context()))
	if err != nil {
		return err
	}
	httpx.SetSessionCookie(w, token, s.opts.SecureCookies)
	s.writeJSON(w, http.StatusOK, actor)
	return nil
}
