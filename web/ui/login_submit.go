package ui

import (
	"errors"
	"net/http"
	"net/url"
	"strings"

	"github.com/pinggu/pinggu"
	"github.com/pinggu/pinggu/web/httpx"
)

// loginSubmit checks the password, opens a session and returns the user to
// the page it first asked for. Wrong passwords and lock-outs are told apart
// because the user can act on the difference (wait, or ask an
// administrator); the lock-out and the limit on attempts answer alike for
// names that exist and names that do not.
func (s *Handler) loginSubmit(w http.ResponseWriter, r *http.Request) error {
	username := strings.TrimSpace(r.PostForm.Get("username"))
	next := r.PostForm.Get("next")
	err := s.opts.LoginLimits.Check(r.Context(), username)
	var token string
	var a *pinggu.Actor
	if err == nil {
		token, a, err = s.svc.Users.Login(r.Context(), username, r.PostForm.Get("password"), pinggu.ClientAddrFrom(r.Context()))
	}
	if err != nil {
		return s.loginFailed(w, r, err, username, next)
	}
	httpx.SetSessionCookie(w, token, s.opts.SecureCookies)
	http.Redirect(w, r, loginTarget(a, next), http.StatusSeeOther)
	return nil
}

// loginFailed shows the login form again with what went wrong: a wrong
// password or unknown name (one message for both), a lock-out, or too many
// attempts (429, with Retry-After).
func (s *Handler) loginFailed(w http.ResponseWriter, r *http.Request, err error, username, next string) error {
	p := s.newPage(w, r, "login.title")
	p.Form = newForm(url.Values{"username": {username}, "next": {next}})
	p.Data = s.loginData()
	status := http.StatusUnauthorized
	switch pinggu.ErrorCode(err) {
	case pinggu.ELOCKED:
		p.Form.Error = p.T("err.login_locked", int(pinggu.LockoutDuration.Minutes()))
	case pinggu.ETOOMANY:
		wait, _ := httpx.RetryAfter(err)
		httpx.SetRetryAfter(w, err)
		p.Title = p.T("err.too_many.title")
		p.Form.Error = p.T("err.login_too_many", httpx.RetryAfterSeconds(wait))
		status = http.StatusTooManyRequests
	case pinggu.EUNAUTHORIZED, pinggu.ENOTFOUND, pinggu.EINVALID:
		p.Form.Error = p.T("err.login_failed")
		if errors.Is(err, pinggu.ErrAccountPending) {
			p.Form.Error = p.T("err.login_pending")
		}
	default:
		return err
	}
	s.render(w, r, status, "login", p)
	return nil
}
