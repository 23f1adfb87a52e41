package web

import (
	"net/http"

	"github.com/pinggu/pinggu"
)

// apiServiceCreate records a service; an owner outside the caller's scope answers 404 from the store.
func (s *Server) apiServiceCreate(w http.ResponseWriter, r *http.Request) {
	var o pinggu.Service
	if err := s.decodeJSON(w, r, &o); err != nil {
		s.writeProblem(w, r, err)
		return
	}
	o.ID = 0
	if err := s.visibleOrganisation(r.Context(), o.OrgID); err != nil {
		s.writeProblem(w, r, err)
		return
	}
	if err := s.opts.Services.CreateService(r.Context(), &o); err != nil {
		s.writeProblem(w, r, err)
		return
	}
	s.writeJSON(w, http.StatusCreated, &o)
}
