package main

import (
	"flag"
	"fmt"

	"github.com/pinggu/pinggu/web"
	"github.com/pinggu/pinggu/web/httpx"
	"github.com/pinggu/pinggu/web/sso"
)

// webFlags are the serve flags that shape the web server's defences: which
// proxies it believes about the client's address and how often an address
// or account name may try a password.
type webFlags struct {
	trustedProxies   string
	loginRateAddr    string
	loginRateAccount string
	metricsToken     string
	oidc             sso.Config

	parsed web.Options // what parse read, for set
}

func (f *webFlags) register(fs *flag.FlagSet) {
	fs.StringVar(&f.trustedProxies, "trusted-proxies", envOr("PINGGU_TRUSTED_PROXIES", ""),
		"comma-separated addresses or CIDR ranges of reverse proxies whose X-Forwarded-For names the client; default none (env PINGGU_TRUSTED_PROXIES)")
	fs.StringVar(&f.loginRateAddr, "login-rate-addr", envOr("PINGGU_LOGIN_RATE_ADDR", httpx.DefaultLoginRateAddr.String()),
		"password logins one client address may try, as N/PERIOD (30/1m); 0 for no limit (env PINGGU_LOGIN_RATE_ADDR)")
	fs.StringVar(&f.loginRateAccount, "login-rate-account", envOr("PINGGU_LOGIN_RATE_ACCOUNT", httpx.DefaultLoginRateAccount.String()),
		"password logins one account name may be tried, as N/PERIOD (10/1m); 0 for no limit (env PINGGU_LOGIN_RATE_ACCOUNT)")
	fs.StringVar(&f.metricsToken, "metrics-token", envOr("PINGGU_METRICS_TOKEN", ""),
		"bearer token that /metrics requires; without it /metrics answers loopback clients only (env PINGGU_METRICS_TOKEN)")
	fs.StringVar(&f.oidc.Issuer, "oidc-issuer", envOr("PINGGU_OIDC_ISSUER", ""),
		"issuer URL of an OpenID Connect provider for single sign-on; empty for password login only (env PINGGU_OIDC_ISSUER)")
	fs.StringVar(&f.oidc.ClientID, "oidc-client-id", envOr("PINGGU_OIDC_CLIENT_ID", ""), "client id registered with the provider (env PINGGU_OIDC_CLIENT_ID)")
	fs.StringVar(&f.oidc.ClientSecret, "oidc-client-secret", envOr("PINGGU_OIDC_CLIENT_SECRET", ""),
		"client secret registered with the provider; prefer the environment, which ps does not show (env PINGGU_OIDC_CLIENT_SECRET)")
	fs.StringVar(&f.oidc.RedirectURL, "oidc-redirect-url", envOr("PINGGU_OIDC_REDIRECT_URL", ""),
		"this server's callback as registered with the provider, https://HOST/login/sso/callback (env PINGGU_OIDC_REDIRECT_URL)")
	fs.StringVar(&f.oidc.Claim, "oidc-claim", envOr("PINGGU_OIDC_CLAIM", "preferred_username"),
		"ID token claim naming the account: preferred_username (or another) matches usernames, email matches verified e-mail addresses (env PINGGU_OIDC_CLAIM)")
	fs.StringVar(&f.oidc.Label, "oidc-label", envOr("PINGGU_OIDC_LABEL", ""), "text of the login page's single sign-on button; default 统一身份认证登录 (env PINGGU_OIDC_LABEL)")
}

// parse checks the flags, before the server starts anything.
func (f *webFlags) parse() error {
	proxies, err := web.ParseTrustedProxies(f.trustedProxies)
	if err != nil {
		return fmt.Errorf("--trusted-proxies: %w", err)
	}
	addr, err := httpx.ParseRate(f.loginRateAddr)
	if err != nil {
		return fmt.Errorf("--login-rate-addr: %w", err)
	}
	account, err := httpx.ParseRate(f.loginRateAccount)
	if err != nil {
		return fmt.Errorf("--login-rate-account: %w", err)
	}
	if f.oidc.Enabled() {
		p, err := sso.New(f.oidc)
		if err != nil {
			return fmt.Errorf("--oidc-*: %w", err)
		}
		f.parsed.SSO = p
	} else if f.oidc.ClientID != "" || f.oidc.ClientSecret != "" || f.oidc.RedirectURL != "" {
		return fmt.Errorf("--oidc-issuer: single sign-on needs the provider's issuer URL")
	}
	f.parsed.TrustedProxies = proxies
	f.parsed.LoginLimits = httpx.NewLoginLimits(addr, account)
	return nil
}

// set puts the parsed flags into o.
func (f *webFlags) set(o *web.Options) {
	o.TrustedProxies = f.parsed.TrustedProxies
	o.LoginLimits = f.parsed.LoginLimits
	o.MetricsToken = f.metricsToken
	o.SSO = f.parsed.SSO
}
