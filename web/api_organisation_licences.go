package web

import (
	"net/http"

	"github.com/pinggu/pinggu"
)

// apiOrganisationLicences lists one organisation's licences, answering 404
// for an organisation outside the caller's scope.
func (s *Server) apiOrganisationLicences(w http.ResponseWriter, r *http.Request) {
	id, err := pathID(r)
	if err == nil {
		_, err = s.opts.Organisations.FindOrganisation(r.Context(), id)
	}
	f := pinggu.LicenceFilter{OrgID: id}
	if err == nil {
		err = decodeQuery(r.URL.Query(), &f.ListOptions)
	}
	if err != nil {
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
