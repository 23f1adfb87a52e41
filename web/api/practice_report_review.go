package api

import (
	"net/http"

	"github.com/pinggu/pinggu"
	"github.com/pinggu/pinggu/web/httpx"
)

// practiceReportReview accepts a submitted report or returns it with the
// reason (the bureau of the enterprise's province).
func (s *Handler) practiceReportReview(w http.ResponseWriter, r *http.Request) error {
	id, err := httpx.PathID(r)
	if err != nil {
		return err
	}
	if _, err := s.svc.PracticeReports.FindPracticeReport(r.Context(), id); err != nil {
		return err
	}
	var d pinggu.ReportDecision
	if err := s.decodeJSON(w, r, &d); err != nil {
		return err
	}
	rep, err := s.svc.PracticeReports.ReviewPracticeReport(r.Context(), id, d)
	if err != nil {
		return err
	}
	s.writeJSON(w, http.StatusOK, rep)
	return nil
}
