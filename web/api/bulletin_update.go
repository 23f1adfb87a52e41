package api

import (
	"net/http"

	"github.com/pinggu/pinggu"
	"github.com/pinggu/pinggu/web/httpx"
)

// bulletinUpdate edits a draft: its prose, line notes, removed lines, or
// its figures drawn again.
func (s *Handler) bulletinUpdate(w http.ResponseWriter, r *http.Request) error {
	id, err := httpx.PathID(r)
	if err != nil {
		return err
	}
	if _, err := s.svc.Bulletins.FindBulletin(r.Context(), id); err != nil {
		return err
	}
	var e pinggu.BulletinEdit
	if err := s.decodeJSON(w, r, &e); err != nil {
		return err
	}
	b, err := s.svc.Bulletins.EditBulletin(r.Context(), id, e)
	if err != nil {
		return err
	}
	s.writeJSON(w, http.StatusOK, b)
	return nil
}
