package api

import (
	"net/http"

	"github.com/pinggu/pinggu/web/httpx"
)

// tokenRevoke revokes one of the caller's own tokens; the store answers
// 404 for anyone else's, administrators included.
func (s *Handler) tokenRevoke(w http.ResponseWriter, r *http.Request) error {
	id, err := httpx.PathID(r)
	if err == nil {
		err = s.svc.Users.RevokeToken(r.Context(), id)
	}
	if err != nil {
		return err
	}
	w.WriteHeader(http.StatusNoContent)
	return nil
}
