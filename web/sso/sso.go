// Package sso is single sign-on through an OpenID Connect provider (the
// ministry's unified identity authentication, 统一身份认证): the
// authorisation request with state, nonce and PKCE, and the checks of the
// provider's answer (the ID token's signature, issuer, audience, expiry and
// nonce, and the claim that names the account). Which account the person
// is, and whether it may log in, is the store's to decide.
package sso

import (
	"context"
	"crypto/rand"
	"crypto/subtle"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"time"

	"github.com/coreos/go-oidc/v3/oidc"
	"golang.org/x/oauth2"

	"github.com/pinggu/pinggu"
)

// Config says which provider to trust and how this platform is registered
// with it.
type Config struct {
	Issuer       string // the provider's issuer URL, as its discovery document names it
	ClientID     string
	ClientSecret string
	RedirectURL  string // this platform's callback, https://…/login/sso/callback
	// Claim names the account: preferred_username (the default) matches
	// usernames, email matches e-mail addresses and needs email_verified.
	Claim string
	// Label is the text of the login page's button; empty for 统一身份认证登录.
	Label string
	// HTTPClient talks to the provider; nil for http.DefaultClient with a
	// 15-second timeout.
	HTTPClient *http.Client
}

// Enabled reports whether c names a provider at all.
func (c Config) Enabled() bool { return c.Issuer != "" }

// Check reports what is missing or wrong in a configuration that names a
// provider.
func (c *Config) Check() error {
	var missing []string
	for _, f := range []struct{ name, v string }{{"issuer", c.Issuer}, {"client id", c.ClientID}, {"client secret", c.ClientSecret}, {"redirect URL", c.RedirectURL}} {
		if strings.TrimSpace(f.v) == "" {
			missing = append(missing, f.name)
		}
	}
	if len(missing) > 0 {
		return fmt.Errorf("OpenID Connect needs %s", strings.Join(missing, ", "))
	}
	for _, u := range []struct{ name, v string }{{"issuer", c.Issuer}, {"redirect URL", c.RedirectURL}} {
		p, err := url.Parse(u.v)
		if err != nil || (p.Scheme != "https" && p.Scheme != "http") || p.Host == "" {
			return fmt.Errorf("OpenID Connect %s %q is not an http(s) URL", u.name, u.v)
		}
	}
	if c.Claim == "" {
		c.Claim = "preferred_username"
	}
	return nil
}

// Provider is a configured OpenID Connect provider. Its discovery document
// is fetched on first use and again after a failure, so the platform starts
// while the provider is down and logs in by password meanwhile.
type Provider struct {
	cfg    Config
	client *http.Client

	mu       sync.Mutex
	oauth    *oauth2.Config
	verifier *oidc.IDTokenVerifier
}

// New returns the provider of a checked configuration.
func New(cfg Config) (*Provider, error) {
	if err := cfg.Check(); err != nil {
		return nil, err
	}
	client := cfg.HTTPClient
	if client == nil {
		client = &http.Client{Timeout: 15 * time.Second}
	}
	return &Provider{cfg: cfg, client: client}, nil
}

// Label is the login button's text, "" for the catalog's.
func (p *Provider) Label() string { return p.cfg.Label }

// Claim is the claim that names accounts.
func (p *Provider) Claim() string { return p.cfg.Claim }

func (p *Provider) ctx(ctx context.Context) context.Context {
	return oidc.ClientContext(context.WithValue(ctx, oauth2.HTTPClient, p.client), p.client)
}

// discover fetches the discovery document once it succeeds.
func (p *Provider) discover(ctx context.Context) (*oauth2.Config, *oidc.IDTokenVerifier, error) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.oauth != nil {
		return p.oauth, p.verifier, nil
	}
	op, err := oidc.NewProvider(p.ctx(ctx), p.cfg.Issuer)
	if err != nil {
		return nil, nil, fmt.Errorf("sso: discovery of %s: %w", p.cfg.Issuer, err)
	}
	scopes := []string{oidc.ScopeOpenID, "profile"}
	if pinggu.SSOMatchesEmail(p.cfg.Claim) {
		scopes = append(scopes, "email")
	}
	p.oauth = &oauth2.Config{ClientID: p.cfg.ClientID, ClientSecret: p.cfg.ClientSecret, RedirectURL: p.cfg.RedirectURL, Endpoint: op.Endpoint(), Scopes: scopes}
	// The key set is fetched with the provider's client, not the request's
	// context, which ends with the request.
	p.verifier = op.VerifierContext(oidc.ClientContext(context.Background(), p.client), &oidc.Config{ClientID: p.cfg.ClientID})
	return p.oauth, p.verifier, nil
}

// Attempt is one login in progress: what the browser keeps (in a cookie)
// between sending the person to the provider and its coming back.
type Attempt struct {
	State    string `json:"s"`
	Nonce    string `json:"n"`
	Verifier string `json:"v"` // the PKCE code verifier
	Next     string `json:"r"` // where the person asked to go
}

// Encode is the attempt as a cookie value.
func (a Attempt) Encode() string {
	b, _ := json.Marshal(a)
	return base64.RawURLEncoding.EncodeToString(b)
}

// DecodeAttempt reads a cookie value of Encode.
func DecodeAttempt(s string) (Attempt, bool) {
	var a Attempt
	b, err := base64.RawURLEncoding.DecodeString(s)
	if err != nil || json.Unmarshal(b, &a) != nil || a.State == "" || a.Nonce == "" || a.Verifier == "" {
		return Attempt{}, false
	}
	return a, true
}

func random() string {
	b := make([]byte, 32)
	if _, err := rand.Read(b); err != nil {
		panic(err)
	}
	return base64.RawURLEncoding.EncodeToString(b)
}

// Start begins a login: a fresh attempt and the provider's URL to send the
// person to.
func (p *Provider) Start(ctx context.Context, next string) (Attempt, string, error) {
	oc, _, err := p.discover(ctx)
	if err != nil {
		return Attempt{}, "", err
	}
	a := Attempt{State: random(), Nonce: random(), Verifier: oauth2.GenerateVerifier(), Next: next}
	return a, oc.AuthCodeURL(a.State, oidc.Nonce(a.Nonce), oauth2.S256ChallengeOption(a.Verifier)), nil
}

// Refusal is a provider's answer refused: the reason goes to the audit
// log, the person is told only that the login did not succeed.
type Refusal struct{ Reason string }

func (r *Refusal) Error() string { return "sso: " + r.Reason }

func refused(format string, args ...any) error { return &Refusal{Reason: fmt.Sprintf(format, args...)} }

// Finish checks the provider's answer q against the attempt the browser
// kept, redeems the code and verifies the ID token, and returns who it
// names. Anything not right is a *Refusal.
func (p *Provider) Finish(ctx context.Context, a Attempt, q url.Values) (pinggu.SSOIdentity, error) {
	var none pinggu.SSOIdentity
	if subtle.ConstantTimeCompare([]byte(q.Get("state")), []byte(a.State)) != 1 {
		return none, refused("state mismatch")
	}
	if e := q.Get("error"); e != "" {
		return none, refused("provider error %.64s", e)
	}
	code := q.Get("code")
	if code == "" {
		return none, refused("no code")
	}
	oc, verifier, err := p.discover(ctx)
	if err != nil {
		return none, err
	}
	tok, err := oc.Exchange(p.ctx(ctx), code, oauth2.VerifierOption(a.Verifier))
	if err != nil {
		return none, refused("code exchange: %v", shorten(err))
	}
	raw, ok := tok.Extra("id_token").(string)
	if !ok || raw == "" {
		return none, refused("no id_token in the token response")
	}
	idt, err := verifier.Verify(p.ctx(ctx), raw)
	if err != nil {
		return none, refused("id_token: %v", shorten(err))
	}
	if subtle.ConstantTimeCompare([]byte(idt.Nonce), []byte(a.Nonce)) != 1 {
		return none, refused("nonce mismatch")
	}
	var claims map[string]any
	if err := idt.Claims(&claims); err != nil {
		return none, refused("claims: %v", shorten(err))
	}
	value, _ := claims[p.cfg.Claim].(string)
	if strings.TrimSpace(value) == "" {
		return none, refused("no %s claim", p.cfg.Claim)
	}
	if pinggu.SSOMatchesEmail(p.cfg.Claim) {
		if v, _ := claims["email_verified"].(bool); !v {
			return none, refused("email %s not verified by the provider", value)
		}
	}
	return pinggu.SSOIdentity{Issuer: idt.Issuer, Subject: idt.Subject, Claim: p.cfg.Claim, Value: value}, nil
}

// shorten keeps an error's text short enough for the audit log.
func shorten(err error) string {
	var re *oauth2.RetrieveError
	if errors.As(err, &re) && re.ErrorCode != "" {
		return "provider said " + re.ErrorCode
	}
	s := err.Error()
	if len(s) > 200 {
		s = s[:200]
	}
	return s
}
