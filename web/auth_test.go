package web

import (
	"net/http"
	"strings"
	"testing"

	"github.com/pinggu/pinggu"
	"github.com/pinggu/pinggu/web/api"
	"github.com/pinggu/pinggu/web/httpx"
)

func TestLoginSetsSessionCookie(t *testing.T) {
	t.Parallel()
	a := newApp(t)
	c := a.anon()
	res := c.do("POST", "/api/login", map[string]string{"username": uEntAdminA, "password": testPassword})
	mustStatus(t, res, http.StatusOK, "login")
	var actor pinggu.Actor
	res.decode(t, &actor)
	if got, want := actor.Username, uEntAdminA; got != want {
		t.Fatalf("actor = %q, want %q", got, want)
	}
	var cookie *http.Cookie
	for _, ck := range (&http.Response{Header: res.header}).Cookies() {
		if ck.Name == httpx.SessionCookieName {
			cookie = ck
		}
	}
	if cookie == nil {
		t.Fatalf("no %s cookie in %v", httpx.SessionCookieName, res.header["Set-Cookie"])
	}
	if !cookie.HttpOnly || cookie.SameSite != http.SameSiteLaxMode || cookie.Secure {
		t.Fatalf("cookie HttpOnly=%v SameSite=%v Secure=%v, want HttpOnly, Lax, not Secure over plain HTTP", cookie.HttpOnly, cookie.SameSite, cookie.Secure)
	}
	me := c.do("GET", "/api/me", nil)
	mustStatus(t, me, http.StatusOK, "me")
	var got pinggu.Actor
	me.decode(t, &got)
	if got.Username != uEntAdminA || got.Role != pinggu.RoleEntAdmin || got.OrgID != a.orgA.ID {
		t.Fatalf("me = %+v", got)
	}
}

func TestSecureCookiesBehindTLS(t *testing.T) {
	t.Parallel()
	a := newAppWith(t, func(o *Options) { o.SecureCookies = true })
	res := a.anon().do("POST", "/api/login", map[string]string{"username": uMinistry, "password": testPassword})
	mustStatus(t, res, http.StatusOK, "login")
	if sc := res.header.Get("Set-Cookie"); !strings.Contains(sc, "Secure") {
		t.Fatalf("Set-Cookie %q lacks Secure", sc)
	}
}

func TestLoginFailures(t *testing.T) {
	t.Parallel()
	a := newApp(t)
	c := a.anon()
	res := c.do("POST", "/api/login", map[string]string{"username": uEntAdminA, "password": "wrong-Password-1"})
	mustStatus(t, res, http.StatusUnauthorized, "wrong password")
	if got, want := res.problem(t).Code, pinggu.EUNAUTHORIZED; got != want {
		t.Fatalf("code = %q, want %q", got, want)
	}
	if res.header.Get("Set-Cookie") != "" {
		t.Fatalf("a failed login set a cookie: %q", res.header.Get("Set-Cookie"))
	}
	res = c.do("POST", "/api/login", map[string]string{"username": "nobody", "password": testPassword})
	mustStatus(t, res, http.StatusUnauthorized, "unknown user")
	res = c.do("POST", "/api/login", `{"username": "admin.a", "password": `)
	mustStatus(t, res, http.StatusBadRequest, "malformed JSON")
	mustStatus(t, c.do("GET", "/api/me", nil), http.StatusUnauthorized, "me after failures")
}

func TestLockOutAndUnlock(t *testing.T) {
	t.Parallel()
	a := newApp(t)
	c := a.anon()
	for i := 0; i < pinggu.MaxFailedLogins; i++ {
		res := c.do("POST", "/api/login", map[string]string{"username": uEntAssessA, "password": "wrong-Password-1"})
		if res.status != http.StatusUnauthorized && res.status != http.StatusLocked {
			t.Fatalf("failure %d: status %d", i+1, res.status)
		}
	}
	res := c.do("POST", "/api/login", map[string]string{"username": uEntAssessA, "password": testPassword})
	mustStatus(t, res, http.StatusLocked, "right password on a locked account")
	if got, want := res.problem(t).Code, pinggu.ELOCKED; got != want {
		t.Fatalf("code = %q, want %q", got, want)
	}
	admin := a.login(uSysAdmin)
	mustStatus(t, admin.do("POST", "/api/users/"+id(a.users[uEntAssessA].ID)+"/unlock", nil), http.StatusNoContent, "unlock")
	mustStatus(t, c.do("POST", "/api/login", map[string]string{"username": uEntAssessA, "password": testPassword}), http.StatusOK, "login after unlock")
}

func TestLogout(t *testing.T) {
	t.Parallel()
	a := newApp(t)
	c := a.login(uBureauGD)
	var cookie string
	for _, ck := range c.http.Jar.Cookies(mustURL(t, a.http.URL)) {
		if ck.Name == httpx.SessionCookieName {
			cookie = ck.Value
		}
	}
	res := c.do("POST", "/api/logout", nil)
	mustStatus(t, res, http.StatusNoContent, "logout")
	if sc := res.header.Get("Set-Cookie"); !strings.Contains(sc, "Max-Age=0") {
		t.Fatalf("logout Set-Cookie %q does not clear the cookie", sc)
	}
	mustStatus(t, c.do("GET", "/api/me", nil), http.StatusUnauthorized, "me after logout")
	// The old session token no longer works, even if a client kept it.
	replay := a.anon()
	replay.header.Set("Cookie", httpx.SessionCookieName+"="+cookie)
	mustStatus(t, replay.do("GET", "/api/me", nil), http.StatusUnauthorized, "replayed session after logout")
}

func TestAPITokens(t *testing.T) {
	t.Parallel()
	a := newApp(t)
	c := a.login(uEntAdminA)
	res := c.do("POST", "/api/me/tokens", map[string]any{"name": "ci"})
	mustStatus(t, res, http.StatusCreated, "create token")
	var created api.TokenCreated
	res.decode(t, &created)
	if !strings.HasPrefix(created.Secret, tokenPrefix) || created.Token == nil || created.Token.Name != "ci" {
		t.Fatalf("created = %+v", created)
	}

	script := a.anon()
	script.bearer = created.Secret
	me := script.do("GET", "/api/me", nil)
	mustStatus(t, me, http.StatusOK, "me with token")
	var actor pinggu.Actor
	me.decode(t, &actor)
	if got, want := actor.Username, uEntAdminA; got != want {
		t.Fatalf("token actor = %q, want %q", got, want)
	}
	// A script may write with its token; no browser headers, no CSRF refusal.
	mustStatus(t, script.do("POST", "/api/services", map[string]any{"org_id": a.orgA.ID, "name": "令牌创建的业务", "category": "cloud"}), http.StatusCreated, "create with token")

	list := c.do("GET", "/api/me/tokens", nil)
	mustStatus(t, list, http.StatusOK, "list tokens")
	if strings.Contains(string(list.body), created.Secret) {
		t.Fatalf("token list shows the secret: %s", list.body)
	}
	var tokens api.ListResponse[pinggu.APIToken]
	list.decode(t, &tokens)
	if len(tokens.Items) != 1 || tokens.Items[0].ID != created.Token.ID {
		t.Fatalf("tokens = %+v", tokens)
	}

	mustStatus(t, c.do("DELETE", "/api/me/tokens/"+id(created.Token.ID), nil), http.StatusNoContent, "revoke")
	mustStatus(t, script.do("GET", "/api/me", nil), http.StatusUnauthorized, "me with revoked token")

	bad := a.anon()
	bad.bearer = tokenPrefix + "not-a-real-token"
	mustStatus(t, bad.do("GET", "/api/me", nil), http.StatusUnauthorized, "me with a made-up token")
	// A session cookie is no bearer token.
	bad.bearer = a.sessions[uEntAdminA]
	mustStatus(t, bad.do("GET", "/api/me", nil), http.StatusUnauthorized, "me with a session token as bearer")
}

func TestBadSessionCookieIsAnonymous(t *testing.T) {
	t.Parallel()
	a := newApp(t)
	c := a.anon()
	c.header.Set("Cookie", httpx.SessionCookieName+"=forged-session-value")
	res := c.do("GET", "/api/me", nil)
	mustStatus(t, res, http.StatusUnauthorized, "me with a forged session")
	// Public routes still answer.
	mustStatus(t, c.do("GET", "/api/meta", nil), http.StatusOK, "meta with a forged session")
}

func TestChangeOwnPassword(t *testing.T) {
	t.Parallel()
	a := newApp(t)
	c := a.login(uSupport)
	res := c.do("POST", "/api/me/password", map[string]string{"old_password": testPassword, "new_password": "short"})
	mustStatus(t, res, http.StatusBadRequest, "weak password")
	if p := res.problem(t); !p.HasFieldError(0, "password") && !p.HasFieldError(0, "new_password") {
		t.Fatalf("problem does not name the password field: %+v", p)
	}
	res = c.do("POST", "/api/me/password", map[string]string{"old_password": "Wrong-Old-Pass-1", "new_password": "Another-Pass-2026"})
	if res.status == http.StatusNoContent {
		t.Fatalf("password changed with a wrong old password")
	}
	mustStatus(t, c.do("POST", "/api/me/password", map[string]string{"old_password": testPassword, "new_password": "Another-Pass-2026"}), http.StatusNoContent, "change password")
	mustStatus(t, a.anon().do("POST", "/api/login", map[string]string{"username": uSupport, "password": testPassword}), http.StatusUnauthorized, "old password")
	mustStatus(t, a.anon().do("POST", "/api/login", map[string]string{"username": uSupport, "password": "Another-Pass-2026"}), http.StatusOK, "new password")
}

func TestAnonymousIsRefused(t *testing.T) {
	t.Parallel()
	a := newApp(t)
	c := a.anon()
	for _, rt := range api.Routes() {
		if rt.Public {
			continue
		}
		path := strings.ReplaceAll(rt.Pattern, "{id}", id(a.orgA.ID))
		res := c.do(rt.Method, path, map[string]any{})
		if res.status != http.StatusUnauthorized {
			t.Errorf("%s %s anonymous: status %d, want 401", rt.Method, path, res.status)
			continue
		}
		if got := res.problem(t).Code; got != pinggu.EUNAUTHORIZED {
			t.Errorf("%s %s: code %q", rt.Method, path, got)
		}
	}
}

// An account whose password an administrator set can do nothing through the
// API but read itself, log out and choose its own password.
func TestAPIHoldsAccountUntilPasswordChanged(t *testing.T) {
	t.Parallel()
	a := newApp(t)
	admin := a.login(uSysAdmin)
	support := a.users[uSupport]
	mustStatus(t, admin.do("POST", "/api/users/"+id(support.ID)+"/password", map[string]string{"password": "Reset-By-Admin-1"}), http.StatusNoContent, "reset password")

	c := a.anon()
	mustStatus(t, c.do("POST", "/api/login", map[string]string{"username": uSupport, "password": "Reset-By-Admin-1"}), http.StatusOK, "login with the reset password")
	res := c.do("GET", "/api/services", nil)
	mustStatus(t, res, http.StatusForbidden, "services before changing the password")
	if got := res.problem(t).Code; got != pinggu.EFORBIDDEN {
		t.Errorf("code %q, want %q", got, pinggu.EFORBIDDEN)
	}
	mustStatus(t, c.do("GET", "/api/me", nil), http.StatusOK, "me before changing the password")
	mustStatus(t, c.do("POST", "/api/me/password", map[string]string{"old_password": "Reset-By-Admin-1", "new_password": "Own-Choice-2026"}), http.StatusNoContent, "change password")
	mustStatus(t, c.do("GET", "/api/services", nil), http.StatusOK, "services after changing the password")
}
