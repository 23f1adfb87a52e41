package api

import (
	"bytes"
	"net/http"
	"time"

	"github.com/pinggu/pinggu"
	"github.com/pinggu/pinggu/report"
	"github.com/pinggu/pinggu/web/httpx"
	"github.com/pinggu/pinggu/web/i18n"
)

// practiceReportOverview answers who has reported for a period: every
// enterprise the caller oversees with its status, and the tallies.
func (s *Handler) practiceReportOverview(w http.ResponseWriter, r *http.Request) error {
	ov, err := s.overview(r)
	if err != nil {
		return err
	}
	s.writeJSON(w, http.StatusOK, ov)
	return nil
}

// practiceReportOverviewCSV sends the overview as CSV.
func (s *Handler) practiceReportOverviewCSV(w http.ResponseWriter, r *http.Request) error {
	ov, err := s.overview(r)
	if err != nil {
		return err
	}
	var buf bytes.Buffer
	if err := report.PracticeOverviewTable(ov, i18n.FromRequest(r)).WriteCSV(&buf); err != nil {
		return err
	}
	sendFile(w, "text/csv; charset=utf-8", "practice-reports-"+string(ov.Period)+".csv", buf.Bytes())
	return nil
}

// practiceReportOverviewXLSX sends the overview as a workbook: the
// tallies per province, then the enterprises.
func (s *Handler) practiceReportOverviewXLSX(w http.ResponseWriter, r *http.Request) error {
	ov, err := s.overview(r)
	if err != nil {
		return err
	}
	lang := i18n.FromRequest(r)
	var buf bytes.Buffer
	summary := "汇总"
	if lang == "en" {
		summary = "Summary"
	}
	if err := report.PracticeOverviewTable(ov, lang).WriteXLSX(&buf, summary, report.PracticeOverviewSummary(ov, lang)); err != nil {
		return err
	}
	sendFile(w, xlsxType, "practice-reports-"+string(ov.Period)+".xlsx", buf.Bytes())
	return nil
}

// overview reads the query (the period defaulting to the last quarter)
// and asks the store.
func (s *Handler) overview(r *http.Request) (*pinggu.ReportOverview, error) {
	var f pinggu.ReportOverviewFilter
	if err := httpx.DecodeQuery(r.URL.Query(), &f); err != nil {
		return nil, err
	}
	if f.Period == "" {
		f.Period = string(pinggu.PreviousQuarter(time.Now()))
	}
	return s.svc.PracticeReports.ReportOverview(r.Context(), f)
}
