package ui

import (
	"net/http"

	"github.com/pinggu/pinggu/web/httpx"
)

// accountConfirm confirms an account awaiting the caller, so that its
// holder may log in. An account outside the caller's jurisdiction, or no
// longer waiting, answers the one not-found page.
func (s *Handler) accountConfirm(w http.ResponseWriter, r *http.Request) error {
	id, err := httpx.PathID(r)
	if err == nil {
		err = s.svc.Users.ConfirmUser(r.Context(), id)
	}
	if err != nil {
		return err
	}
	s.redirectFlash(w, r, "/account-confirmations", "flash.account_confirmed")
	return nil
}
