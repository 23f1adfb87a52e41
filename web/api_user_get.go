package web

import "net/http"

// apiUserGet answers one account.
func (s *Server) apiUserGet(w http.ResponseWriter, r *http.Request) {
	id, err := pathID(r)
	if err == nil {
		err = requireUserAdmin(r, true)
	}
	if err != nil {
		s.writeProblem(w, r, err)
		return
	}
	u, err := s.opts.Users.FindUser(r.Context(), id)
	if err != nil {
		s.writeProblem(w, r, err)
		return
	}
	s.writeJSON(w, http.StatusOK, u)
}
