package api

import (
	"net/http"

	"github.com/pinggu/pinggu"
	"github.com/pinggu/pinggu/web/httpx"
)

// assessmentCreate starts a draft assessment. The service is looked up
// first, so a service outside the caller's scope answers 404.
func (s *Handler) assessmentCreate(w http.ResponseWriter, r *http.Request) error {
	var a pinggu.Assessment
	if err := s.decodeJSON(w, r, &a); err != nil {
		return err
	}
	if a.ServiceID <= 0 {
		return httpx.Invalid("service_id", "请指定被评估的业务")
	}
	if _, err := s.svc.Services.FindService(r.Context(), a.ServiceID); err != nil {
		return err
	}
	a.ID, a.State, a.Items, a.Score = 0, "", nil, nil
	if err := s.svc.Assessments.CreateAssessment(r.Context(), &a); err != nil {
		return err
	}
	s.writeJSON(w, http.StatusCreated, &a)
	return nil
}
