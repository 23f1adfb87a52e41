package web

import (
	"net/http"

	"github.com/pinggu/pinggu"
)

// apiStandardList lists every published version of every standard.
func (s *Server) apiStandardList(w http.ResponseWriter, r *http.Request) {
	items, err := s.opts.Standards.ListStandards(r.Context())
	if err != nil {
		s.writeProblem(w, r, err)
		return
	}
	s.writeJSON(w, http.StatusOK, newList(items, len(items), pinggu.ListOptions{Limit: len(items)}))
}
