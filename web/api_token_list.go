package web

import (
	"net/http"

	"github.com/pinggu/pinggu"
)

// apiTokenList lists the caller's API tokens (never their secrets).
func (s *Server) apiTokenList(w http.ResponseWriter, r *http.Request) {
	tokens, err := s.opts.Users.ListTokens(r.Context())
	if err != nil {
		s.writeProblem(w, r, err)
		return
	}
	s.writeJSON(w, http.StatusOK, newList(tokens, len(tokens), pinggu.ListOptions{Limit: len(tokens)}))
}
