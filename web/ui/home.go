package ui

import (
	"net/http"

	"github.com/pinggu/pinggu"
)

// home sends visitors to the login page and users to their home module.
func (s *Handler) home(w http.ResponseWriter, r *http.Request) error {
	a := pinggu.ActorFrom(r.Context())
	if a == nil {
		http.Redirect(w, r, "/login", http.StatusSeeOther)
		return nil
	}
	http.Redirect(w, r, homeFor(a), http.StatusSeeOther)
	return nil
}
