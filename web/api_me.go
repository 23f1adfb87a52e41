package web

import (
	"net/http"

	"github.com/pinggu/pinggu"
)

// apiMe answers with the authenticated caller.
func (s *Server) apiMe(w http.ResponseWriter, r *http.Request) {
	s.writeJSON(w, http.StatusOK, pinggu.ActorFrom(r.Context()))
}
