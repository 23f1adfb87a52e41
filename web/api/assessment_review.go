package api

import (
	"net/http"

	"github.com/pinggu/pinggu"
	"github.com/pinggu/pinggu/web/httpx"
)

// assessmentReview accepts or returns an assessment under review. The
// assessment is looked up first so an id outside the scope answers 404.
func (s *Handler) assessmentReview(w http.ResponseWriter, r *http.Request) error {
	id, err := httpx.PathID(r)
	if err == nil {
		_, err = s.svc.Assessments.FindAssessment(r.Context(), id)
	}
	var d pinggu.ReviewDecision
	if err == nil {
		err = s.decodeJSON(w, r, &d)
	}
	if err != nil {
		return err
	}
	a, err := s.svc.Assessments.Review(r.Context(), id, d)
	if err != nil {
		return err
	}
	s.writeJSON(w, http.StatusOK, a)
	return nil
}
