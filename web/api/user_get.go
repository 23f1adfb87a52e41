package api

import (
	"net/http"

	"github.com/pinggu/pinggu/web/httpx"
)

// userGet answers one account.
func (s *Handler) userGet(w http.ResponseWriter, r *http.Request) error {
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
	s.writeJSON(w, http.StatusOK, u)
	return nil
}
