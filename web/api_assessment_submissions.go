package web

import (
	"net/http"

	"github.com/pinggu/pinggu"
)

// apiAssessmentSubmissions lists every submitted version of an assessment.
func (s *Server) apiAssessmentSubmissions(w http.ResponseWriter, r *http.Request) {
	id, err := pathID(r)
	if err != nil {
		s.writeProblem(w, r, err)
		return
	}
	subs, err := s.opts.Assessments.Submissions(r.Context(), id)
	if err != nil {
		s.writeProblem(w, r, err)
		return
	}
	s.writeJSON(w, http.StatusOK, newList(subs, len(subs), pinggu.ListOptions{Limit: len(subs)}))
}
