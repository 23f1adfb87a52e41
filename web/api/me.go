package api

import (
	"net/http"

	"github.com/pinggu/pinggu"
)

// me answers with the authenticated caller.
func (s *Handler) me(w http.ResponseWriter, r *http.Request) error {
	s.writeJSON(w, http.StatusOK, pinggu.ActorFrom(r.Context()))
	return nil
}
