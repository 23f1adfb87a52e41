package api

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

// TokenCreated answers a token creation with the secret, shown this once.
type TokenCreated struct {
	Secret string           `json:"secret"`
	Token  *pinggu.APIToken `json:"token"`
}

// tokenCreate issues an API token for the caller.
func (s *Handler) tokenCreate(w http.ResponseWriter, r *http.Request) error {
	var req tokenCreateRequest
	if err := s.decodeJSON(w, r, &req); err != nil {
		return err
	}
	secret, t, err := s.svc.Users.CreateToken(r.Context(), req.Name, req.ExpiresAt)
	if err != nil {
		return err
	}
	s.writeJSON(w, http.StatusCreated, TokenCreated{Secret: secret, Token: t})
	return nil
}
