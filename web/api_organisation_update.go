package web

import "net/http"

// apiOrganisationUpdate merges the body into the stored organisation and
// saves it. The record is looked up first so an id outside the caller's scope
// answers 404 whatever the body says.
func (s *Server) apiOrganisationUpdate(w http.ResponseWriter, r *http.Request) {
	id, err := pathID(r)
	if err != nil {
		s.writeProblem(w, r, err)
		return
	}
	o, err := s.opts.Organisations.FindOrganisation(r.Context(), id)
	if err != nil {
		s.writeProblem(w, r, err)
		return
	}
	oldParent := parentOf(o)
	if err := s.decodeJSON(w, r, o); err != nil {
		s.writeProblem(w, r, err)
		return
	}
	o.ID = id
	if p := parentOf(o); p != oldParent {
		if err := s.visibleOrganisation(r.Context(), p); err != nil {
			s.writeProblem(w, r, err)
			return
		}
	}
	if err := s.opts.Organisations.UpdateOrganisation(r.Context(), o); err != nil {
		s.writeProblem(w, r, err)
		return
	}
	s.writeJSON(w, http.StatusOK, o)
}
