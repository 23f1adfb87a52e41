package web

import "net/http"

// apiLicenceDelete deletes a licence in the caller's scope.
func (s *Server) apiLicenceDelete(w http.ResponseWriter, r *http.Request) {
	id, err := pathID(r)
	if err == nil {
		// Looked up first so a role that may not delete still learns nothing
		// about a licence outside its scope: 404, not 403.
		_, err = s.opts.Licences.FindLicence(r.Context(), id)
	}
	if err == nil {
		err = s.opts.Licences.DeleteLicence(r.Context(), id)
	}
	if err != nil {
		s.writeProblem(w, r, err)
		return
	}
	w.WriteHeader(http.StatusNoContent)
}
