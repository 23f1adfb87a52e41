package api

import (
	"github.com/pinggu/pinggu/web/httpx"
	"net/http"
)

// patrolScreenshotGet answers a snapshot's screenshot (PNG).
func (s *Handler) patrolScreenshotGet(w http.ResponseWriter, r *http.Request) error {
	if s.svc.Patrol == nil {
		return errDisabled
	}
	id, err := httpx.PathID(r)
	var png []byte
	if err == nil {
		png, err = s.svc.Patrol.PatrolScreenshot(r.Context(), id)
	}
	if err != nil {
		return err
	}
	w.Header().Set("Content-Security-Policy", "sandbox; default-src 'none'")
	w.Header().Set("Content-Type", "image/png")
	w.Header().Set("X-Content-Type-Options", "nosniff")
	w.Header().Set("Cache-Control", "no-store")
	_, _ = w.Write(png)
	return nil
}
