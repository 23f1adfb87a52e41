package api

import (
	"io"
	"mime"
	"net/http"
	"strconv"

	"github.com/pinggu/pinggu/web/httpx"
)

// evidenceGet sends an evidence file as an attachment that browsers may
// not sniff into something runnable; the store refuses files outside scope.
func (s *Handler) evidenceGet(w http.ResponseWriter, r *http.Request) error {
	id, err := httpx.PathID(r)
	if err != nil {
		return err
	}
	ev, rc, err := s.svc.Assessments.OpenEvidence(r.Context(), id)
	if err != nil {
		return err
	}
	defer rc.Close()
	ct := ev.ContentType
	if ct == "" {
		ct = "application/octet-stream"
	}
	h := w.Header()
	h.Set("Content-Type", ct)
	h.Set("Content-Disposition", mime.FormatMediaType("attachment", map[string]string{"filename": ev.Filename}))
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("X-Content-SHA256", ev.SHA256)
	h.Set("Content-Length", strconv.FormatInt(ev.Size, 10))
	h.Set("Cache-Control", "private, no-store")
	h.Set("Content-Security-Policy", "default-src 'none'; sandbox")
	if _, err := io.Copy(w, rc); err != nil {
		s.logger.Warn("send evidence", "id", id, "err", err)
	}
	return nil
}
