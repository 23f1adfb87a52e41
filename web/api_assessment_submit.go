package web

import "net/http"

// apiAssessmentSubmit submits an assessment for review.
func (s *Server) apiAssessmentSubmit(w http.ResponseWriter, r *http.Request) {
	id, err := pathID(r)
	if err != nil {
		s.writeProblem(w, r, err)
		return
	}
	a, err := s.opts.Assessments.Submit(r.Context(), id)
	if err != nil {
		s.writeProblem(w, r, err)
		return
	}
	s.writeJSON(w, http.StatusOK, a)
}
