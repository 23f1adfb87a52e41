package web

import "net/http"

// apiAssessmentGet answers one assessment with its items.
func (s *Server) apiAssessmentGet(w http.ResponseWriter, r *http.Request) {
	id, err := pathID(r)
	if err != nil {
		s.writeProblem(w, r, err)
		return
	}
	a, err := s.opts.Assessments.FindAssessment(r.Context(), id)
	if err != nil {
		s.writeProblem(w, r, err)
		return
	}
	s.writeJSON(w, http.StatusOK, a)
}
