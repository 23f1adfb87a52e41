package api

import (
	"net/http"

	"github.com/pinggu/pinggu/web/httpx"
)

// practiceReportSubmit submits a complete report to the bureau.
func (s *Handler) practiceReportSubmit(w http.ResponseWriter, r *http.Request) error {
	id, err := httpx.PathID(r)
	if err != nil {
		return err
	}
	rep, err := s.svc.PracticeReports.SubmitPracticeReport(r.Context(), id)
	if err != nil {
		return err
	}
	s.writeJSON(w, http.StatusOK, rep)
	return nil
}
