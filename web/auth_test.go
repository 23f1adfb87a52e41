package web_test

import (
	"net/http"
	"strings"
	"testing"

	"github.com/pinggu/pinggu/web"
	. "github.com/pinggu/pinggu/web/webtest"

	"github.com/pinggu/pinggu"
	"github.com/pinggu/pinggu/web/api"
	"github.com/pinggu/pinggu/web/httpx"
)

func TestLoginSetsSessionCookie(t *testing.T) {
	t.Parallel()
	a := NewApp(t)
	c := a.Anon()
	res := c.Do("POST", "/api/login", map[string]string{"username": UserEntAdminA, "password": TestPassword})
	MustStatus(t, res, http.StatusOK, "login")
	var actor pinggu.Actor
	res.Decode(t, &actor)
	if got, want := actor.Username, UserEntAdminA; got != want {
		t.Fatalf("actor = %q, want %q", got, want)
	}
	var cookie *http.Cookie
	for _, ck := range (&http.Response{Header: res.Header}).Cookies() {
		if ck.Name == httpx.SessionCookieName {
			cookie = ck
		}
	}
	if cookie == nil {
		t.Fatalf("no %s cookie in %v", httpx.SessionCookieName, res.Header["Set-Cookie"])
	}
	if !cookie.HttpOnly || cookie.SameSite != http.SameSiteLaxMode || cookie.Secure {
		t.Fatalf("cookie HttpOnly=%v SameSite=%v Secure=%v, want HttpOnly, Lax, not Secure over plain HTTP", cookie.HttpOnly, cookie.SameSite, cookie.Secure)
	}
	me := c.Do("GET", "/api/me", nil)
	MustStatus(t, me, http.StatusOK, "me")
	var got pinggu.Actor
	me.Decode(t, &got)
	if got.Username != UserEntAdminA || got.Role != pinggu.RoleEntAdmin || got.OrgID != a.OrgA.ID {
		t.Fatalf("me = %+v", got)
	}
}

func TestSecureCookiesBehindTLS(t *testing.T) {
	t.Parallel()
	a := NewAppWith(t, func(o *web.Options) { o.SecureCookies = true })
	res := a.Anon().Do("POST", "/api/login", map[string]string{"username": UserMinistry, "password": TestPassword})
	MustStatus(t, res, http.StatusOK, "login")
	if sc := res.Header.Get("Set-Cookie"); !strings.Contains(sc, "Secure") {
		t.Fatalf("Set-Cookie %q lacks Secure", sc)
	}
}

func TestLoginFailures(t *testing.T) {
	t.Parallel()
	a := NewApp(t)
	c := a.Anon()
	res := c.Do("POST", "/api/login", map[string]string{"username": UserEntAdminA, "password": "wrong-Password-1"})
	MustStatus(t, res, http.StatusUnauthorized, "wrong password")
	if got, want := res.Problem(t).Code, pinggu.EUNAUTHORIZED; got != want {
		t.Fatalf("code = %q, want %q", got, want)
	}
	if res.Header.Get("Set-Cookie") != "" {
		t.Fatalf("a failed login set a cookie: %q", res.Header.Get("Set-Cookie"))
	}
	res = c.Do("POST", "/api/login", map[string]string{"username": "nobody", "password": TestPassword})
	MustStatus(t, res, http.StatusUnauthorized, "unknown user")
	res = c.Do("POST", "/api/login", `{"username": "admin.a", "password": `)
	MustStatus(t, res, http.StatusBadRequest, "malformed JSON")
	MustStatus(t, c.Do("GET", "/api/me", nil), http.StatusUnauthorized, "me after failures")
}

func TestLockOutAndUnlock(t *testing.T) {
	t.Parallel()
	a := NewApp(t)
	c := a.Anon()
	for i := 0; i < pinggu.MaxFailedLogins; i++ {
		res := c.Do("POST", "/api/login", map[string]string{"username": UserEntAssessA, "password": "wrong-Password-1"})
		if res.Status != http.StatusUnauthorized && res.Status != http.StatusLocked {
			t.Fatalf("failure %d: status %d", i+1, res.Status)
		}
	}
	res := c.Do("POST", "/api/login", map[string]string{"username": UserEntAssessA, "password": TestPassword})
	MustStatus(t, res, http.StatusLocked, "right password on a locked account")
	if got, want := res.Problem(t).Code, pinggu.ELOCKED; got != want {
		t.Fatalf("code = %q, want %q", got, want)
	}
	admin := a.Login(UserSysAdmin)
	MustStatus(t, admin.Do("POST", "/api/users/"+ID(a.Users[UserEntAssessA].ID)+"/unlock", nil), http.StatusNoContent, "unlock")
	MustStatus(t, c.Do("POST", "/api/login", map[string]string{"username": UserEntAssessA, "password": TestPassword}), http.StatusOK, "login after unlock")
}

func TestLogout(t *testing.T) {
	t.Parallel()
	a := NewApp(t)
	c := a.Login(UserBureauGD)
	var cookie string
	for _, ck := range c.HTTP.Jar.Cookies(MustURL(t, a.HTTP.URL)) {
		if ck.Name == httpx.SessionCookieName {
			cookie = ck.Value
		}
	}
	res := c.Do("POST", "/api/logout", nil)
	MustStatus(t, res, http.StatusNoContent, "logout")
	if sc := res.Header.Get("Set-Cookie"); !strings.Contains(sc, "Max-Age=0") {
		t.Fatalf("logout Set-Cookie %q does not clear the cookie", sc)
	}
	MustStatus(t, c.Do("GET", "/api/me", nil), http.StatusUnauthorized, "me after logout")
	// The old session token no longer works, even if a client kept it.
	replay := a.Anon()
	replay.Header.Set("Cookie", httpx.SessionCookieName+"="+cookie)
	MustStatus(t, replay.Do("GET", "/api/me", nil), http.StatusUnauthorized, "replayed session after logout")
}

func TestAPITokens(t *testing.T) {
	t.Parallel()
	a := NewApp(t)
	c := a.Login(UserEntAdminA)
	res := c.Do("POST", "/api/me/tokens", map[string]any{"name": "ci"})
	MustStatus(t, res, http.StatusCreated, "create token")
	var created api.TokenCreated
	res.Decode(t, &created)
	if !strings.HasPrefix(created.Secret, web.TokenPrefix) || created.Token == nil || created.Token.Name != "ci" {
		t.Fatalf("created = %+v", created)
	}

	script := a.Anon()
	script.Bearer = created.Secret
	me := script.Do("GET", "/api/me", nil)
	MustStatus(t, me, http.StatusOK, "me with token")
	var actor pinggu.Actor
	me.Decode(t, &actor)
	if got, want := actor.Username, UserEntAdminA; got != want {
		t.Fatalf("token actor = %q, want %q", got, want)
	}
	// A script may write with its token; no browser headers, no CSRF refusal.
	MustStatus(t, script.Do("POST", "/api/services", map[string]any{"org_id": a.OrgA.ID, "name": "令牌创建的业务", "category": "cloud"}), http.StatusCreated, "create with token")

	list := c.Do("GET", "/api/me/tokens", nil)
	MustStatus(t, list, http.StatusOK, "list tokens")
	if strings.Contains(string(list.Body), created.Secret) {
		t.Fatalf("token list shows the secret: %s", list.Body)
	}
	var tokens api.ListResponse[pinggu.APIToken]
	list.Decode(t, &tokens)
	if len(tokens.Items) != 1 || tokens.Items[0].ID != created.Token.ID {
		t.Fatalf("tokens = %+v", tokens)
	}

	MustStatus(t, c.Do("DELETE", "/api/me/tokens/"+ID(created.Token.ID), nil), http.StatusNoContent, "revoke")
	MustStatus(t, script.Do("GET", "/api/me", nil), http.StatusUnauthorized, "me with revoked token")

	bad := a.Anon()
	bad.Bearer = web.TokenPrefix + "not-a-real-token"
	MustStatus(t, bad.Do("GET", "/api/me", nil), http.StatusUnauthorized, "me with a made-up token")
	// A session cookie is no bearer token.
	bad.Bearer = a.Sessions[UserEntAdminA]
	MustStatus(t, bad.Do("GET", "/api/me", nil), http.StatusUnauthorized, "me with a session token as bearer")
}

func TestBadSessionCookieIsAnonymous(t *testing.T) {
	t.Parallel()
	a := NewApp(t)
	c := a.Anon()
	c.Header.Set("Cookie", httpx.SessionCookieName+"=forged-session-value")
	res := c.Do("GET", "/api/me", nil)
	MustStatus(t, res, http.StatusUnauthorized, "me with a forged session")
	// Public routes still answer.
	MustStatus(t, c.Do("GET", "/api/meta", nil), http.StatusOK, "meta with a forged session")
}

func TestChangeOwnPassword(t *testing.T) {
	t.Parallel()
	a := NewApp(t)
	c := a.Login(UserSupport)
	res := c.Do("POST", "/api/me/password", map[string]string{"old_password": TestPassword, "new_password": "short"})
	MustStatus(t, res, http.StatusBadRequest, "weak password")
	if p := res.Problem(t); !p.HasFieldError(0, "password") && !p.HasFieldError(0, "new_password") {
		t.Fatalf("problem does not name the password field: %+v", p)
	}
	res = c.Do("POST", "/api/me/password", map[string]string{"old_password": "Wrong-Old-Pass-1", "new_password": "Another-Pass-2026"})
	if res.Status == http.StatusNoContent {
		t.Fatalf("password changed with a wrong old password")
	}
	MustStatus(t, c.Do("POST", "/api/me/password", map[string]string{"old_password": TestPassword, "new_password": "Another-Pass-2026"}), http.StatusNoContent, "change password")
	MustStatus(t, a.Anon().Do("POST", "/api/login", map[string]string{"username": UserSupport, "password": TestPassword}), http.StatusUnauthorized, "old password")
	MustStatus(t, a.Anon().Do("POST", "/api/login", map[string]string{"username": UserSupport, "password": "Another-Pass-2026"}), http.StatusOK, "new password")
}

func TestAnonymousIsRefused(t *testing.T) {
	t.Parallel()
	a := NewApp(t)
	c := a.Anon()
	for _, rt := range api.Routes() {
		if rt.Public {
			continue
		}
		path := strings.ReplaceAll(rt.Pattern, "{id}", ID(a.OrgA.ID))
		res := c.Do(rt.Method, path, map[string]any{})
		if res.Status != http.StatusUnauthorized {
			t.Errorf("%s %s anonymous: status %d, want 401", rt.Method, path, res.Status)
			continue
		}
		if got := res.Problem(t).Code; got != pinggu.EUNAUTHORIZED {
			t.Errorf("%s %s: code %q", rt.Method, path, got)
		}
	}
}

// An account whose password an administrator set can do nothing through the
// API but read itself, log out and choose its own password.
func TestAPIHoldsAccountUntilPasswordChanged(t *testing.T) {
	t.Parallel()
	a := NewApp(t)
	admin := a.Login(UserSysAdmin)
	support := a.Users[UserSupport]
	MustStatus(t, admin.Do("POST", "/api/users/"+ID(support.ID)+"/password", map[string]string{"password": "Reset-By-Admin-1"}), http.StatusNoContent, "reset password")
	// The reset account reaches business data: a regulator confirms it first.
	MustStatus(t, a.Login(UserMinistry).Do("POST", "/api/users/"+ID(support.ID)+"/confirm", nil), http.StatusNoContent, "confirm the reset account")

	c := a.Anon()
	MustStatus(t, c.Do("POST", "/api/login", map[string]string{"username": UserSupport, "password": "Reset-By-Admin-1"}), http.StatusOK, "login with the reset password")
	res := c.Do("GET", "/api/services", nil)
	MustStatus(t, res, http.StatusForbidden, "services before changing the password")
	if got := res.Problem(t).Code; got != pinggu.EFORBIDDEN {
		t.Errorf("code %q, want %q", got, pinggu.EFORBIDDEN)
	}
	MustStatus(t, c.Do("GET", "/api/me", nil), http.StatusOK, "me before changing the password")
	MustStatus(t, c.Do("POST", "/api/me/password", map[string]string{"old_password": "Reset-By-Admin-1", "new_password": "Own-Choice-2026"}), http.StatusNoContent, "change password")
	MustStatus(t, c.Do("GET", "/api/services", nil), http.StatusOK, "services after changing the password")
}
