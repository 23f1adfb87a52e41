package api

import (
	"net/http"

	"github.com/pinggu/pinggu/web/httpx"
)

// assessmentSubmit submits an assessment for review.
func (s *Handler) assessmentSubmit(w http.ResponseWriter, r *http.Request) error {
	id, err := httpx.PathID(r)
	if err != nil {
		return err
	}
	a, err := s.svc.Assessments.Submit(r.Context(), id)
	if err != nil {
		return err
	}
	s.writeJSON(w, http.StatusOK, a)
	return nil
}
