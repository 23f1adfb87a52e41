package api

import (
	"net/http"

	"github.com/pinggu/pinggu/web/httpx"
)

// passwordResetRequest is the body of POST /api/users/{id}/password.
type passwordResetRequest struct {
	Password string `json:"password"`
}

// userPassword sets an account's password by an administrator.
func (s *Handler) userPassword(w http.ResponseWriter, r *http.Request) error {
	id, err := httpx.PathID(r)
	if err == nil {
		err = requireUserAdmin(r, true)
	}
	var req passwordResetRequest
	if err == nil {
		err = s.decodeJSON(w, r, &req)
	}
	if err == nil {
		_, err = s.svc.Users.ResetPassword(r.Context(), id, req.Password)
	}
	if err != nil {
		return err
	}
	w.WriteHeader(http.StatusNoContent)
	return nil
}
