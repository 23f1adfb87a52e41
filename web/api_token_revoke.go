package web

import "net/http"

// apiTokenRevoke revokes one of the caller's own tokens; the store answers
// 404 for anyone else's, administrators included.
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
