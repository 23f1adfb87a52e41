package api

import (
	"net/http"

	"github.com/pinggu/pinggu/web/httpx"
)

// userUnlock clears an account's lock-out.
func (s *Handler) userUnlock(w http.ResponseWriter, r *http.Request) error {
	id, err := httpx.PathID(r)
	if err == nil {
		err = requireUserAdmin(r, true)
	}
	if err == nil {
		err = s.svc.Users.UnlockUser(r.Context(), id)
	}
	if err != nil {
		return err
	}
	w.WriteHeader(http.StatusNoContent)
	return nil
}
