package ui

import (
	"net/http"
	"net/url"

	"github.com/pinggu/pinggu"
	"github.com/pinggu/pinggu/web/httpx"
)

// loginShow shows the login form; a signed-in user goes straight on.
func (s *Handler) loginShow(w http.ResponseWriter, r *http.Request) error {
	next := r.URL.Query().Get("next")
	if a := pinggu.ActorFrom(r.Context()); a != nil {
		http.Redirect(w, r, loginTarget(a, next), http.StatusSeeOther)
		return nil
	}
	p := s.newPage(w, r, "login.title")
	if key, ok := sessionEndFlash[httpx.SessionEndFrom(r.Context())]; ok && p.Flash == "" {
		httpx.ClearSessionCookie(w, s.opts.SecureCookies)
		p.Flash = p.T(key)
	}
	p.Form = newForm(url.Values{"next": {next}})
	p.Data = s.loginData()
	s.render(w, r, http.StatusOK, "login", p)
	return nil
}

// loginTarget is where a user goes after logging in: the password page when
// it must change its password, else the page it first asked for.
func loginTarget(a *pinggu.Actor, next string) string {
	if a.MustChangePassword {
		return "/account/password"
	}
	if n := safeNext(next); n != "/" {
		return n
	}
	return homeFor(a)
}
