package patrol

import (
	"context"
	"crypto/sha256"
	"crypto/tls"
	"encoding/hex"
	"fmt"
	"math/rand/v2"
	"net"
	"net/http"
	"net/netip"
	"net/url"
	"strconv"
	"strings"
	"syscall"
	"time"
)

// Config sets up a Fetcher. Zero fields take the defaults noted.
type Config struct {
	// Guard decides which addresses may be reached; the zero Guard allows
	// public addresses only.
	Guard Guard
	// Resolver resolves host names; nil uses the system resolver.
	Resolver Resolver
	// Limiter keeps requests to one host polite; nil sends without waiting.
	Limiter Limiter

	ConnectTimeout time.Duration // TCP connect and TLS handshake; default 10 s
	HeaderTimeout  time.Duration // from request sent to response headers; default 15 s
	FetchTimeout   time.Duration // one whole fetch: every hop, retry and body; default 45 s
	MaxBytes       int64         // body bytes kept per response (after content decoding); default 8 MiB
	MaxRedirects   int           // hops followed (HTTP, meta, script); default 10
	// Retries is how many times a transient failure (connection reset,
	// 5xx, 429) is retried; default 2, negative for none.
	Retries       int
	RetryBackoff  time.Duration // first backoff, doubled each retry; default 500 ms
	MaxRetryAfter time.Duration // longest Retry-After honoured; default 30 s
	// MaxIdlePerHost keeps connections alive for reuse; default 8.
	MaxIdlePerHost int
	// InsecureSkipVerify fetches from sites with broken certificates, which
	// hacked and abandoned sites often have; the default refuses them.
	InsecureSkipVerify bool
}

func (c *Config) defaults() {
	if c.ConnectTimeout <= 0 {
		c.ConnectTimeout = 10 * time.Second
	}
	if c.HeaderTimeout <= 0 {
		c.HeaderTimeout = 15 * time.Second
	}
	if c.FetchTimeout <= 0 {
		c.FetchTimeout = 45 * time.Second
	}
	if c.MaxBytes <= 0 {
		c.MaxBytes = 8 << 20
	}
	if c.MaxRedirects <= 0 {
		c.MaxRedirects = 10
	}
	if c.Retries == 0 {
		c.Retries = 2
	} else if c.Retries < 0 {
		c.Retries = 0
	}
	if c.RetryBackoff <= 0 {
		c.RetryBackoff = 500 * time.Millisecond
	}
	if c.MaxRetryAfter <= 0 {
		c.MaxRetryAfter = 30 * time.Second
	}
	if c.MaxIdlePerHost <= 0 {
		c.MaxIdlePerHost = 8
	}
	if c.Resolver == nil {
		c.Resolver = net.DefaultResolver
	}
}

// Fetcher fetches pages for patrol. It is safe for concurrent use and keeps
// connections alive across fetches, so make one and share it.
type Fetcher struct {
	cfg    Config
	dialer *net.Dialer
	client *http.Client
	tr     *http.Transport
}

// NewFetcher makes a Fetcher.
func NewFetcher(cfg Config) *Fetcher {
	cfg.defaults()
	f := &Fetcher{cfg: cfg}
	f.dialer = &net.Dialer{Timeout: cfg.ConnectTimeout, KeepAlive: 30 * time.Second, Control: f.control}
	f.tr = &http.Transport{
		Proxy:       nil, // a proxy would connect for us, past the guard
		DialContext: f.dialContext,
		// Chinese sites, government ones among them, still run TLS 1.0.
		TLSClientConfig:        &tls.Config{InsecureSkipVerify: cfg.InsecureSkipVerify, MinVersion: tls.VersionTLS10},
		TLSHandshakeTimeout:    cfg.ConnectTimeout,
		ResponseHeaderTimeout:  cfg.HeaderTimeout,
		DisableCompression:     true, // we ask for and decode gzip, deflate and br ourselves
		MaxIdleConns:           1024,
		MaxIdleConnsPerHost:    cfg.MaxIdlePerHost,
		IdleConnTimeout:        90 * time.Second,
		MaxResponseHeaderBytes: 64 << 10,
		ForceAttemptHTTP2:      true,
	}
	f.client = &http.Client{Transport: f.tr, CheckRedirect: func(*http.Request, []*http.Request) error {
		return http.ErrUseLastResponse // each hop is checked and recorded by Fetch
	}}
	return f
}

// Close drops idle connections.
func (f *Fetcher) Close() { f.tr.CloseIdleConnections() }

// Hop is one redirect followed.
type Hop struct {
	From   string `json:"from"`
	To     string `json:"to"`
	Kind   string `json:"kind"`             // HopHTTP, HopMeta or HopJS
	Status int    `json:"status,omitempty"` // the 3xx code, or the status of the page that carried the meta or script redirect
}

// Page is what one fetch as one identity saw: the final response after
// every redirect, with the original bytes and the evidence of how it got
// there.
type Page struct {
	URL           string        `json:"url"`
	As            string        `json:"as"`
	FinalURL      string        `json:"final_url"`
	Status        int           `json:"status"`
	Header        http.Header   `json:"header,omitempty"`
	Redirects     []Hop         `json:"redirects"`
	Body          []byte        `json:"-"` // the bytes served, content encoding removed, at most MaxBytes
	Text          []byte        `json:"-"` // Body as UTF-8
	SHA256        string        `json:"sha256"`
	Size          int64         `json:"size"`
	Truncated     bool          `json:"truncated"`
	Charset       string        `json:"charset"`
	CharsetSource string        `json:"charset_source"`
	FetchedAt     time.Time     `json:"fetched_at"`
	Elapsed       time.Duration `json:"elapsed_ns"`
	Attempts      int           `json:"attempts"`
	// Failures lists every failed attempt, including those a retry mended.
	Failures []*Failure `json:"failures,omitempty"`
	// Err is why the fetch did not end with a successful page; nil when it did.
	Err *Failure `json:"error,omitempty"`
}

// ContentType is the final response's media type, lower-case, without parameters.
func (p *Page) ContentType() string {
	ct := p.Header.Get("Content-Type")
	if i := strings.IndexByte(ct, ';'); i >= 0 {
		ct = ct[:i]
	}
	return strings.ToLower(strings.TrimSpace(ct))
}

// Fetch fetches rawURL as id, following HTTP, meta-refresh and simple
// script redirects, and always returns a Page: a failure is recorded in it,
// not returned, because a failed fetch is patrol evidence too.
func (f *Fetcher) Fetch(ctx context.Context, rawURL string, id Identity) *Page {
	start := time.Now()
	p := &Page{URL: rawURL, As: id.Name, FinalURL: rawURL, FetchedAt: start.UTC(), Redirects: []Hop{}}
	defer func() {
		p.Elapsed = time.Since(start)
		if p.SHA256 == "" {
			sum := sha256.Sum256(p.Body)
			p.SHA256 = hex.EncodeToString(sum[:])
		}
	}()
	ctx, cancel := context.WithTimeout(ctx, f.cfg.FetchTimeout)
	defer cancel()
	u, fail := parseTarget(rawURL)
	if fail != nil {
		p.Err = fail
		return p
	}
	seen := map[string]bool{canonicalURL(u): true}
	referer := id.referrerFor(u)
	for {
		p.FinalURL = u.String()
		resp, fail := f.do(ctx, p, u, id.UserAgent, referer)
		if resp == nil {
			p.Err = fail
			return p
		}
		p.Status, p.Header = resp.status, resp.header
		p.Body, p.Truncated, p.Size = resp.body, resp.truncated, int64(len(resp.body))
		p.Text, p.Charset, p.CharsetSource = decodeText(resp.body, resp.header.Get("Content-Type"))
		if fail != nil { // the body was cut short
			p.Err = fail
			return p
		}
		var next *url.URL
		kind := HopHTTP
		if loc := resp.header.Get("Location"); loc != "" && isRedirectStatus(resp.status) {
			n, err := u.Parse(strings.TrimSpace(loc))
			if err != nil || (n.Scheme != "http" && n.Scheme != "https") || n.Host == "" {
				p.Err = newFailure(ReasonBadRedirect, u.String(), fmt.Sprintf("HTTP %d to %q, which is not an http(s) URL", resp.status, loc), err)
				return p
			}
			n.Fragment, n.RawFragment = "", ""
			next = n
		} else if resp.status >= 200 && resp.status < 300 && looksLikeHTML(p) {
			if r, ok := ExtractRedirect(p.Text, u); ok {
				next, kind = r.Target, r.Kind
				// A navigation from a page sends that page as the referrer.
				referer = u.String()
			}
		}
		if next == nil {
			if resp.status >= 400 {
				reason := ReasonHTTPStatus
				if resp.status == http.StatusTooManyRequests {
					reason = ReasonRateLimited
				}
				p.Err = newFailure(reason, u.String(), fmt.Sprintf("HTTP %d %s", resp.status, http.StatusText(resp.status)), nil)
			}
			return p
		}
		p.Redirects = append(p.Redirects, Hop{From: u.String(), To: next.String(), Kind: kind, Status: resp.status})
		key := canonicalURL(next)
		if seen[key] {
			p.Err = newFailure(ReasonRedirectLoop, next.String(), fmt.Sprintf("%s leads back to %s after %d hops", u, next, len(p.Redirects)), nil)
			return p
		}
		if len(p.Redirects) > f.cfg.MaxRedirects {
			p.Err = newFailure(ReasonTooManyHops, next.String(), fmt.Sprintf("more than %d redirects", f.cfg.MaxRedirects), nil)
			return p
		}
		seen[key] = true
		u = next
	}
}

func isRedirectStatus(s int) bool {
	return s == 301 || s == 302 || s == 303 || s == 307 || s == 308
}

// looksLikeHTML decides whether to look for meta and script redirects.
func looksLikeHTML(p *Page) bool {
	ct := p.ContentType()
	return strings.Contains(ct, "html") || ct == "" && len(p.Text) > 0 && p.Text[0] == '<'
}

// parseTarget checks a URL given to Fetch.
func parseTarget(raw string) (*url.URL, *Failure) {
	u, err := url.Parse(strings.TrimSpace(raw))
	if err != nil {
		return nil, newFailure(ReasonBadURL, raw, err.Error(), err)
	}
	if u.Scheme != "http" && u.Scheme != "https" {
		return nil, newFailure(ReasonScheme, raw, fmt.Sprintf("scheme %q: only http and https are fetched", u.Scheme), nil)
	}
	if u.Hostname() == "" {
		return nil, newFailure(ReasonBadURL, raw, "no host", nil)
	}
	u.Fragment, u.RawFragment = "", ""
	return u, nil
}

// response is one HTTP response read whole (up to the cap).
type response struct {
	status    int
	header    http.Header
	body      []byte
	truncated bool
}

// do sends one GET with retries: a transient failure (connection reset, a
// 5xx, a 429) is tried again after a growing backoff, or after the
// server's Retry-After when that is not too long. A response is returned
// whenever one arrived, with fail set if its body was cut short.
func (f *Fetcher) do(ctx context.Context, p *Page, u *url.URL, ua, referer string) (*response, *Failure) {
	for attempt := 1; ; attempt++ {
		p.Attempts++
		resp, fail := f.once(ctx, u, ua, referer)
		var wait time.Duration
		switch {
		case fail != nil:
			fail.Attempt = attempt
			p.Failures = append(p.Failures, fail)
			if resp != nil || !fail.transient() || attempt > f.cfg.Retries {
				return resp, fail
			}
		case retryStatus(resp.status):
			reason := ReasonHTTPStatus
			if resp.status == http.StatusTooManyRequests {
				reason = ReasonRateLimited
			}
			fl := newFailure(reason, u.String(), fmt.Sprintf("HTTP %d %s", resp.status, http.StatusText(resp.status)), nil)
			fl.Attempt = attempt
			p.Failures = append(p.Failures, fl)
			if attempt > f.cfg.Retries {
				return resp, nil
			}
			if ra, ok := retryAfter(resp.header.Get("Retry-After"), time.Now()); ok {
				if ra > f.cfg.MaxRetryAfter {
					fl.Detail += fmt.Sprintf("; Retry-After %s is longer than the %s patrol waits", ra.Round(time.Second), f.cfg.MaxRetryAfter)
					return resp, nil
				}
				wait = ra
			}
		default:
			return resp, nil
		}
		wait = max(wait, f.backoff(attempt))
		t := time.NewTimer(wait)
		select {
		case <-t.C:
		case <-ctx.Done():
			t.Stop()
			if resp != nil {
				return resp, nil
			}
			return nil, classify(u.String(), ctx.Err())
		}
	}
}

func retryStatus(s int) bool {
	return s == http.StatusTooManyRequests || s == 500 || s == 502 || s == 503 || s == 504
}

// backoff is RetryBackoff doubled for each earlier attempt, with jitter so
// that workers retrying one host do not return in step.
func (f *Fetcher) backoff(attempt int) time.Duration {
	d := f.cfg.RetryBackoff << (attempt - 1)
	return d/2 + rand.N(d/2+1)
}

// retryAfter reads a Retry-After header: seconds, or an HTTP date.
func retryAfter(v string, now time.Time) (time.Duration, bool) {
	v = strings.TrimSpace(v)
	if v == "" {
		return 0, false
	}
	if n, err := strconv.Atoi(v); err == nil && n >= 0 {
		return time.Duration(n) * time.Second, true
	}
	if t, err := http.ParseTime(v); err == nil {
		return max(t.Sub(now), 0), true
	}
	return 0, false
}

// once sends one GET and reads the response, holding the host's limiter
// slot until the body is read.
func (f *Fetcher) once(ctx context.Context, u *url.URL, ua, referer string) (*response, *Failure) {
	if f.cfg.Limiter != nil {
		release, err := f.cfg.Limiter.Acquire(ctx, HostKey(u))
		if err != nil {
			return nil, classify(u.String(), err)
		}
		defer release()
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u.String(), nil)
	if err != nil {
		return nil, newFailure(ReasonBadURL, u.String(), err.Error(), err)
	}
	req.Header.Set("User-Agent", ua)
	req.Header.Set("Accept", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8")
	req.Header.Set("Accept-Language", "zh-CN,zh;q=0.9,en;q=0.6")
	req.Header.Set("Accept-Encoding", "gzip, deflate, br")
	if referer != "" {
		req.Header.Set("Referer", referer)
	}
	resp, err := f.client.Do(req)
	if err != nil {
		return nil, classify(u.String(), err)
	}
	defer resp.Body.Close()
	r := &response{status: resp.StatusCode, header: resp.Header}
	var rerr error
	r.body, r.truncated, rerr = readBody(resp, f.cfg.MaxBytes)
	if rerr != nil {
		fail := classify(u.String(), rerr)
		if fail.transient() {
			return nil, fail // a reset mid-body: worth another try
		}
		r.truncated = true
		return r, fail
	}
	return r, nil
}

// dialContext resolves the host itself and connects only to addresses the
// guard allows. Checking the address actually dialled, not the name, is
// what defeats DNS rebinding: the name is resolved once, here.
func (f *Fetcher) dialContext(ctx context.Context, network, addr string) (net.Conn, error) {
	host, portStr, err := net.SplitHostPort(addr)
	if err != nil {
		return nil, err
	}
	port, err := strconv.ParseUint(portStr, 10, 16)
	if err != nil {
		return nil, fmt.Errorf("bad port %q", portStr)
	}
	var addrs []netip.Addr
	if a, err := netip.ParseAddr(host); err == nil {
		addrs = []netip.Addr{a}
	} else {
		addrs, err = f.cfg.Resolver.LookupNetIP(ctx, "ip", host)
		if err != nil {
			return nil, err
		}
		if len(addrs) == 0 {
			return nil, &net.DNSError{Err: "no addresses", Name: host, IsNotFound: true}
		}
	}
	var why []string
	var lastErr error
	for _, a := range addrs {
		if err := f.cfg.Guard.Check(a); err != nil {
			why = append(why, err.Error())
			continue
		}
		conn, err := f.dialer.DialContext(ctx, network, netip.AddrPortFrom(a, uint16(port)).String())
		if err == nil {
			return conn, nil
		}
		lastErr = err
	}
	if lastErr != nil {
		return nil, lastErr
	}
	detail := strings.Join(why, "; ")
	if host != addrs[0].String() {
		detail = fmt.Sprintf("%s resolves to %s, and %s", host, joinAddrs(addrs), detail)
	}
	return nil, newFailure(ReasonBlocked, "", detail+"; patrol does not fetch from such addresses unless an operator allows them", nil)
}

func joinAddrs(addrs []netip.Addr) string {
	s := make([]string, len(addrs))
	for i, a := range addrs {
		s[i] = a.String()
	}
	return strings.Join(s, ", ")
}

// control checks the address once more as the socket connects, so no path
// through the dialer escapes the guard.
func (f *Fetcher) control(network, address string, _ syscall.RawConn) error {
	ap, err := netip.ParseAddrPort(address)
	if err != nil {
		return newFailure(ReasonBlocked, "", fmt.Sprintf("cannot check address %q", address), err)
	}
	if err := f.cfg.Guard.Check(ap.Addr()); err != nil {
		return newFailure(ReasonBlocked, "", err.Error(), nil)
	}
	return nil
}
