package api

import (
	"bytes"
	"mime"
	"net/http"

	"github.com/pinggu/pinggu/report"
	"github.com/pinggu/pinggu/web/httpx"
	"github.com/pinggu/pinggu/web/i18n"
)

// trainingCertificate sends an attendee's certificate as a PDF, to the
// event's regulators and the attendee's organisation.
func (s *Handler) trainingCertificate(w http.ResponseWriter, r *http.Request) error {
	id, err := httpx.PathID(r)
	if err != nil {
		return err
	}
	c, err := s.svc.Training.FindTrainingCertificate(r.Context(), id)
	if err != nil {
		return err
	}
	var buf bytes.Buffer
	if err := report.TrainingCertificatePDF(&buf, c, i18n.FromRequest(r)); err != nil {
		return err
	}
	h := w.Header()
	h.Set("Content-Type", "application/pdf")
	h.Set("Content-Disposition", mime.FormatMediaType("attachment", map[string]string{"filename": c.Attendee.CertNumber + " " + c.Attendee.Name + ".pdf"}))
	h.Set("Cache-Control", "private, no-store")
	_, err = w.Write(buf.Bytes())
	return err
}
