package web

import (
	"net/http"

	"github.com/pinggu/pinggu"
)

// apiAssessmentReview accepts or returns an assessment under review. The
// assessment is looked up first so an id outside the scope answers 404.
func (s *Server) apiAssessmentReview(w http.ResponseWriter, r *http.Request) {
	id, err := pathID(r)
	if err == nil {
		_, err = s.opts.Assessments.FindAssessment(r.Context(), id)
	}
	var d pinggu.ReviewDecision
	if err == nil {
		err = s.decodeJSON(w, r, &d)
	}
	if err != nil {
		s.writeProblem(w, r, err)
		return
	}
	a, err := s.opts.Assessments.Review(r.Context(), id, d)
	if err != nil {
		s.writeProblem(w, r, err)
		return
	}
	s.writeJSON(w, http.StatusOK, a)
}
