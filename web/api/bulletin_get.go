package api

import (
	"net/http"

	"github.com/pinggu/pinggu/web/httpx"
)

// bulletinGet returns a bulletin with the caller's part of its lines.
func (s *Handler) bulletinGet(w http.ResponseWriter, r *http.Request) error {
	id, err := httpx.PathID(r)
	if err != nil {
		return err
	}
	b, err := s.svc.Bulletins.FindBulletin(r.Context(), id)
	if err != nil {
		return err
	}
	s.writeJSON(w, http.StatusOK, b)
	return nil
}
