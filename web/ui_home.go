package web

import (
	"net/http"

	"github.com/pinggu/pinggu"
)

// uiHome sends visitors to the login page and users to their home module.
func (s *Server) uiHome(w http.ResponseWriter, r *http.Request) {
	a := pinggu.ActorFrom(r.Context())
	if a == nil {
		http.Redirect(w, r, "/login", http.StatusSeeOther)
		return
	}
	http.Redirect(w, r, homeFor(a), http.StatusSeeOther)
}
