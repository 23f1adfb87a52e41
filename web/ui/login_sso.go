package ui

import (
	"errors"
	"net/http"

	"github.com/pinggu/pinggu"
	"github.com/pinggu/pinggu/web/httpx"
	"github.com/pinggu/pinggu/web/sso"
)

// ssoCookieName carries a single sign-on in progress (state, nonce, PKCE
// verifier and the page asked for) from the start to the callback, so any
// web node can finish what another began.
const ssoCookieName = "pinggu_sso"

// ssoCookiePath confines the cookie to the two single sign-on pages.
const ssoCookiePath = "/login/sso"

// ssoAttemptTTL is how long a person has at the provider.
const ssoAttemptTTL = 10 * 60 // seconds

// loginData is what the login page needs beyond the form: the single
// sign-on button, when one is configured.
type loginData struct {
	SSO      bool
	SSOLabel string
}

func (s *Handler) loginData() loginData {
	if s.opts.SSO == nil {
		return loginData{}
	}
	return loginData{SSO: true, SSOLabel: s.opts.SSO.Label()}
}

// ssoLogin is the store's single sign-on, when the server has one.
func (s *Handler) ssoLogin() pinggu.SSOLogin {
	if s.opts.SSO == nil {
		return nil
	}
	l, _ := s.svc.Users.(pinggu.SSOLogin)
	return l
}

// loginSSOStart sends the person to the identity provider, keeping the
// attempt in a short-lived cookie. A signed-in user goes straight on.
func (s *Handler) loginSSOStart(w http.ResponseWriter, r *http.Request) error {
	next := r.URL.Query().Get("next")
	if a := pinggu.ActorFrom(r.Context()); a != nil {
		http.Redirect(w, r, loginTarget(a, next), http.StatusSeeOther)
		return nil
	}
	at, to, err := s.opts.SSO.Start(r.Context(), safeNext(next))
	if err != nil {
		s.logger.Error("sso start", "err", err)
		return s.ssoRefused(w, r, http.StatusServiceUnavailable, "login.sso_unavailable")
	}
	http.SetCookie(w, &http.Cookie{Name: ssoCookieName, Value: at.Encode(), Path: ssoCookiePath, MaxAge: ssoAttemptTTL,
		HttpOnly: true, Secure: s.opts.SecureCookies, SameSite: http.SameSiteLaxMode})
	http.Redirect(w, r, to, http.StatusFound)
	return nil
}

// loginSSOCallback takes the provider's answer: the browser's attempt must
// match it (state), the ID token must be the provider's, for this platform,
// fresh and for this attempt (nonce), and the person must have an account
// here that may log in. Every refusal is audited with the client address;
// the person is told in plain words and offered the login page again.
func (s *Handler) loginSSOCallback(w http.ResponseWriter, r *http.Request) error {
	ctx := r.Context()
	addr := pinggu.ClientAddrFrom(ctx)
	// Each answer costs a call to the provider and an audit entry: the
	// client address's budget of logins bounds them.
	if err := s.opts.LoginLimits.Check(ctx, "oidc@"+addr); err != nil {
		return err
	}
	at, ok := sso.Attempt{}, false
	if c, err := r.Cookie(ssoCookieName); err == nil {
		at, ok = sso.DecodeAttempt(c.Value)
	}
	// The attempt is spent whatever the answer.
	http.SetCookie(w, &http.Cookie{Name: ssoCookieName, Value: "", Path: ssoCookiePath, MaxAge: -1, HttpOnly: true, Secure: s.opts.SecureCookies, SameSite: http.SameSiteLaxMode})
	login := s.ssoLogin()
	if !ok {
		if err := login.RecordSSOFailure(ctx, "no login attempt in this browser (state)", addr); err != nil {
			return err
		}
		return s.ssoRefused(w, r, http.StatusBadRequest, "login.sso_failed")
	}
	id, err := s.opts.SSO.Finish(ctx, at, r.URL.Query())
	var ref *sso.Refusal
	if errors.As(err, &ref) {
		if err := login.RecordSSOFailure(ctx, ref.Reason, addr); err != nil {
			return err
		}
		return s.ssoRefused(w, r, http.StatusBadRequest, "login.sso_failed")
	} else if err != nil {
		s.logger.Error("sso finish", "err", err)
		return s.ssoRefused(w, r, http.StatusServiceUnavailable, "login.sso_unavailable")
	}
	token, a, err := login.LoginSSO(ctx, id, addr)
	switch {
	case err == nil:
	case errors.Is(err, pinggu.ErrSSOUnknownAccount):
		return s.ssoRefused(w, r, http.StatusForbidden, "login.sso_unknown_account")
	case errors.Is(err, pinggu.ErrSSOAmbiguous):
		return s.ssoRefused(w, r, http.StatusForbidden, "login.sso_ambiguous")
	case errors.Is(err, pinggu.ErrAccountPending):
		return s.ssoRefused(w, r, http.StatusForbidden, "err.login_pending")
	case errors.Is(err, pinggu.ErrAccountDisabled):
		return s.ssoRefused(w, r, http.StatusForbidden, "login.sso_disabled")
	case pinggu.ErrorCode(err) == pinggu.ELOCKED:
		p := s.newPage(w, r, "login.sso_refused_title")
		p.Data = errorData{Message: p.T("err.login_locked", int(pinggu.LockoutDuration.Minutes()))}
		s.render(w, r, http.StatusForbidden, "login_sso_refused", p)
		return nil
	default:
		return err
	}
	httpx.SetSessionCookie(w, token, s.opts.SecureCookies)
	http.Redirect(w, r, loginTarget(a, at.Next), http.StatusSeeOther)
	return nil
}

// ssoRefused shows why a single sign-on did not succeed, with the way back
// to the login page.
func (s *Handler) ssoRefused(w http.ResponseWriter, r *http.Request, status int, key string) error {
	p := s.newPage(w, r, "login.sso_refused_title")
	p.Data = errorData{Message: p.T(key)}
	s.render(w, r, status, "login_sso_refused", p)
	return nil
}
