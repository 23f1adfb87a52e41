package web

import (
	"net/http"

	"github.com/pinggu/pinggu"
)

// apiLicenceList lists the licences in the caller's scope.
func (s *Server) apiLicenceList(w http.ResponseWriter, r *http.Request) {
	var f pinggu.LicenceFilter
	if err := decodeQuery(r.URL.Query(), &f); err != nil {
		s.writeProblem(w, r, err)
		return
	}
	f.ListOptions = f.ListOptions.Normalize()
	items, total, err := s.opts.Licences.ListLicences(r.Context(), f)
	if err != nil {
		s.writeProblem(w, r, err)
		return
	}
	s.writeJSON(w, http.StatusOK, newList(items, total, f.ListOptions))
}
