package web

import "net/http"

// passwordResetRequest is the body of POST /api/users/{id}/password.
type passwordResetRequest struct {
	Password string `json:"password"`
}

// apiUserPassword sets an account's password by an administrator.
func (s *Server) apiUserPassword(w http.ResponseWriter, r *http.Request) {
	id, err := pathID(r)
	if err == nil {
		err = requireUserAdmin(r, true)
	}
	var req passwordResetRequest
	if err == nil {
		err = s.decodeJSON(w, r, &req)
	}
	if err == nil {
		_, err = s.opts.Users.ResetPassword(r.Context(), id, req.Password)
	}
	if err != nil {
		s.writeProblem(w, r, err)
		return
	}
	w.WriteHeader(http.StatusNoContent)
}
