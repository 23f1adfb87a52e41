package api

import (
	"net/http"

	"github.com/pinggu/pinggu/web/httpx"
)

// assessmentGet answers one assessment with its items.
func (s *Handler) assessmentGet(w http.ResponseWriter, r *http.Request) error {
	id, err := httpx.PathID(r)
	if err != nil {
		return err
	}
	a, err := s.svc.Assessments.FindAssessment(r.Context(), id)
	if err != nil {
		return err
	}
	s.writeJSON(w, http.StatusOK, a)
	return nil
}
