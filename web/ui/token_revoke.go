package ui

import (
	"net/http"

	"github.com/pinggu/pinggu/web/httpx"
)

// tokenRevoke revokes one of the actor's tokens; another user's token is
// simply not found.
func (s *Handler) tokenRevoke(w http.ResponseWriter, r *http.Request) error {
	id, err := httpx.PathID(r)
	if err == nil {
		err = s.svc.Users.RevokeToken(r.Context(), id)
	}
	if err != nil {
		return err
	}
	s.redirectFlash(w, r, "/account/tokens", "flash.token_revoked")
	return nil
}
