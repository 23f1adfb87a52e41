package api

import (
	"net/http"

	"github.com/pinggu/pinggu"
)

// tokenList lists the caller's API tokens (never their secrets).
func (s *Handler) tokenList(w http.ResponseWriter, r *http.Request) error {
	tokens, err := s.svc.Users.ListTokens(r.Context())
	if err != nil {
		return err
	}
	s.writeJSON(w, http.StatusOK, newList(tokens, len(tokens), pinggu.ListOptions{Limit: len(tokens)}))
	return nil
}
