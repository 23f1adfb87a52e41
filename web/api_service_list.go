package web

import (
	"net/http"

	"github.com/pinggu/pinggu"
)

// apiServiceList lists the services in the caller's scope.
func (s *Server) apiServiceList(w http.ResponseWriter, r *http.Request) {
	var f pinggu.ServiceFilter
	if err := decodeQuery(r.URL.Query(), &f); err != nil {
		s.writeProblem(w, r, err)
		return
	}
	f.ListOptions = f.ListOptions.Normalize()
	items, total, err := s.opts.Services.ListServices(r.Context(), f)
	if err != nil {
		s.writeProblem(w, r, err)
		return
	}
	s.writeJSON(w, http.StatusOK, newCappedList(items, total, f.ListOptions, pinggu.CountCap(f.Query)))
}
