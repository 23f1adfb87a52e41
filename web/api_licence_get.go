package web

import "net/http"

// apiLicenceGet answers one licence in the caller's scope.
func (s *Server) apiLicenceGet(w http.ResponseWriter, r *http.Request) {
	id, err := pathID(r)
	if err != nil {
		s.writeProblem(w, r, err)
		return
	}
	o, err := s.opts.Licences.FindLicence(r.Context(), id)
	if err != nil {
		s.writeProblem(w, r, err)
		return
	}
	s.writeJSON(w, http.StatusOK, o)
}
