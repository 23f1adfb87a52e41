package web

import "net/http"

// apiServiceGet answers one service in the caller's scope.
func (s *Server) apiServiceGet(w http.ResponseWriter, r *http.Request) {
	id, err := pathID(r)
	if err != nil {
		s.writeProblem(w, r, err)
		return
	}
	o, err := s.opts.Services.FindService(r.Context(), id)
	if err != nil {
		s.writeProblem(w, r, err)
		return
	}
	s.writeJSON(w, http.StatusOK, o)
}
