package web

import "net/http"

// apiUserUnlock clears an account's lock-out.
func (s *Server) apiUserUnlock(w http.ResponseWriter, r *http.Request) {
	id, err := pathID(r)
	if err == nil {
		err = requireUserAdmin(r, true)
	}
	if err == nil {
		err = s.opts.Users.UnlockUser(r.Context(), id)
	}
	if err != nil {
		s.writeProblem(w, r, err)
		return
	}
	w.WriteHeader(http.StatusNoContent)
}
