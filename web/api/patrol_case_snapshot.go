package api

import (
	"net/http"

	"github.com/pinggu/pinggu/web/httpx"
)

// caseItemSnapshot sends the page snapshot a case item names, as a
// download (never rendered), to the case's regulators and to a partner
// department the item was shared with.
func (s *Handler) caseItemSnapshot(w http.ResponseWriter, r *http.Request) error {
	if s.svc.Patrol == nil {
		return errDisabled
	}
	id, err := httpx.PathID(r)
	if err != nil {
		return err
	}
	snap, body, err := s.svc.Patrol.OpenCaseItemSnapshot(r.Context(), id)
	if err != nil {
		return err
	}
	w.Header().Set("Content-Security-Policy", "sandbox; default-src 'none'")
	w.Header().Set("X-Content-SHA256", snap.SHA256)
	sendFile(w, "application/octet-stream", "snapshot-"+httpx.FormatID(snap.ID)+".bin", body)
	return nil
}
