package ui

import (
	"io"
	"mime"
	"net/http"
	"strconv"

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
	h := w.Header()
	h.Set("Content-Type", a.ContentType)
	h.Set("Content-Disposition", mime.FormatMediaType("attachment", map[string]string{"filename": a.Filename}))
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("Content-Length", strconv.FormatInt(a.Size, 10))
	h.Set("Cache-Control", "private, no-store")
	h.Set("Content-Security-Policy", "default-src 'none'; sandbox")
	_, _ = io.Copy(w, rc)
	return nil
}
