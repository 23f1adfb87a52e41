package web

import (
	"net/http"

	"github.com/pinggu/pinggu"
	"github.com/pinggu/pinggu/report"
	"github.com/pinggu/pinggu/web/i18n"
)

// apiAssessmentExport writes every assessment the filters select (all
// pages) as CSV, headers and labels in the caller's language.
func (s *Server) apiAssessmentExport(w http.ResponseWriter, r *http.Request) {
	items, err := s.exportedAssessments(r)
	if err != nil {
		s.writeProblem(w, r, err)
		return
	}
	writeCSVHeaders(w, "assessments.csv")
	if err := report.AssessmentsCSV(w, items, i18n.FromRequest(r)); err != nil {
		s.logger.Warn("write assessments CSV", "err", err)
	}
}

// exportedAssessments reads the filters and lists every page of matches.
func (s *Server) exportedAssessments(r *http.Request) ([]*pinggu.Assessment, error) {
	var f pinggu.AssessmentFilter
	if err := decodeAssessmentFilter(r, &f); err != nil {
		return nil, err
	}
	return listAll(&f.ListOptions, func() ([]*pinggu.Assessment, error) {
		items, _, err := s.opts.Assessments.ListAssessments(r.Context(), f)
		return items, err
	})
}
