package ui

import (
	"net/http"
	"net/url"
)

// accountNew shows the form to create an account.
func (s *Handler) accountNew(w http.ResponseWriter, r *http.Request) error {
	p := s.newPage(w, r, "account.new")
	p.Form = newForm(url.Values{"locale": {"zh"}})
	return s.renderAccountForm(w, r, p, accountFormData{Action: "/accounts", SearchAction: "/accounts/new"})
}
