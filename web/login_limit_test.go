package web_test

import (
	"net/http"
	"net/netip"
	"net/url"
	"regexp"
	"strconv"
	"testing"
	"time"

	"github.com/pinggu/pinggu"
	"github.com/pinggu/pinggu/web"
	"github.com/pinggu/pinggu/web/httpx"
	. "github.com/pinggu/pinggu/web/webtest"
)

// limitedApp serves the test store with login limits of addr and account
// attempts an hour (0 for none), so that no refill falls inside a test.
func limitedApp(t *testing.T, addr, account int, trusted ...string) *App {
	return NewAppWith(t, func(o *web.Options) {
		o.LoginLimits = httpx.NewLoginLimits(httpx.Rate{N: addr, Per: time.Hour}, httpx.Rate{N: account, Per: time.Hour})
		for _, p := range trusted {
			o.TrustedProxies = append(o.TrustedProxies, netip.MustParsePrefix(p))
		}
	})
}

func apiLogin(c *Client, user, pw string) Response {
	return c.Do("POST", "/api/login", map[string]string{"username": user, "password": pw})
}

// mustTooMany checks a refusal a script can act on: 429, a Retry-After of
// whole seconds within the limit's period, and the problem code.
func mustTooMany(t *testing.T, res Response, what string) {
	t.Helper()
	MustStatus(t, res, http.StatusTooManyRequests, what)
	secs, err := strconv.Atoi(res.Header.Get("Retry-After"))
	if err != nil || secs < 1 || secs > 3600 {
		t.Fatalf("%s: Retry-After %q, want whole seconds within the hour", what, res.Header.Get("Retry-After"))
	}
	if p := res.Problem(t); p.Code != pinggu.ETOOMANY {
		t.Fatalf("%s: problem code %q, want %q", what, p.Code, pinggu.ETOOMANY)
	}
}

func TestLoginLimitPerClientAddress(t *testing.T) {
	t.Parallel()
	a := limitedApp(t, 4, 0)
	c := a.Anon()
	for i := range 4 {
		MustStatus(t, apiLogin(c, "nobody-"+strconv.Itoa(i), "wrong-Password-1"), http.StatusUnauthorized, "bad login within the address limit")
	}
	// Beyond it even the right password of a real account waits: the
	// refusal comes before any hash.
	mustTooMany(t, apiLogin(c, UserBureauGD, TestPassword), "right password beyond the address limit")

	// The form counts with the API and says so in Chinese.
	p := c.DoType("POST", "/login", "application/x-www-form-urlencoded", url.Values{"username": {UserBureauGD}, "password": {TestPassword}}.Encode())
	if p.Status != http.StatusTooManyRequests || p.Header.Get("Retry-After") == "" {
		t.Fatalf("login form beyond the limit: status %d Retry-After %q, want 429 with Retry-After", p.Status, p.Header.Get("Retry-After"))
	}
	page := Page{Status: p.Status, Body: string(p.Body)}
	MustContain(t, page, "login form beyond the limit", "登录尝试过于频繁", "秒后再试")
	if got := InputValue(t, page.Body, "username"); got != UserBureauGD {
		t.Fatalf("username on the refusal = %q, want it kept", got)
	}

	// Without trusted proxies a client cannot name itself another address.
	c.Header.Set("X-Forwarded-For", "198.51.100.7")
	mustTooMany(t, apiLogin(c, UserBureauGD, TestPassword), "a forged X-Forwarded-For")

	// Sessions already open are not limited: the limit is on passwords.
	MustStatus(t, a.Login(UserBureauGD).Do("GET", "/api/me", nil), http.StatusOK, "an open session beyond the login limit")
}

var digitsRE = regexp.MustCompile(`[0-9]+`)

func TestLoginLimitPerAccountAnswersAlikeForUnknownNames(t *testing.T) {
	t.Parallel()
	a := limitedApp(t, 0, 3)
	c := a.Anon()
	refusal := map[string]httpx.Problem{}
	for _, name := range []string{UserBureauGD, "no-such-officer"} {
		for range 3 {
			MustStatus(t, apiLogin(c, name, "wrong-Password-1"), http.StatusUnauthorized, "bad password within the account limit")
		}
		res := apiLogin(c, name, "wrong-Password-1")
		mustTooMany(t, res, "bad password beyond the account limit of "+name)
		refusal[name] = res.Problem(t)
	}
	known, unknown := refusal[UserBureauGD], refusal["no-such-officer"]
	known.Detail, unknown.Detail = digitsRE.ReplaceAllString(known.Detail, "N"), digitsRE.ReplaceAllString(unknown.Detail, "N")
	if known.Detail != unknown.Detail || known.Title != unknown.Title {
		t.Fatalf("refusals tell names apart: known %+v, unknown %+v", known, unknown)
	}
	// The name is the account's however it is written.
	mustTooMany(t, apiLogin(c, "  NO-SUCH-Officer ", "wrong-Password-1"), "the same name in capitals")
	// Other accounts log in from the same address.
	MustStatus(t, apiLogin(c, UserMinistry, TestPassword), http.StatusOK, "another account beside a limited one")
}

func TestLoginLimitBehindTrustedProxy(t *testing.T) {
	t.Parallel()
	a := limitedApp(t, 2, 0, "127.0.0.1/32")
	one, two := a.Anon(), a.Anon()
	one.Header.Set("X-Forwarded-For", "198.51.100.1")
	two.Header.Set("X-Forwarded-For", "203.0.113.5, 198.51.100.2")
	for range 2 {
		MustStatus(t, apiLogin(one, "nobody", "wrong-Password-1"), http.StatusUnauthorized, "bad login within the limit")
	}
	mustTooMany(t, apiLogin(one, "nobody", "wrong-Password-1"), "beyond the limit behind the proxy")
	// Another client behind the same proxy has its own count; the nearest
	// address the proxy did not write is the client's.
	MustStatus(t, apiLogin(two, UserBureauGD, TestPassword), http.StatusOK, "another client behind the proxy")

	list, _, err := a.DB.ListAudit(SysCtx(), pinggu.AuditFilter{Action: "auth.login_failed"})
	if err != nil || len(list) == 0 {
		t.Fatalf("failed logins in the audit log: %d, %v", len(list), err)
	}
	for _, e := range list {
		if e.RemoteAddr != "198.51.100.1" {
			t.Fatalf("failed login audited from %q, want the client behind the proxy 198.51.100.1", e.RemoteAddr)
		}
	}
	ok, _, err := a.DB.ListAudit(SysCtx(), pinggu.AuditFilter{Action: "auth.login"})
	if err != nil || len(ok) == 0 || ok[0].ActorName != UserBureauGD || ok[0].RemoteAddr != "198.51.100.2" {
		t.Fatalf("newest login audited as %+v (%v), want %s from 198.51.100.2", ok, err, UserBureauGD)
	}
}
