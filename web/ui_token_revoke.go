package web

import "net/http"

// uiTokenRevoke revokes one of the actor's tokens; another user's token is
// simply not found.
func (s *Server) uiTokenRevoke(w http.ResponseWriter, r *http.Request) {
	id, err := pathID(r)
	if err == nil {
		err = s.opts.Users.RevokeToken(r.Context(), id)
	}
	if err != nil {
		s.uiError(w, r, err)
		return
	}
	s.redirectFlash(w, r, "/account/tokens", "flash.token_revoked")
}
