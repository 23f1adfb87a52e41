package web

import (
	"net/http"
	"net/url"
	"strings"

	"github.com/pinggu/pinggu"
)

// uiLoginSubmit checks the password, opens a session and returns the user to
// the page it first asked for. Wrong passwords and lock-outs are told apart
// because the user can act on the difference (wait, or ask an administrator).
func (s *Server) uiLoginSubmit(w http.ResponseWriter, r *http.Request) {
	if err := r.ParseForm(); err != nil {
		s.uiError(w, r, pinggu.Errorf(pinggu.EINVALID, "bad form"))
		return
	}
	username := strings.TrimSpace(r.PostForm.Get("username"))
	next := r.PostForm.Get("next")
	token, a, err := s.opts.Users.Login(r.Context(), username, r.PostForm.Get("password"), r.RemoteAddr)
	if err != nil {
		p := s.newPage(w, r, "login.title")
		p.Form = newForm(url.Values{"username": {username}, "next": {next}})
		switch pinggu.ErrorCode(err) {
		case pinggu.ELOCKED:
			p.Form.Error = p.T("err.login_locked", int(pinggu.LockoutDuration.Minutes()))
		case pinggu.EUNAUTHORIZED, pinggu.ENOTFOUND, pinggu.EINVALID:
			p.Form.Error = p.T("err.login_failed")
		default:
			s.uiError(w, r, err)
			return
		}
		s.render(w, r, http.StatusUnauthorized, "login", p)
		return
	}
	s.setSessionCookie(w, token)
	http.Redirect(w, r, loginTarget(a, next), http.StatusSeeOther)
}
