package patrol

import (
	"context"
	"net/http"
	"net/netip"
	"strings"
	"sync/atomic"
	"testing"
)

func TestGuardRefusesSpecialAddresses(t *testing.T) {
	refused := []string{"127.0.0.1", "127.8.9.10", "10.1.2.3", "172.16.0.1", "172.31.255.255", "192.168.1.1", "100.64.0.1",
		"169.254.169.254", "0.0.0.0", "0.1.2.3", "224.0.0.1", "255.255.255.255", "240.0.0.1", "192.0.2.1", "198.18.0.1",
		"::1", "::", "::ffff:127.0.0.1", "::ffff:10.0.0.1", "::ffff:8.8.8.8", "fe80::1", "fc00::1", "fd12:3456::1", "ff02::1",
		"64:ff9b::7f00:1", "2002:7f00:1::", "2001:db8::1", "::127.0.0.1"}
	var g Guard
	for _, a := range refused {
		if err := g.Check(netip.MustParseAddr(a)); err == nil {
			t.Errorf("%s was allowed by the default guard", a)
		}
	}
	for _, a := range []string{"8.8.8.8", "114.114.114.114", "203.119.1.1", "2400:3200::1", "2001:4860:4860::8888"} {
		if err := g.Check(netip.MustParseAddr(a)); err != nil {
			t.Errorf("public %s refused: %v", a, err)
		}
	}
	// AllowPrivate opens private and loopback ranges, but not the
	// addresses no page is served from, nor mapped forms.
	p := Guard{AllowPrivate: true}
	for _, a := range []string{"127.0.0.1", "10.1.2.3", "192.168.0.9", "fd00::1", "169.254.1.1"} {
		if err := p.Check(netip.MustParseAddr(a)); err != nil {
			t.Errorf("AllowPrivate refused %s: %v", a, err)
		}
	}
	for _, a := range []string{"0.0.0.0", "::", "224.0.0.1", "ff02::1", "255.255.255.255", "::ffff:10.0.0.1"} {
		if err := p.Check(netip.MustParseAddr(a)); err == nil {
			t.Errorf("AllowPrivate allowed %s", a)
		}
	}
	// An allow-list opens exactly its ranges.
	l := Guard{Allow: []netip.Prefix{netip.MustParsePrefix("127.0.0.2/32")}}
	if err := l.Check(netip.MustParseAddr("127.0.0.2")); err != nil {
		t.Errorf("allow-listed address refused: %v", err)
	}
	if err := l.Check(netip.MustParseAddr("127.0.0.1")); err == nil {
		t.Error("address outside the allow-list allowed")
	}
}

func TestParseAllow(t *testing.T) {
	got, err := ParseAllow("127.0.0.0/8, 10.1.2.3,::1")
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 3 || got[1].String() != "10.1.2.3/32" || got[2].String() != "::1/128" {
		t.Fatalf("got %v", got)
	}
	if _, err := ParseAllow("127.0.0.0/8,intranet"); err == nil || !strings.Contains(err.Error(), `"intranet"`) {
		t.Fatalf("bad entry: err = %v, want it named", err)
	}
}

func TestFetchRefusesLoopbackUnlessAllowed(t *testing.T) {
	srv, hits := counted(t, func(w http.ResponseWriter, r *http.Request) { w.Write([]byte("<p>internal admin</p>")) })
	p := testFetcher(t, func(c *Config) { c.Guard = Guard{} }).Fetch(context.Background(), srv.URL, Browser)
	if p.Err == nil || p.Err.Reason != ReasonBlocked {
		t.Fatalf("fetch of %s: err = %v, want %s", srv.URL, p.Err, ReasonBlocked)
	}
	if !strings.Contains(p.Err.Detail, "loopback") || p.Err.Label.Zh == "" {
		t.Errorf("refusal does not say why in words: %+v", p.Err)
	}
	if hits.Load() != 0 {
		t.Fatalf("the refused server was reached %d times", hits.Load())
	}
	// The same server with the operator's explicit allowance.
	p = testFetcher(t, nil).Fetch(context.Background(), srv.URL, Browser)
	if p.Err != nil || p.Status != 200 || hits.Load() != 1 {
		t.Fatalf("allowed fetch: err %v status %d hits %d", p.Err, p.Status, hits.Load())
	}
	p = testFetcher(t, func(c *Config) { c.Guard = Guard{AllowPrivate: true} }).Fetch(context.Background(), srv.URL, Browser)
	if p.Err != nil || hits.Load() != 2 {
		t.Fatalf("AllowPrivate fetch: err %v hits %d", p.Err, hits.Load())
	}
}

func TestFetchRefusesNameResolvingToLoopback(t *testing.T) {
	srv, hits := counted(t, func(w http.ResponseWriter, r *http.Request) { w.Write([]byte("secret")) })
	res := StaticResolver{"intranet.example.cn": {netip.MustParseAddr("127.0.0.1")}}
	u := "http://intranet.example.cn:" + portOf(t, srv) + "/"
	p := testFetcher(t, func(c *Config) { c.Guard, c.Resolver = Guard{}, res }).Fetch(context.Background(), u, Browser)
	if p.Err == nil || p.Err.Reason != ReasonBlocked || !strings.Contains(p.Err.Detail, "intranet.example.cn resolves to 127.0.0.1, and 127.0.0.1 is a loopback address") {
		t.Fatalf("err = %+v, want the name's loopback address refused", p.Err)
	}
	if hits.Load() != 0 {
		t.Fatal("server reached through a name that resolves to loopback")
	}
	// Explicitly allowed, the same name is fetched.
	p = testFetcher(t, func(c *Config) { c.Resolver = res }).Fetch(context.Background(), u, Browser)
	if p.Err != nil || string(p.Body) != "secret" {
		t.Fatalf("allowed: err %v body %q", p.Err, p.Body)
	}
}

func TestFetchRefusesRedirectToLoopback(t *testing.T) {
	inner, hits := counted(t, func(w http.ResponseWriter, r *http.Request) { w.Write([]byte("metadata")) })
	// The outer server stands for a public site: the only address allowed.
	outer, _ := serveOn(t, "127.0.0.2:0", http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/http":
			http.Redirect(w, r, inner.URL+"/latest/meta-data/", http.StatusFound)
		case "/meta":
			w.Write([]byte(`<html><head><meta http-equiv="refresh" content="0;url=` + inner.URL + `/"></head></html>`))
		case "/js":
			w.Write([]byte(`<html><body><script>location.href = "` + inner.URL + `/";</script></body></html>`))
		}
	}))
	f := testFetcher(t, func(c *Config) { c.Guard = Guard{Allow: []netip.Prefix{netip.MustParsePrefix("127.0.0.2/32")}} })
	for _, path := range []string{"/http", "/meta", "/js"} {
		p := f.Fetch(context.Background(), outer.URL+path, Browser)
		if p.Err == nil || p.Err.Reason != ReasonBlocked {
			t.Errorf("%s: err = %v, want %s", path, p.Err, ReasonBlocked)
			continue
		}
		if len(p.Redirects) != 1 || !strings.HasPrefix(p.Redirects[0].To, inner.URL) {
			t.Errorf("%s: redirect not recorded: %+v", path, p.Redirects)
		}
	}
	if hits.Load() != 0 {
		t.Fatalf("loopback server reached %d times through redirects", hits.Load())
	}
}

// rebinder answers a public-looking address first and loopback after, as a
// DNS rebinding attacker's name server does.
type rebinder struct{ calls atomic.Int64 }

func (r *rebinder) LookupNetIP(ctx context.Context, network, host string) ([]netip.Addr, error) {
	if r.calls.Add(1) == 1 {
		return []netip.Addr{netip.MustParseAddr("127.0.0.2")}, nil
	}
	return []netip.Addr{netip.MustParseAddr("127.0.0.1")}, nil
}

func TestFetchDefeatsDNSRebinding(t *testing.T) {
	var port int
	var hits atomic.Int64
	// Two servers on the same port: the "public" one and the loopback one
	// that rebinding aims at. Try a few ports in case one is taken.
	for try := 0; try < 20 && port == 0; try++ {
		_, p := serveOn(t, "127.0.0.2:0", http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Connection", "close") // the next hop must dial again
			http.Redirect(w, r, "/next", http.StatusFound)
		}))
		l, err := netListen("127.0.0.1:" + itoa(p))
		if err != nil {
			continue
		}
		startOn(t, l, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { hits.Add(1) }))
		port = p
	}
	if port == 0 {
		t.Fatal("no port free on both 127.0.0.1 and 127.0.0.2")
	}
	res := &rebinder{}
	f := testFetcher(t, func(c *Config) {
		c.Guard, c.Resolver = Guard{Allow: []netip.Prefix{netip.MustParsePrefix("127.0.0.2/32")}}, res
	})
	p := f.Fetch(context.Background(), "http://rebind.example.com:"+itoa(port)+"/", Browser)
	if p.Err == nil || p.Err.Reason != ReasonBlocked {
		t.Fatalf("err = %v, want the rebound address refused", p.Err)
	}
	if res.calls.Load() < 2 || hits.Load() != 0 {
		t.Fatalf("lookups %d, loopback hits %d", res.calls.Load(), hits.Load())
	}
}

func TestFetchRefusesOtherSchemes(t *testing.T) {
	f := testFetcher(t, nil)
	for _, u := range []string{"file:///etc/passwd", "ftp://example.com/", "gopher://127.0.0.1:6379/_INFO", "javascript:alert(1)"} {
		if p := f.Fetch(context.Background(), u, Browser); p.Err == nil || p.Err.Reason != ReasonScheme {
			t.Errorf("%s: err = %v, want %s", u, p.Err, ReasonScheme)
		}
	}
	srv, _ := counted(t, func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "file:///etc/passwd", http.StatusFound)
	})
	if p := f.Fetch(context.Background(), srv.URL, Browser); p.Err == nil || p.Err.Reason != ReasonBadRedirect {
		t.Errorf("redirect to file: err = %v, want %s", p.Err, ReasonBadRedirect)
	}
}
