package ui_test

import (
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"

	. "github.com/pinggu/pinggu/web/webtest"
)

var secretRE = regexp.MustCompile(`<code class="token-secret">([^<]+)</code>`)

func TestUITokensShowSecretOnce(t *testing.T) {
	t.Parallel()
	a := NewApp(t)
	c := a.Login(UserEntAdminA)
	p := c.Get("/account/tokens")
	MustPage(t, p, http.StatusOK, "token page")
	p = c.Post("/account/tokens", url.Values{"name": {""}})
	if got := FieldErrorOf(t, p.Body, "name"); got != "此项不能为空" {
		t.Fatalf("error next to the token name = %q", got)
	}
	p = c.Post("/account/tokens", url.Values{"name": {"数据对接"}, "expires": {"2000-01-01"}})
	if got := FieldErrorOf(t, p.Body, "expires"); got == "" {
		t.Fatal("a past expiry shows no error")
	}
	p = c.Post("/account/tokens", url.Values{"name": {"数据对接"}})
	MustPage(t, p, http.StatusOK, "token created")
	m := secretRE.FindStringSubmatch(p.Body)
	if m == nil {
		t.Fatalf("no secret shown after creation: %s", Text(p.Body))
	}
	secret := m[1]
	// The secret works against the API…
	api := a.Anon()
	api.Bearer = secret
	MustStatus(t, api.Do("GET", "/api/me", nil), http.StatusOK, "API call with the new token")
	// …and is never shown again.
	p = c.Get("/account/tokens")
	MustContain(t, p, "token list", "数据对接")
	MustNotContain(t, p, "token list", secret)

	rev := regexp.MustCompile(`action="(/account/tokens/\d+/revoke)"`).FindStringSubmatch(p.Body)
	if rev == nil {
		t.Fatal("no revoke form")
	}
	// Another user cannot revoke it.
	if res := a.Login(UserEntAdminB).Post(rev[1], nil); res.Status != http.StatusNotFound {
		t.Fatalf("another user's revoke: status %d, want 404", res.Status)
	}
	p = c.Follow(rev[1], nil)
	MustContain(t, p, "after revoking", "接口令牌已吊销")
	if strings.Contains(p.Body, "数据对接") {
		t.Fatal("a revoked token is still listed")
	}
	MustStatus(t, api.Do("GET", "/api/me", nil), http.StatusUnauthorized, "API call with the revoked token")
}
