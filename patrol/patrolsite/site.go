// Package patrolsite serves a generated web site on loopback for patrol's
// tests, the demo and the bench: ordinary pages, hacked pages, cloaking
// pages, GBK and Big5 pages, redirect chains and loops, oversized pages,
// slow, broken and dead hosts. Every page is generated on request from its
// number, so a site of a million pages costs no memory, and the site knows
// the ground truth of each page so a bench can count recall and false
// positives.
package patrolsite

import (
	"fmt"
	"net"
	"net/http"
	"net/netip"
	"strconv"
	"strings"
	"sync"
	"time"
)

// Kinds of page.
const (
	Ordinary      = "ordinary"       // a clean page of a company or bureau
	Hacked        = "hacked"         // spam visible to everyone, in one of several disguises
	CloakUA       = "cloak-ua"       // spam only for search spiders
	CloakReferrer = "cloak-referrer" // visitors from a search engine are sent to a gambling page
	RedirectChain = "redirect-chain" // 301, 302, meta refresh and script redirect to a clean page
	RedirectLoop  = "redirect-loop"  // a chain of HTTP, meta and script redirects back to the start
	Oversized     = "oversized"      // a clean page of several MiB
	Slow          = "slow"           // a host that answers too late
	Broken        = "broken"         // a host that fails: 503 for ever, or the connection reset
	Flaky         = "flaky"          // 503 on the first request, then a clean page
	Dead          = "dead"           // nothing listens
)

// Truth is what a page really is, for scoring a patrol of the site.
type Truth struct {
	Kind string
	// Harmful: some identity sees harmful content (hacked or cloaking).
	Harmful bool
	// Cloaking: what is seen depends on who asks.
	Cloaking bool
	// Charset is the encoding the page is served in: utf-8, gbk or big5.
	Charset string
	// Fails: a fetch cannot end with the page (slow, broken, dead, loop).
	Fails bool
}

// Options shape the site. Zero fields take the defaults noted.
type Options struct {
	Pages int    // number of pages; default 100,000
	Hosts int    // ordinary host names; default 16
	Seed  uint64 // varies which page is which kind
	// SlowDelay is how long the slow host waits before it answers; default 3 s.
	SlowDelay time.Duration
	// OversizedBytes is the size of an oversized page; default 6 MiB.
	OversizedBytes int
	// Port, when set, is the main server's port on 127.0.0.1; the slow,
	// broken and dead hosts take the three after it. The demo uses fixed
	// ports so the addresses it stored stay right across restarts;
	// otherwise free ports are picked.
	Port int
	// Record keeps every request's host, path, identity and time, for a
	// bench to check politeness and that no page was fetched twice
	// (Requests).
	Record bool
}

// Site is a running generated site.
type Site struct {
	opt      Options
	hosts    []string
	mainPort int
	slowPort int
	brokPort int
	deadPort int
	servers  []*http.Server
	wg       sync.WaitGroup

	flakyMu   sync.Mutex
	flakySeen map[string]bool // path + identity already answered 503

	cleaned   sync.Map // page number → true: harmful content removed
	takenDown sync.Map // listing number → true: app taken off sale
	log       *requestLog
}

// Domain is the suffix of the site's host names (.test is reserved for testing).
const Domain = "patrol.test"

// Start serves the site on 127.0.0.1.
func Start(opt Options) (*Site, error) {
	if opt.Pages <= 0 {
		opt.Pages = 100_000
	}
	if opt.Hosts <= 0 {
		opt.Hosts = 16
	}
	if opt.SlowDelay <= 0 {
		opt.SlowDelay = 3 * time.Second
	}
	if opt.OversizedBytes <= 0 {
		opt.OversizedBytes = 6 << 20
	}
	s := &Site{opt: opt, flakySeen: map[string]bool{}}
	if opt.Record {
		s.log = &requestLog{}
	}
	for h := 0; h < opt.Hosts; h++ {
		s.hosts = append(s.hosts, fmt.Sprintf("h%02d.%s", h, Domain))
	}
	var err error
	port := func(n int) int {
		if opt.Port == 0 {
			return 0
		}
		return opt.Port + n
	}
	if s.mainPort, err = s.serve(s.recorded(s.handleMain), port(0)); err != nil {
		return nil, err
	}
	if s.slowPort, err = s.serve(s.recorded(s.handleSlow), port(1)); err != nil {
		s.Close()
		return nil, err
	}
	if s.brokPort, err = s.serve(s.recorded(s.handleBroken), port(2)); err != nil {
		s.Close()
		return nil, err
	}
	if opt.Port != 0 {
		s.deadPort = port(3)
		return s, nil
	}
	// A port that was free a moment ago and has nothing listening: refused.
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		s.Close()
		return nil, err
	}
	s.deadPort = l.Addr().(*net.TCPAddr).Port
	l.Close()
	return s, nil
}

func (s *Site) serve(h http.Handler, port int) (int, error) {
	l, err := net.Listen("tcp", fmt.Sprintf("127.0.0.1:%d", port))
	if err != nil {
		return 0, err
	}
	srv := &http.Server{Handler: h, ReadHeaderTimeout: 10 * time.Second, IdleTimeout: 60 * time.Second}
	s.servers = append(s.servers, srv)
	s.wg.Add(1)
	go func() { defer s.wg.Done(); srv.Serve(l) }()
	return l.Addr().(*net.TCPAddr).Port, nil
}

// Close stops serving.
func (s *Site) Close() {
	for _, srv := range s.servers {
		srv.Close()
	}
	s.wg.Wait()
}

// Pages is the number of pages.
func (s *Site) Pages() int { return s.opt.Pages }

// Addrs maps every host name of the site to 127.0.0.1, for a resolver
// (patrol.StaticResolver(site.Addrs())).
func (s *Site) Addrs() map[string][]netip.Addr {
	lo := []netip.Addr{netip.MustParseAddr("127.0.0.1")}
	m := map[string][]netip.Addr{}
	for _, h := range s.hosts {
		m[h] = lo
	}
	for _, h := range []string{"slow", "broken", "dead", "land", "www", "store"} {
		m[h+"."+Domain] = lo
	}
	return m
}

// Hosts lists the site's host names.
func (s *Site) Hosts() []string {
	out := append([]string{}, s.hosts...)
	for _, h := range []string{"slow", "broken", "dead", "land", "www", "store"} {
		out = append(out, h+"."+Domain)
	}
	return out
}

// Base is the site's front page, which links to a sample of pages.
func (s *Site) Base() string { return fmt.Sprintf("http://www.%s:%d/", Domain, s.mainPort) }

// URL is the address of page i (0 ≤ i < Pages).
func (s *Site) URL(i int) string {
	switch s.kind(i) {
	case Slow:
		return fmt.Sprintf("http://slow.%s:%d/n/%d.html", Domain, s.slowPort, i)
	case Broken:
		return fmt.Sprintf("http://broken.%s:%d/n/%d.html", Domain, s.brokPort, i)
	case Dead:
		return fmt.Sprintf("http://dead.%s:%d/n/%d.html", Domain, s.deadPort, i)
	}
	return fmt.Sprintf("http://%s:%d/n/%d.html", s.hosts[i%len(s.hosts)], s.mainPort, i)
}

// Find returns the first page of a kind and charset at or after from, for
// tests that need one; charset "" matches any.
func (s *Site) Find(kind, charset string, from int) (int, bool) {
	for i := from; i < s.opt.Pages; i++ {
		t := s.Truth(i)
		if t.Kind == kind && (charset == "" || t.Charset == charset) {
			return i, true
		}
	}
	return 0, false
}

// Truth says what page i is.
func (s *Site) Truth(i int) Truth {
	k := s.kind(i)
	t := Truth{Kind: k, Charset: s.charset(i)}
	if _, ok := s.cleaned.Load(i); ok && (k == Hacked || k == CloakUA || k == CloakReferrer) {
		t.Kind = Ordinary
		return t
	}
	switch k {
	case Hacked:
		t.Harmful = true
	case CloakUA, CloakReferrer:
		t.Harmful, t.Cloaking = true, true
	case Slow, Broken, Dead, RedirectLoop:
		t.Fails = true
	}
	return t
}

// mix is splitmix64, a fast reproducible hash of a page number.
func mix(x uint64) uint64 {
	x += 0x9e3779b97f4a7c15
	x = (x ^ x>>30) * 0xbf58476d1ce4e5b9
	x = (x ^ x>>27) * 0x94d049bb133111eb
	return x ^ x>>31
}

// kindTable is the mix of kinds per thousand pages.
var kindTable = []struct {
	kind string
	per  int
}{
	{Hacked, 25}, {CloakUA, 10}, {CloakReferrer, 10}, {RedirectChain, 10}, {RedirectLoop, 2},
	{Oversized, 2}, {Slow, 2}, {Broken, 3}, {Flaky, 4}, {Dead, 1},
}

func (s *Site) kind(i int) string {
	b := int(mix(uint64(i)^s.opt.Seed) % 1000)
	for _, k := range kindTable {
		if b < k.per {
			return k.kind
		}
		b -= k.per
	}
	return Ordinary
}

// charset: one page in twelve is GBK, one in twenty-five Big5, among the
// kinds whose content is a page of its own.
func (s *Site) charset(i int) string {
	switch s.kind(i) {
	case Ordinary, Hacked, CloakUA:
	default:
		return "utf-8"
	}
	b := mix(uint64(i)^s.opt.Seed^0x5bd1e995) % 100
	switch {
	case b < 8:
		return "gbk"
	case b < 12:
		return "big5"
	}
	return "utf-8"
}

// pageNumber reads i from /n/{i}.html, /f/{i}.html, /land/{i}, /r/{i}/{step}.
func pageNumber(path string) (i int, rest string, ok bool) {
	path = strings.TrimPrefix(path, "/")
	_, after, found := strings.Cut(path, "/")
	if !found {
		return 0, "", false
	}
	num, rest, _ := strings.Cut(after, "/")
	num = strings.TrimSuffix(num, ".html")
	n, err := strconv.Atoi(num)
	return n, rest, err == nil && n >= 0
}

func isSpider(r *http.Request) bool {
	ua := strings.ToLower(r.UserAgent())
	return strings.Contains(ua, "spider") || strings.Contains(ua, "bot")
}

func fromSearch(r *http.Request) bool {
	ref := strings.ToLower(r.Referer())
	for _, s := range []string{"baidu.com", "sogou.com", "so.com", "sm.cn", "google."} {
		if strings.Contains(ref, s) {
			return true
		}
	}
	return false
}
