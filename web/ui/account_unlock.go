package ui

import (
	"net/http"
	"strconv"

	"github.com/pinggu/pinggu/web/httpx"
)

// accountUnlock clears an account's lock-out.
func (s *Handler) accountUnlock(w http.ResponseWriter, r *http.Request) error {
	id, err := httpx.PathID(r)
	if err == nil {
		err = s.svc.Users.UnlockUser(r.Context(), id)
	}
	if err != nil {
		return err
	}
	s.redirectFlash(w, r, "/accounts/"+strconv.FormatInt(id, 10)+"/edit", "flash.account_unlocked")
	return nil
}
