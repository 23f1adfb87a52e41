package web

import (
	"net/http"

	"github.com/pinggu/pinggu"
)

// userCreateRequest is an account with its initial password.
type userCreateRequest struct {
	pinggu.User
	Password string `json:"password"`
}

// apiUserCreate creates an account.
func (s *Server) apiUserCreate(w http.ResponseWriter, r *http.Request) {
	if err := requireUserAdmin(r, false); err != nil {
		s.writeProblem(w, r, err)
		return
	}
	var req userCreateRequest
	if err := s.decodeJSON(w, r, &req); err != nil {
		s.writeProblem(w, r, err)
		return
	}
	u := req.User
	u.ID = 0
	if err := s.opts.Users.CreateUser(r.Context(), &u, req.Password); err != nil {
		s.writeProblem(w, r, err)
		return
	}
	s.writeJSON(w, http.StatusCreated, &u)
}
