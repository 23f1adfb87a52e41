package api

import (
	"net/http"

	"github.com/pinggu/pinggu/web/httpx"
)

// practiceReportGet answers one report the caller sees.
func (s *Handler) practiceReportGet(w http.ResponseWriter, r *http.Request) error {
	id, err := httpx.PathID(r)
	if err != nil {
		return err
	}
	rep, err := s.svc.PracticeReports.FindPracticeReport(r.Context(), id)
	if err != nil {
		return err
	}
	s.writeJSON(w, http.StatusOK, rep)
	return nil
}
