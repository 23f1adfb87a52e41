package api

import (
	"net/http"

	"github.com/pinggu/pinggu"
)

// bulletinCreate drafts a bulletin of a period from the data.
func (s *Handler) bulletinCreate(w http.ResponseWriter, r *http.Request) error {
	var in pinggu.BulletinDrafting
	if err := s.decodeJSON(w, r, &in); err != nil {
		return err
	}
	b, err := s.svc.Bulletins.DraftBulletin(r.Context(), in)
	if err != nil {
		return err
	}
	s.writeJSON(w, http.StatusCreated, b)
	return nil
}
