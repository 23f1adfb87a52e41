package ui

import (
	"net/http"
	"net/url"
	"strings"

	"github.com/pinggu/pinggu"
	"github.com/pinggu/pinggu/web/httpx"
)

// loginSubmit checks the password, opens a session and returns the user to
// the page it first asked for. Wrong passwords and lock-outs are told apart
// because the user can act on the difference (wait, or ask an administrator).
func (s *Handler) loginSubmit(w http.ResponseWriter, r *http.Request) error {
	if err := r.ParseForm(); err != nil {
		return pinggu.Errorf(pinggu.EINVALID, "bad form")
	}
	username := strings.TrimSpace(r.PostForm.Get("username"))
	next := r.PostForm.Get("next")
	token, a, err := s.svc.Users.Login(r.Context(), username, r.PostForm.Get("password"), r.RemoteAddr)
	if err != nil {
		p := s.newPage(w, r, "login.title")
		p.Form = newForm(url.Values{"username": {username}, "next": {next}})
		switch pinggu.ErrorCode(err) {
		case pinggu.ELOCKED:
			p.Form.Error = p.T("err.login_locked", int(pinggu.LockoutDuration.Minutes()))
		case pinggu.EUNAUTHORIZED, pinggu.ENOTFOUND, pinggu.EINVALID:
			p.Form.Error = p.T("err.login_failed")
		default:
			return err
		}
		s.render(w, r, http.StatusUnauthorized, "login", p)
		return nil
	}
	httpx.SetSessionCookie(w, token, s.opts.SecureCookies)
	http.Redirect(w, r, loginTarget(a, next), http.StatusSeeOther)
	return nil
}
