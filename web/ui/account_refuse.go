package ui

import (
	"net/http"

	"github.com/pinggu/pinggu/web/httpx"
)

// accountRefuse refuses to confirm an account awaiting the caller, with
// the reason the system administrator will read: the account is disabled
// and leaves the list.
func (s *Handler) accountRefuse(w http.ResponseWriter, r *http.Request) error {
	id, err := httpx.PathID(r)
	if err == nil {
		err = s.svc.Users.RefuseUser(r.Context(), id, r.PostForm.Get("reason"))
	}
	if err != nil {
		return err
	}
	s.redirectFlash(w, r, "/account-confirmations", "flash.account_refused")
	return nil
}
