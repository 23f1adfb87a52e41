package api

import "net/http"

// passwordChangeRequest is the body of POST /api/me/password.
type passwordChangeRequest struct {
	OldPassword string `json:"old_password"`
	NewPassword string `json:"new_password"`
}

// mePassword changes the caller's own password.
func (s *Handler) mePassword(w http.ResponseWriter, r *http.Request) error {
	var req passwordChangeRequest
	if err := s.decodeJSON(w, r, &req); err != nil {
		return err
	}
	if _, err := s.svc.Users.ChangePassword(r.Context(), req.OldPassword, req.NewPassword); err != nil {
		return err
	}
	w.WriteHeader(http.StatusNoContent)
	return nil
}
