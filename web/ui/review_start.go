package ui

import (
	"net/http"

	"github.com/pinggu/pinggu/web/httpx"
)

// reviewStart takes a submitted assessment into review.
func (s *Handler) reviewStart(w http.ResponseWriter, r *http.Request) error {
	id, err := httpx.PathID(r)
	if err != nil {
		return err
	}
	if _, err := s.svc.Assessments.StartReview(r.Context(), id); err != nil {
		if isFormError(err) {
			s.redirectFlash(w, r, "/assessments/"+httpx.FormatID(id)+"/review", "flash.review_not_startable")
			return nil
		}
		return err
	}
	s.redirectFlash(w, r, "/assessments/"+httpx.FormatID(id)+"/review", "flash.review_started")
	return nil
}
