package web

import (
	"bytes"
	"io"
	"net/http"

	"github.com/pinggu/pinggu"
	"github.com/pinggu/pinggu/report"
	"github.com/pinggu/pinggu/web/i18n"
)

// apiAssessmentReportPDF answers the assessment report as PDF.
func (s *Server) apiAssessmentReportPDF(w http.ResponseWriter, r *http.Request) {
	s.assessmentReport(w, r, "application/pdf", ".pdf", report.AssessmentPDF)
}

// apiAssessmentReportXLSX answers the assessment report as an Excel workbook.
func (s *Server) apiAssessmentReportXLSX(w http.ResponseWriter, r *http.Request) {
	s.assessmentReport(w, r, xlsxType, ".xlsx", report.AssessmentXLSX)
}

// assessmentReport builds one report of an assessment in scope, with its
// submitted versions, in the caller's language.
func (s *Server) assessmentReport(w http.ResponseWriter, r *http.Request, contentType, ext string,
	build func(io.Writer, *pinggu.Assessment, []*pinggu.Submission, string) error) {
	id, err := pathID(r)
	var a *pinggu.Assessment
	if err == nil {
		a, err = s.opts.Assessments.FindAssessment(r.Context(), id)
	}
	var subs []*pinggu.Submission
	if err == nil {
		subs, err = s.opts.Assessments.Submissions(r.Context(), id)
	}
	var buf bytes.Buffer
	if err == nil {
		err = build(&buf, a, subs, i18n.FromRequest(r))
	}
	if err != nil {
		s.writeProblem(w, r, err)
		return
	}
	sendFile(w, contentType, "assessment-"+idPath(a.ID)+ext, buf.Bytes())
}
