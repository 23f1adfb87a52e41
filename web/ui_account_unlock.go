package web

import (
	"net/http"
	"strconv"
)

// uiAccountUnlock clears an account's lock-out.
func (s *Server) uiAccountUnlock(w http.ResponseWriter, r *http.Request) {
	id, err := pathID(r)
	if err == nil {
		err = s.opts.Users.UnlockUser(r.Context(), id)
	}
	if err != nil {
		s.uiError(w, r, err)
		return
	}
	s.redirectFlash(w, r, "/accounts/"+strconv.FormatInt(id, 10)+"/edit", "flash.account_unlocked")
}
