package web

import (
	"net/http"

	"github.com/pinggu/pinggu"
)

// tokensData is the API tokens page; Secret is set only right after creation.
type tokensData struct {
	Tokens []*pinggu.APIToken
	Secret string
}

// uiTokenList shows the actor's API tokens.
func (s *Server) uiTokenList(w http.ResponseWriter, r *http.Request) {
	p := s.newPage(w, r, "page.tokens")
	p.Form = newForm(nil)
	s.renderTokens(w, r, p, "", http.StatusOK)
}

func (s *Server) renderTokens(w http.ResponseWriter, r *http.Request, p *page, secret string, status int) {
	list, err := s.opts.Users.ListTokens(r.Context())
	if err != nil {
		s.uiError(w, r, err)
		return
	}
	p.Data = tokensData{Tokens: list, Secret: secret}
	s.render(w, r, status, "tokens", p)
}
