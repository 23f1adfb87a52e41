package api

import (
	"bytes"
	"io"
	"net/http"
	"time"

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
	lang := i18n.FromRequest(r)
	if err == nil {
		err = build(&buf, a, subs, lang)
	}
	if err != nil {
		return err
	}
	name, fallback := reportFilename(a, time.Now(), ext, lang)
	w.Header().Set("Content-Type", contentType)
	w.Header().Set("Content-Disposition", httpx.Attachment(name, fallback))
	w.Header().Set("X-Content-Type-Options", "nosniff")
	w.Header().Set("Cache-Control", "no-store")
	_, _ = w.Write(buf.Bytes())
	return nil
}

// reportFilename names a report by its service and the day it was made, in
// the zone people see: 云帆智能客服-安全评估报告-2025-03-12.pdf, with an
// ASCII name for clients that cannot take that one.
func reportFilename(a *pinggu.Assessment, now time.Time, ext, lang string) (name, fallback string) {
	day := pinggu.FormatDate(now)
	what := "-安全评估报告-"
	if lang == i18n.EN {
		what = "-security-assessment-report-"
	}
	return a.ServiceName + what + day + ext, "assessment-" + httpx.FormatID(a.ID) + "-" + day + ext
}
