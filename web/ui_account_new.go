package web

import (
	"net/http"
	"net/url"
)

// uiAccountNew shows the form to create an account.
func (s *Server) uiAccountNew(w http.ResponseWriter, r *http.Request) {
	p := s.newPage(w, r, "account.new")
	p.Form = newForm(url.Values{"locale": {"zh"}})
	s.renderAccountForm(w, r, p, accountFormData{Action: "/accounts", SearchAction: "/accounts/new"})
}
