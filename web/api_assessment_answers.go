package web

import (
	"net/http"

	"github.com/pinggu/pinggu"
)

// apiAssessmentAnswers saves answers. The assessment is looked up before the
// body is read, so an id outside the scope answers 404 whatever the body says.
func (s *Server) apiAssessmentAnswers(w http.ResponseWriter, r *http.Request) {
	id, err := pathID(r)
	if err == nil {
		_, err = s.opts.Assessments.FindAssessment(r.Context(), id)
	}
	var answers []pinggu.ItemAnswer
	if err == nil {
		err = s.decodeJSON(w, r, &answers)
	}
	if err != nil {
		s.writeProblem(w, r, err)
		return
	}
	a, err := s.opts.Assessments.SaveAnswers(r.Context(), id, answers)
	if err != nil {
		s.writeProblem(w, r, err)
		return
	}
	s.writeJSON(w, http.StatusOK, a)
}
