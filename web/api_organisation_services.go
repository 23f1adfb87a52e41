package web

import (
	"net/http"

	"github.com/pinggu/pinggu"
)

// apiOrganisationServices lists one organisation's services. The organisation
// is looked up first so one outside the scope answers 404, not an empty list.
func (s *Server) apiOrganisationServices(w http.ResponseWriter, r *http.Request) {
	id, err := pathID(r)
	if err == nil {
		_, err = s.opts.Organisations.FindOrganisation(r.Context(), id)
	}
	f := pinggu.ServiceFilter{OrgID: id}
	if err == nil {
		err = decodeQuery(r.URL.Query(), &f.ListOptions)
	}
	if err != nil {
		s.writeProblem(w, r, err)
		return
	}
	f.ListOptions = f.ListOptions.Normalize()
	items, total, err := s.opts.Services.ListServices(r.Context(), f)
	if err != nil {
		s.writeProblem(w, r, err)
		return
	}
	s.writeJSON(w, http.StatusOK, newList(items, total, f.ListOptions))
}
