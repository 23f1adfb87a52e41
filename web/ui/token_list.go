package ui

import (
	"net/http"

	"github.com/pinggu/pinggu"
)

// tokensData is the API tokens page; Secret is set only right after creation.
type tokensData struct {
	Tokens []*pinggu.APIToken
	Secret string
}

// tokenList shows the actor's API tokens.
func (s *Handler) tokenList(w http.ResponseWriter, r *http.Request) error {
	p := s.newPage(w, r, "page.tokens")
	p.Form = newForm(nil)
	return s.renderTokens(w, r, p, "", http.StatusOK)
}

func (s *Handler) renderTokens(w http.ResponseWriter, r *http.Request, p *page, secret string, status int) error {
	list, err := s.svc.Users.ListTokens(r.Context())
	if err != nil {
		return err
	}
	p.Data = tokensData{Tokens: list, Secret: secret}
	s.render(w, r, status, "tokens", p)
	return nil
}
