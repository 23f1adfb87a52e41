package api

import (
	"io"
	"net/http"

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
	httpx.SendAttachment(w, ev.ContentType, ev.Filename, ev.SHA256, ev.Size)
	if _, err := io.Copy(w, rc); err != nil {
		s.logger.Warn("send evidence", "id", id, "err", err)
	}
	return nil
}
