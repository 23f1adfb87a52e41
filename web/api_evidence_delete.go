package web

import "net/http"

// apiEvidenceDelete removes an evidence file from its item.
func (s *Server) apiEvidenceDelete(w http.ResponseWriter, r *http.Request) {
	id, err := pathID(r)
	if err == nil {
		err = s.opts.Assessments.DeleteEvidence(r.Context(), id)
	}
	if err != nil {
		s.writeProblem(w, r, err)
		return
	}
	w.WriteHeader(http.StatusNoContent)
}
