package api

import (
	"bytes"
	"io"
	"net/http"

	"github.com/pinggu/pinggu"
	"github.com/pinggu/pinggu/report"
	"github.com/pinggu/pinggu/web/httpx"
	"github.com/pinggu/pinggu/web/i18n"
)

// assessmentReportPDF answers the assessment report as PDF.
func (s *Handler) assessmentReportPDF(w http.ResponseWriter, r *http.Request) error {
	return s.assessmentReport(w, r, "application/pdf", ".pdf", report.AssessmentPDF)
}

// assessmentReportXLSX answers the assessment report as an Excel workbook.
func (s *Handler) assessmentReportXLSX(w http.ResponseWriter, r *http.Request) error {
	return s.assessmentReport(w, r, xlsxType, ".xlsx", report.AssessmentXLSX)
}

// assessmentReport builds one report of an assessment in scope, with its
// submitted versions, in the caller's language.
func (s *Handler) assessmentReport(w http.ResponseWriter, r *http.Request, contentType, ext string,
	build func(io.Writer, *pinggu.Assessment, []*pinggu.Submission, string) error) error {
	id, err := httpx.PathID(r)
	var a *pinggu.Assessment
	if err == nil {
		a, err = s.svc.Assessments.FindAssessment(r.Context(), id)
	}
	var subs []*pinggu.Submission
	if err == nil {
		subs, err = s.svc.Assessments.Submissions(r.Context(), id)
	}
	var buf bytes.Buffer
	if err == nil {
		err = build(&buf, a, subs, i18n.FromRequest(r))
	}
	if err != nil {
		return err
	}
	sendFile(w, contentType, "assessment-"+httpx.FormatID(a.ID)+ext, buf.Bytes())
	return nil
}
