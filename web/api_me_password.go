package web

import "net/http"

// passwordChangeRequest is the body of POST /api/me/password.
type passwordChangeRequest struct {
	OldPassword string `json:"old_password"`
	NewPassword string `json:"new_password"`
}

// apiMePassword changes the caller's own password.
func (s *Server) apiMePassword(w http.ResponseWriter, r *http.Request) {
	var req passwordChangeRequest
	if err := s.decodeJSON(w, r, &req); err != nil {
		s.writeProblem(w, r, err)
		return
	}
	if _, err := s.opts.Users.ChangePassword(r.Context(), req.OldPassword, req.NewPassword); err != nil {
		s.writeProblem(w, r, err)
		return
	}
	w.WriteHeader(http.StatusNoContent)
}
