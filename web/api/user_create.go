package api

import (
	"net/http"

	"github.com/pinggu/pinggu"
)

// userCreateRequest is an account with its initial password.
type userCreateRequest struct {
	pinggu.User
	Password string `json:"password"`
}

// userCreate creates an account.
func (s *Handler) userCreate(w http.ResponseWriter, r *http.Request) error {
	if err := requireUserAdmin(r, false); err != nil {
		return err
	}
	var req userCreateRequest
	if err := s.decodeJSON(w, r, &req); err != nil {
		return err
	}
	u := req.User
	u.ID = 0
	if err := s.svc.Users.CreateUser(r.Context(), &u, req.Password); err != nil {
		return err
	}
	s.writeJSON(w, http.StatusCreated, &u)
	return nil
}
