package api

import (
	"net/http"

	"github.com/pinggu/pinggu/web/httpx"
)

// userUpdate merges the body into the stored account and saves it.
func (s *Handler) userUpdate(w http.ResponseWriter, r *http.Request) error {
	id, err := httpx.PathID(r)
	if err == nil {
		err = requireUserAdmin(r, true)
	}
	if err != nil {
		return err
	}
	u, err := s.svc.Users.FindUser(r.Context(), id)
	if err != nil {
		return err
	}
	if err := s.decodeJSON(w, r, u); err != nil {
		return err
	}
	u.ID = id
	if err := s.svc.Users.UpdateUser(r.Context(), u); err != nil {
		return err
	}
	s.writeJSON(w, http.StatusOK, u)
	return nil
}
