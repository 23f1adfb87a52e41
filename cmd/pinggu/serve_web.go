package main

import (
	"flag"
	"fmt"

	"github.com/pinggu/pinggu/web"
	"github.com/pinggu/pinggu/web/httpx"
)

// webFlags are the serve flags that shape the web server's defences: which
// proxies it believes about the client's address and how often an address
// or account name may try a password.
type webFlags struct {
	trustedProxies   string
	loginRateAddr    string
	loginRateAccount string
	metricsToken     string

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
	f.parsed.TrustedProxies = proxies
	f.parsed.LoginLimits = httpx.NewLoginLimits(addr, account)
	return nil
}

// set puts the parsed flags into o.
func (f *webFlags) set(o *web.Options) {
	o.TrustedProxies = f.parsed.TrustedProxies
	o.LoginLimits = f.parsed.LoginLimits
	o.MetricsToken = f.metricsToken
}
