package api

import (
	"net/http"

	"github.com/pinggu/pinggu/web/httpx"
)

// assessmentStartReview takes a submitted assessment into review.
func (s *Handler) assessmentStartReview(w http.ResponseWriter, r *http.Request) error {
	id, err := httpx.PathID(r)
	if err != nil {
		return err
	}
	a, err := s.svc.Assessments.StartReview(r.Context(), id)
	if err != nil {
		return err
	}
	s.writeJSON(w, http.StatusOK, a)
	return nil
}
