package ui

import (
	"io"
	"net/http"

	"github.com/pinggu/pinggu/web/httpx"
)

// attachmentGet sends a file of a record the caller sees, never rendered
// in the site's origin.
func (s *Handler) attachmentGet(w http.ResponseWriter, r *http.Request) error {
	id, err := httpx.PathID(r)
	if err != nil {
		return err
	}
	a, rc, err := s.svc.Attachments.OpenAttachment(r.Context(), id)
	if err != nil {
		return err
	}
	defer rc.Close()
	httpx.SendAttachment(w, a.ContentType, a.Filename, a.SHA256, a.Size)
	_, _ = io.Copy(w, rc)
	return nil
}
