package ui

import "net/http"

// passwordEdit shows the form to change one's own password; users whose
// password was set by an administrator are held here until they do.
func (s *Handler) passwordEdit(w http.ResponseWriter, r *http.Request) error {
	p := s.newPage(w, r, "page.password")
	p.Form = newForm(nil)
	s.render(w, r, http.StatusOK, "password", p)
	return nil
}
