package web

import (
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"
)

var secretRE = regexp.MustCompile(`<code class="token-secret">([^<]+)</code>`)

func TestUITokensShowSecretOnce(t *testing.T) {
	t.Parallel()
	a := newApp(t)
	c := a.login(uEntAdminA)
	p := c.get("/account/tokens")
	mustPage(t, p, http.StatusOK, "token page")
	p = c.post("/account/tokens", url.Values{"name": {""}})
	if got := fieldError(t, p.body, "name"); got != "此项不能为空" {
		t.Fatalf("error next to the token name = %q", got)
	}
	p = c.post("/account/tokens", url.Values{"name": {"数据对接"}, "expires": {"2000-01-01"}})
	if got := fieldError(t, p.body, "expires"); got == "" {
		t.Fatal("a past expiry shows no error")
	}
	p = c.post("/account/tokens", url.Values{"name": {"数据对接"}})
	mustPage(t, p, http.StatusOK, "token created")
	m := secretRE.FindStringSubmatch(p.body)
	if m == nil {
		t.Fatalf("no secret shown after creation: %s", text(p.body))
	}
	secret := m[1]
	// The secret works against the API…
	api := a.anon()
	api.bearer = secret
	mustStatus(t, api.do("GET", "/api/me", nil), http.StatusOK, "API call with the new token")
	// …and is never shown again.
	p = c.get("/account/tokens")
	mustContain(t, p, "token list", "数据对接")
	mustNotContain(t, p, "token list", secret)

	rev := regexp.MustCompile(`action="(/account/tokens/\d+/revoke)"`).FindStringSubmatch(p.body)
	if rev == nil {
		t.Fatal("no revoke form")
	}
	// Another user cannot revoke it.
	if res := a.login(uEntAdminB).post(rev[1], nil); res.status != http.StatusNotFound {
		t.Fatalf("another user's revoke: status %d, want 404", res.status)
	}
	p = c.follow(rev[1], nil)
	mustContain(t, p, "after revoking", "接口令牌已吊销")
	if strings.Contains(p.body, "数据对接") {
		t.Fatal("a revoked token is still listed")
	}
	mustStatus(t, api.do("GET", "/api/me", nil), http.StatusUnauthorized, "API call with the revoked token")
}
