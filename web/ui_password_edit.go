package web

import "net/http"

// uiPasswordEdit shows the form to change one's own password; users whose
// password was set by an administrator are held here until they do.
func (s *Server) uiPasswordEdit(w http.ResponseWriter, r *http.Request) {
	p := s.newPage(w, r, "page.password")
	p.Form = newForm(nil)
	s.render(w, r, http.StatusOK, "password", p)
}
