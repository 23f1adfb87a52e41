package api

import (
	"bytes"
	"mime"
	"net/http"

	"github.com/pinggu/pinggu/web/i18n"

	"github.com/pinggu/pinggu/report"
)

// xlsxType is the media type of an Excel workbook.
const xlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

// assessmentExportXLSX writes every assessment the filters select as an
// Excel workbook.
func (s *Handler) assessmentExportXLSX(w http.ResponseWriter, r *http.Request) error {
	items, err := s.exportedAssessments(r)
	if err != nil {
		return err
	}
	var buf bytes.Buffer
	if err := report.AssessmentsXLSX(&buf, items, i18n.FromRequest(r)); err != nil {
		return err
	}
	sendFile(w, xlsxType, "assessments.xlsx", buf.Bytes())
	return nil
}

// sendFile answers a generated file as a download. Files are built whole
// first so a failure is a problem document, not half a file.
func sendFile(w http.ResponseWriter, contentType, filename string, b []byte) {
	w.Header().Set("Content-Type", contentType)
	w.Header().Set("Content-Disposition", mime.FormatMediaType("attachment", map[string]string{"filename": filename}))
	w.Header().Set("X-Content-Type-Options", "nosniff")
	w.Header().Set("Cache-Control", "no-store")
	_, _ = w.Write(b)
}
