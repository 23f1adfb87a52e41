package web

import "net/http"

// apiAssessmentStartReview takes a submitted assessment into review.
func (s *Server) apiAssessmentStartReview(w http.ResponseWriter, r *http.Request) {
	id, err := pathID(r)
	if err != nil {
		s.writeProblem(w, r, err)
		return
	}
	a, err := s.opts.Assessments.StartReview(r.Context(), id)
	if err != nil {
		s.writeProblem(w, r, err)
		return
	}
	s.writeJSON(w, http.StatusOK, a)
}
