package ui_test

import (
	"crypto/rand"
	"crypto/rsa"
	"crypto/sha256"
	"encoding/base64"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/go-jose/go-jose/v4"

	. "github.com/pinggu/pinggu/web/webtest"

	"github.com/pinggu/pinggu"
	"github.com/pinggu/pinggu/web"
	"github.com/pinggu/pinggu/web/sso"
)

// The platform's callback as registered with the provider. The test's
// browser takes the provider's redirect there to the test server, as a
// reverse proxy in front of the platform would.
const oidcRedirect = "https://pinggu.example.cn/login/sso/callback"

const (
	oidcClientID = "pinggu-test"
	oidcSecret   = "client-secret-of-the-test"
)

// testIdP is a small OpenID Connect provider on 127.0.0.1: discovery, JWKS,
// an authorisation endpoint that signs the person in at once, and a token
// endpoint that checks the client, the code and its PKCE verifier and
// returns an ID token signed with go-jose. Its fields say how the next ID
// token goes wrong, for the refusals.
type testIdP struct {
	t    *testing.T
	srv  *httptest.Server
	key  *rsa.PrivateKey
	evil *rsa.PrivateKey // signs forged tokens under the good key's id

	mu    sync.Mutex
	codes map[string]grant
	// What the next login is: the claims of the person, and the faults.
	claims   map[string]any
	audience string // "" for the client id
	nonce    string // "" for the request's
	forge    bool   // sign with the wrong key
}

type grant struct {
	nonce, challenge string
	claims           map[string]any
}

func newTestIdP(t *testing.T) *testIdP {
	t.Helper()
	idp := &testIdP{t: t, codes: map[string]grant{}}
	var err error
	if idp.key, err = rsa.GenerateKey(rand.Reader, 2048); err != nil {
		t.Fatal(err)
	}
	if idp.evil, err = rsa.GenerateKey(rand.Reader, 2048); err != nil {
		t.Fatal(err)
	}
	mux := http.NewServeMux()
	mux.HandleFunc("GET /.well-known/openid-configuration", func(w http.ResponseWriter, r *http.Request) {
		writeJSON(w, map[string]any{
			"issuer": idp.srv.URL, "authorization_endpoint": idp.srv.URL + "/authorize", "token_endpoint": idp.srv.URL + "/token",
			"jwks_uri": idp.srv.URL + "/jwks", "id_token_signing_alg_values_supported": []string{"RS256"},
			"response_types_supported": []string{"code"}, "subject_types_supported": []string{"public"},
			"code_challenge_methods_supported": []string{"S256"},
		})
	})
	mux.HandleFunc("GET /jwks", func(w http.ResponseWriter, r *http.Request) {
		writeJSON(w, jose.JSONWebKeySet{Keys: []jose.JSONWebKey{{Key: &idp.key.PublicKey, KeyID: "k1", Algorithm: "RS256", Use: "sig"}}})
	})
	mux.HandleFunc("GET /authorize", idp.authorize)
	mux.HandleFunc("POST /token", idp.token)
	idp.srv = httptest.NewServer(mux)
	t.Cleanup(idp.srv.Close)
	return idp
}

func writeJSON(w http.ResponseWriter, v any) {
	w.Header().Set("Content-Type", "application/json")
	_ = json.NewEncoder(w).Encode(v)
}

// authorize signs in the person the test chose and sends the browser back
// with a code.
func (idp *testIdP) authorize(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	if q.Get("client_id") != oidcClientID || q.Get("redirect_uri") != oidcRedirect || q.Get("response_type") != "code" ||
		q.Get("code_challenge_method") != "S256" || q.Get("code_challenge") == "" || q.Get("nonce") == "" || q.Get("state") == "" ||
		!strings.Contains(q.Get("scope"), "openid") {
		http.Error(w, "bad authorisation request "+r.URL.RawQuery, http.StatusBadRequest)
		return
	}
	idp.mu.Lock()
	code := base64.RawURLEncoding.EncodeToString([]byte(time.Now().String()))
	idp.codes[code] = grant{nonce: q.Get("nonce"), challenge: q.Get("code_challenge"), claims: idp.claims}
	idp.mu.Unlock()
	http.Redirect(w, r, oidcRedirect+"?"+url.Values{"code": {code}, "state": {q.Get("state")}}.Encode(), http.StatusFound)
}

// token redeems a code once, for the client that holds the PKCE verifier.
func (idp *testIdP) token(w http.ResponseWriter, r *http.Request) {
	if err := r.ParseForm(); err != nil {
		http.Error(w, err.Error(), http.StatusBadRequest)
		return
	}
	id, secret, ok := r.BasicAuth()
	if !ok {
		id, secret = r.PostForm.Get("client_id"), r.PostForm.Get("client_secret")
	}
	idp.mu.Lock()
	g, found := idp.codes[r.PostForm.Get("code")]
	delete(idp.codes, r.PostForm.Get("code"))
	aud, nonce, forge := idp.audience, idp.nonce, idp.forge
	idp.mu.Unlock()
	sum := sha256.Sum256([]byte(r.PostForm.Get("code_verifier")))
	if id != oidcClientID || secret != oidcSecret || !found || base64.RawURLEncoding.EncodeToString(sum[:]) != g.challenge {
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(http.StatusBadRequest)
		_ = json.NewEncoder(w).Encode(map[string]string{"error": "invalid_grant"})
		return
	}
	if aud == "" {
		aud = oidcClientID
	}
	if nonce == "" {
		nonce = g.nonce
	}
	now := time.Now()
	claims := map[string]any{"iss": idp.srv.URL, "aud": aud, "exp": now.Add(5 * time.Minute).Unix(), "iat": now.Unix(), "nonce": nonce}
	for k, v := range g.claims {
		claims[k] = v
	}
	key := idp.key
	if forge {
		key = idp.evil
	}
	signer, err := jose.NewSigner(jose.SigningKey{Algorithm: jose.RS256, Key: jose.JSONWebKey{Key: key, KeyID: "k1"}}, (&jose.SignerOptions{}).WithType("JWT"))
	if err != nil {
		idp.t.Error(err)
		return
	}
	payload, _ := json.Marshal(claims)
	jws, err := signer.Sign(payload)
	if err != nil {
		idp.t.Error(err)
		return
	}
	raw, _ := jws.CompactSerialize()
	writeJSON(w, map[string]any{"access_token": "at-" + r.PostForm.Get("code"), "token_type": "Bearer", "expires_in": 300, "id_token": raw})
}

// set chooses the next login's person and faults.
func (idp *testIdP) set(claims map[string]any, audience, nonce string, forge bool) {
	idp.mu.Lock()
	defer idp.mu.Unlock()
	idp.claims, idp.audience, idp.nonce, idp.forge = claims, audience, nonce, forge
}

// newOIDCApp is the test server with single sign-on through idp, naming
// accounts by claim.
func newOIDCApp(t *testing.T, idp *testIdP, claim string) *App {
	t.Helper()
	p, err := sso.New(sso.Config{Issuer: idp.srv.URL, ClientID: oidcClientID, ClientSecret: oidcSecret, RedirectURL: oidcRedirect, Claim: claim})
	if err != nil {
		t.Fatal(err)
	}
	return NewAppWith(t, func(o *web.Options) { o.SSO = p })
}

// ssoLogin goes through the whole dance as a browser: the platform sends
// it to the provider, the provider back with a code, and the callback's
// answer is returned. tamper may change the callback's query.
func ssoLogin(t *testing.T, c *Client, next string, tamper func(url.Values)) Page {
	t.Helper()
	start := c.Get("/login/sso?next=" + url.QueryEscape(next))
	if start.Status != http.StatusFound {
		t.Fatalf("GET /login/sso: status %d, want 302 to the provider; %s", start.Status, Text(start.Body))
	}
	noFollow := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	res, err := noFollow.Get(start.Location)
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	back, err := url.Parse(res.Header.Get("Location"))
	if res.StatusCode != http.StatusFound || err != nil || !strings.HasPrefix(back.String(), oidcRedirect) {
		t.Fatalf("provider's answer: status %d location %q", res.StatusCode, res.Header.Get("Location"))
	}
	q := back.Query()
	if tamper != nil {
		tamper(q)
	}
	return c.Get(back.Path + "?" + q.Encode())
}

// lastAudit is the newest audit entry of an action.
func lastAudit(t *testing.T, a *App, action string) *pinggu.AuditEntry {
	t.Helper()
	list, _, err := a.DB.ListAudit(SysCtx(), pinggu.AuditFilter{Action: action})
	if err != nil || len(list) == 0 {
		t.Fatalf("no audit entry %s: %v", action, err)
	}
	newest := list[0]
	for _, e := range list {
		if e.Seq > newest.Seq {
			newest = e
		}
	}
	return newest
}

// mustBeSignedOut checks that a refused single sign-on left no session.
func mustBeSignedOut(t *testing.T, c *Client, what string) {
	t.Helper()
	if p := c.Get("/dashboard"); p.Status != http.StatusSeeOther || !strings.HasPrefix(p.Location, "/login") {
		t.Fatalf("%s: /dashboard answers %d %q, want the login page", what, p.Status, p.Location)
	}
}

func TestUIOIDCLoginMapsToTheAccount(t *testing.T) {
	t.Parallel()
	idp := newTestIdP(t)
	a := newOIDCApp(t, idp, "preferred_username")

	login := a.Anon().Get("/login")
	MustContain(t, login, "login page with single sign-on", `href="/login/sso"`, "统一身份认证登录")
	MustContain(t, a.Anon().WithLang("en").Get("/login"), "English login page", "Log in with unified identity authentication")

	idp.set(map[string]any{"sub": "idp-0001", "preferred_username": UserBureauGD}, "", "", false)
	c := a.Anon()
	p := ssoLogin(t, c, "/services?category=im", nil)
	if p.Status != http.StatusSeeOther || p.Location != "/services?category=im" {
		t.Fatalf("callback: status %d location %q, want 303 to the page asked; %s", p.Status, p.Location, Text(p.Body))
	}
	list := c.Get("/services?category=im")
	MustPage(t, list, http.StatusOK, "the page asked, after single sign-on")
	MustContain(t, list, "the page asked, after single sign-on", a.SvcA.Name, "广东局")

	e := lastAudit(t, a, "auth.login")
	if e.ActorName != UserBureauGD || !strings.Contains(e.Detail, "method=oidc") || !strings.Contains(e.Detail, "sub=idp-0001") || e.RemoteAddr == "" {
		t.Fatalf("login audit: %+v; want the account, method=oidc, the subject and the client address", e)
	}

	// A next off the site is not followed.
	c2 := a.Anon()
	if p := ssoLogin(t, c2, "//evil.example/", nil); p.Location != "/dashboard" {
		t.Fatalf("single sign-on with an off-site next went to %q, want /dashboard", p.Location)
	}

	// The attempt is spent: the provider's answer replayed in the same
	// browser finds no attempt and opens nothing.
	c3 := a.Anon()
	var callback string
	if p := ssoLogin(t, c3, "/", func(q url.Values) { callback = "/login/sso/callback?" + q.Encode() }); p.Status != http.StatusSeeOther {
		t.Fatalf("third login: %d", p.Status)
	}
	c3.Post("/logout", nil)
	MustPage(t, c3.Get(callback), http.StatusBadRequest, "the provider's answer replayed")
	mustBeSignedOut(t, c3, "the provider's answer replayed")
}

func TestUIOIDCRefusals(t *testing.T) {
	t.Parallel()
	idp := newTestIdP(t)
	a := newOIDCApp(t, idp, "preferred_username")
	person := map[string]any{"sub": "idp-0002", "preferred_username": UserBureauGD}
	for _, tc := range []struct {
		what     string
		claims   map[string]any
		audience string
		nonce    string
		forge    bool
		tamper   func(url.Values)
		status   int
		says     string
		audit    string // in the detail of auth.login_failed
	}{
		{what: "wrong audience", claims: person, audience: "another-client", status: http.StatusBadRequest, says: "统一身份认证登录未能完成", audit: "id_token"},
		{what: "bad signature", claims: person, forge: true, status: http.StatusBadRequest, says: "统一身份认证登录未能完成", audit: "id_token"},
		{what: "bad nonce", claims: person, nonce: "not-this-attempt", status: http.StatusBadRequest, says: "统一身份认证登录未能完成", audit: "nonce mismatch"},
		{what: "state mismatch", claims: person, tamper: func(q url.Values) { q.Set("state", "forged") }, status: http.StatusBadRequest, says: "统一身份认证登录未能完成", audit: "state mismatch"},
		{what: "unknown subject", claims: map[string]any{"sub": "idp-9999", "preferred_username": "nobody.here"}, status: http.StatusForbidden,
			says: "本平台没有与您的身份对应的账号", audit: "unknown account"},
	} {
		idp.set(tc.claims, tc.audience, tc.nonce, tc.forge)
		c := a.Anon()
		p := ssoLogin(t, c, "/dashboard", tc.tamper)
		MustPage(t, p, tc.status, tc.what)
		MustContain(t, p, tc.what, tc.says, "统一身份认证登录未成功", `href="/login"`)
		mustBeSignedOut(t, c, tc.what)
		e := lastAudit(t, a, "auth.login_failed")
		if !strings.Contains(e.Detail, "method=oidc") || !strings.Contains(e.Detail, tc.audit) || e.RemoteAddr == "" {
			t.Errorf("%s: audit %+v; want method=oidc, %q and the client address", tc.what, e, tc.audit)
		}
	}

	// A callback with no attempt in the browser is refused too.
	c := a.Anon()
	p := c.Get("/login/sso/callback?code=x&state=y")
	MustPage(t, p, http.StatusBadRequest, "callback without an attempt")
	mustBeSignedOut(t, c, "callback without an attempt")

	// A disabled account is refused, and the refusal audited against it.
	admin := a.Login(UserSysAdmin)
	MustStatus(t, admin.Do("PUT", "/api/users/"+ID(a.Users[UserBureauGD].ID), map[string]any{"disabled": true}), http.StatusOK, "disable bureau.gd")
	idp.set(person, "", "", false)
	c = a.Anon()
	p = ssoLogin(t, c, "/dashboard", nil)
	MustPage(t, p, http.StatusForbidden, "disabled account")
	MustContain(t, p, "disabled account", "账号已停用")
	mustBeSignedOut(t, c, "disabled account")
	if e := lastAudit(t, a, "auth.login_failed"); e.ActorName != UserBureauGD || !strings.Contains(e.Detail, "account disabled") {
		t.Fatalf("disabled account's audit: %+v", e)
	}
}

// An account awaiting confirmation is refused; once confirmed, a single
// sign-on opens it without holding it on the password page, since the
// administrator's password was not used (the password login still is held).
func TestUIOIDCAccountRules(t *testing.T) {
	t.Parallel()
	idp := newTestIdP(t)
	a := newOIDCApp(t, idp, "preferred_username")
	const pw = "Admin-Knows-2026!"
	MustStatus(t, a.Login(UserSysAdmin).Do("POST", "/api/users/"+ID(a.Users[UserBureauGD].ID)+"/password", map[string]string{"password": pw}), http.StatusNoContent, "reset")
	idp.set(map[string]any{"sub": "idp-0003", "preferred_username": UserBureauGD}, "", "", false)
	c := a.Anon()
	p := ssoLogin(t, c, "/dashboard", nil)
	MustPage(t, p, http.StatusForbidden, "account awaiting confirmation")
	MustContain(t, p, "account awaiting confirmation", "账号尚待主管部门")
	mustBeSignedOut(t, c, "account awaiting confirmation")

	a.Login(UserMinistry).Follow("/account-confirmations/"+ID(a.Users[UserBureauGD].ID)+"/confirm", url.Values{})
	p = ssoLogin(t, c, "/services", nil)
	if p.Status != http.StatusSeeOther || p.Location != "/services" {
		t.Fatalf("single sign-on of an account that must change its password: %d %q, want 303 to /services", p.Status, p.Location)
	}
	MustPage(t, c.Get("/services"), http.StatusOK, "business pages after single sign-on")
	// The password the administrator chose still leads to the password page.
	res := a.Anon().Post("/login", url.Values{"username": {UserBureauGD}, "password": {pw}})
	if res.Location != "/account/password" {
		t.Fatalf("password login with the administrator's password went to %q, want /account/password", res.Location)
	}
}

func TestUIOIDCByVerifiedEmail(t *testing.T) {
	t.Parallel()
	idp := newTestIdP(t)
	a := newOIDCApp(t, idp, "email")
	MustStatus(t, a.Login(UserSysAdmin).Do("PUT", "/api/users/"+ID(a.Users[UserSupport].ID), map[string]any{"email": "Analyst@Example.CN"}), http.StatusOK, "give the analyst an e-mail")

	idp.set(map[string]any{"sub": "idp-0004", "email": "analyst@example.cn", "email_verified": false}, "", "", false)
	c := a.Anon()
	p := ssoLogin(t, c, "/dashboard", nil)
	MustPage(t, p, http.StatusBadRequest, "unverified e-mail")
	mustBeSignedOut(t, c, "unverified e-mail")
	if e := lastAudit(t, a, "auth.login_failed"); !strings.Contains(e.Detail, "not verified") {
		t.Fatalf("unverified e-mail's audit: %+v", e)
	}

	idp.set(map[string]any{"sub": "idp-0004", "email": "analyst@example.cn", "email_verified": true}, "", "", false)
	p = ssoLogin(t, c, "/dashboard", nil)
	if p.Status != http.StatusSeeOther || p.Location != "/dashboard" {
		t.Fatalf("verified e-mail: %d %q; %s", p.Status, p.Location, Text(p.Body))
	}
	if e := lastAudit(t, a, "auth.login"); e.ActorName != UserSupport {
		t.Fatalf("login by e-mail audited as %q, want %s", e.ActorName, UserSupport)
	}
}

// Without configuration there is no button and no single sign-on page.
func TestUIOIDCOffByDefault(t *testing.T) {
	t.Parallel()
	a := NewApp(t)
	p := a.Anon().Get("/login")
	MustNotContain(t, p, "login page without single sign-on", "/login/sso", "统一身份认证登录")
	MustPage(t, a.Anon().Get("/login/sso"), http.StatusNotFound, "single sign-on not configured")
	MustPage(t, a.Anon().Get("/login/sso/callback?code=x&state=y"), http.StatusNotFound, "callback not configured")
}
