package web

import "net/http"

// apiUserUpdate merges the body into the stored account and saves it.
func (s *Server) apiUserUpdate(w http.ResponseWriter, r *http.Request) {
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
	if err := s.decodeJSON(w, r, u); err != nil {
		s.writeProblem(w, r, err)
		return
	}
	u.ID = id
	if err := s.opts.Users.UpdateUser(r.Context(), u); err != nil {
		s.writeProblem(w, r, err)
		return
	}
	s.writeJSON(w, http.StatusOK, u)
}
