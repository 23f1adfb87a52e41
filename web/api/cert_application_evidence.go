package api

import (
	"io"
	"net/http"

	"github.com/pinggu/pinggu"
	"github.com/pinggu/pinggu/web/httpx"
)

// certApplicationEvidence attaches a file of evidence (multipart field
// "file") to an application being drafted.
func (s *Handler) certApplicationEvidence(w http.ResponseWriter, r *http.Request) error {
	id, err := httpx.PathID(r)
	if err == nil {
		_, err = s.svc.Cert.FindCertApplication(r.Context(), id)
	}
	if err != nil {
		return err
	}
	a, err := httpx.AttachFile(r, func(name string, rd io.Reader) (*pinggu.Attachment, error) {
		return s.svc.Cert.AttachCertEvidence(r.Context(), id, name, rd)
	})
	if err != nil {
		return err
	}
	s.writeJSON(w, http.StatusCreated, a)
	return nil
}
