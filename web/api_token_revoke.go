package web

import "net/http"

// apiTokenRevoke revokes one of the caller's tokens; another user's token
// answers 404 from the store.
func (s *Server) apiTokenRevoke(w http.ResponseWriter, r *http.Request) {
	id, err := pathID(r)
	if err == nil {
		err = s.opts.Users.RevokeToken(r.Context(), id)
	}
	if err != nil {
		s.writeProblem(w, r, err)
		return
	}
	w.WriteHeader(http.StatusNoContent)
}
