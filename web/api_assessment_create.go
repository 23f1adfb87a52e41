package web

import (
	"net/http"

	"github.com/pinggu/pinggu"
)

// apiAssessmentCreate starts a draft assessment. The service is looked up
// first, so a service outside the caller's scope answers 404.
func (s *Server) apiAssessmentCreate(w http.ResponseWriter, r *http.Request) {
	var a pinggu.Assessment
	if err := s.decodeJSON(w, r, &a); err != nil {
		s.writeProblem(w, r, err)
		return
	}
	if a.ServiceID <= 0 {
		s.writeProblem(w, r, invalid("service_id", "请指定被评估的业务"))
		return
	}
	if _, err := s.opts.Services.FindService(r.Context(), a.ServiceID); err != nil {
		s.writeProblem(w, r, err)
		return
	}
	a.ID, a.State, a.Items, a.Score = 0, "", nil, nil
	if err := s.opts.Assessments.CreateAssessment(r.Context(), &a); err != nil {
		s.writeProblem(w, r, err)
		return
	}
	s.writeJSON(w, http.StatusCreated, &a)
}
