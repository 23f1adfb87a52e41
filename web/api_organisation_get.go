package web

import "net/http"

// apiOrganisationGet answers one organisation in the caller's scope.
func (s *Server) apiOrganisationGet(w http.ResponseWriter, r *http.Request) {
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
	s.writeJSON(w, http.StatusOK, o)
}
