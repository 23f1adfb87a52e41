package web

import (
	"net/http"

	"github.com/pinggu/pinggu"
)

// apiOrganisationCreate registers an organisation.
func (s *Server) apiOrganisationCreate(w http.ResponseWriter, r *http.Request) {
	var o pinggu.Organisation
	if err := s.decodeJSON(w, r, &o); err != nil {
		s.writeProblem(w, r, err)
		return
	}
	o.ID = 0
	if err := s.visibleOrganisation(r.Context(), parentOf(&o)); err != nil {
		s.writeProblem(w, r, err)
		return
	}
	if err := s.opts.Organisations.CreateOrganisation(r.Context(), &o); err != nil {
		s.writeProblem(w, r, err)
		return
	}
	s.writeJSON(w, http.StatusCreated, &o)
}
