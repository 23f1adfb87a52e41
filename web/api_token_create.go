package web

import (
	"net/http"
	"time"

	"github.com/pinggu/pinggu"
)

// tokenCreateRequest is the body of POST /api/me/tokens.
type tokenCreateRequest struct {
	Name      string     `json:"name"`
	ExpiresAt *time.Time `json:"expires_at,omitempty"`
}

// tokenCreated answers a token creation with the secret, shown this once.
type tokenCreated struct {
	Secret string           `json:"secret"`
	Token  *pinggu.APIToken `json:"token"`
}

// apiTokenCreate issues an API token for the caller.
func (s *Server) apiTokenCreate(w http.ResponseWriter, r *http.Request) {
	var req tokenCreateRequest
	if err := s.decodeJSON(w, r, &req); err != nil {
		s.writeProblem(w, r, err)
		return
	}
	secret, t, err := s.opts.Users.CreateToken(r.Context(), req.Name, req.ExpiresAt)
	if err != nil {
		s.writeProblem(w, r, err)
		return
	}
	s.writeJSON(w, http.StatusCreated, tokenCreated{Secret: secret, Token: t})
}
