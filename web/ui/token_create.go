package ui

import (
	"net/http"
	"strings"
	"time"

	"github.com/pinggu/pinggu"
)

// tokenCreate makes an API token and shows its secret this once: the page
// is rendered directly, not redirected, so the secret never sits in a cookie
// or a URL.
func (s *Handler) tokenCreate(w http.ResponseWriter, r *http.Request) error {
	p := s.newPage(w, r, "page.tokens")
	_ = r.ParseForm()
	p.Form = newForm(r.PostForm)
	name := strings.TrimSpace(r.PostForm.Get("name"))
	var expires *time.Time
	if v := strings.TrimSpace(r.PostForm.Get("expires")); v != "" {
		t, err := pinggu.ParseDate(v)
		if err != nil || !t.After(time.Now()) {
			p.Form.Errors["expires"] = p.T("err.token_expiry")
		} else {
			expires = &t
		}
	}
	if name == "" {
		p.Form.Errors["name"] = p.T("err.required")
	}
	if len(p.Form.Errors) > 0 {
		p.Form.Error = p.T("err.form", len(p.Form.Errors))
		return s.renderTokens(w, r, p, "", http.StatusUnprocessableEntity)
	}
	secret, _, err := s.svc.Users.CreateToken(r.Context(), name, expires)
	if err != nil {
		if !p.Form.fail(p, err) {
			return err
		}
		// The store names the expiry as the API does.
		if msg, ok := p.Form.Errors["expires_at"]; ok {
			p.Form.Errors["expires"] = msg
		}
		return s.renderTokens(w, r, p, "", http.StatusUnprocessableEntity)
	}
	p.Form = newForm(nil)
	p.Flash = p.T("flash.token_created")
	return s.renderTokens(w, r, p, secret, http.StatusOK)
}
