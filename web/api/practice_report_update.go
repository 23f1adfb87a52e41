package api

import (
	"net/http"

	"github.com/pinggu/pinggu"
	"github.com/pinggu/pinggu/web/httpx"
)

// practiceReportUpdate saves the enterprise's content of a draft or
// returned report. The report is looked up first, so a report the caller
// does not see answers 404 whatever the body.
func (s *Handler) practiceReportUpdate(w http.ResponseWriter, r *http.Request) error {
	id, err := httpx.PathID(r)
	if err != nil {
		return err
	}
	if _, err := s.svc.PracticeReports.FindPracticeReport(r.Context(), id); err != nil {
		return err
	}
	var in pinggu.ReportContent
	if err := s.decodeJSON(w, r, &in); err != nil {
		return err
	}
	rep, err := s.svc.PracticeReports.SavePracticeReport(r.Context(), id, in)
	if err != nil {
		return err
	}
	s.writeJSON(w, http.StatusOK, rep)
	return nil
}
