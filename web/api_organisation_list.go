package web

import (
	"net/http"

	"github.com/pinggu/pinggu"
)

// apiOrganisationList lists the organisations in the caller's scope.
func (s *Server) apiOrganisationList(w http.ResponseWriter, r *http.Request) {
	var f pinggu.OrganisationFilter
	if err := decodeQuery(r.URL.Query(), &f); err != nil {
		s.writeProblem(w, r, err)
		return
	}
	f.ListOptions = f.ListOptions.Normalize()
	items, total, err := s.opts.Organisations.ListOrganisations(r.Context(), f)
	if err != nil {
		s.writeProblem(w, r, err)
		return
	}
	s.writeJSON(w, http.StatusOK, newCappedList(items, total, f.ListOptions, pinggu.CountCap(f.Query)))
}
