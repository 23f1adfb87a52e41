package api

import (
	"net/http"

	"github.com/pinggu/pinggu"
	"github.com/pinggu/pinggu/report"
	"github.com/pinggu/pinggu/web/i18n"
)

// assessmentExport writes every assessment the filters select (all
// pages) as CSV, headers and labels in the caller's language.
func (s *Handler) assessmentExport(w http.ResponseWriter, r *http.Request) error {
	items, err := s.exportedAssessments(r)
	if err != nil {
		return err
	}
	writeCSVHeaders(w, "assessments.csv")
	if err := report.AssessmentsCSV(w, items, i18n.FromRequest(r)); err != nil {
		s.logger.Warn("write assessments CSV", "err", err)
	}
	return nil
}

// exportedAssessments reads the filters and lists every page of matches.
func (s *Handler) exportedAssessments(r *http.Request) ([]*pinggu.Assessment, error) {
	var f pinggu.AssessmentFilter
	if err := decodeAssessmentFilter(r, &f); err != nil {
		return nil, err
	}
	return listAll(&f.ListOptions, func() ([]*pinggu.Assessment, error) {
		items, _, err := s.svc.Assessments.ListAssessments(r.Context(), f)
		return items, err
	})
}
