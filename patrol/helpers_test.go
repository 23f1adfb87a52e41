package patrol

import (
	"net"
	"net/http"
	"net/http/httptest"
	"net/netip"
	"strconv"
	"sync/atomic"
	"testing"
	"time"
)

// loopback allows the test servers, which all listen on 127.0.0.0/8.
var loopback = []netip.Prefix{netip.MustParsePrefix("127.0.0.0/8")}

// testFetcher reaches loopback servers, with short timeouts and backoff.
func testFetcher(t *testing.T, mod func(*Config)) *Fetcher {
	t.Helper()
	cfg := Config{Guard: Guard{Allow: loopback}, RetryBackoff: 5 * time.Millisecond, HeaderTimeout: 5 * time.Second, FetchTimeout: 10 * time.Second}
	if mod != nil {
		mod(&cfg)
	}
	f := NewFetcher(cfg)
	t.Cleanup(f.Close)
	return f
}

// counted serves h on 127.0.0.1 and counts the requests that reach it.
func counted(t *testing.T, h http.HandlerFunc) (*httptest.Server, *atomic.Int64) {
	t.Helper()
	var n atomic.Int64
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		n.Add(1)
		h(w, r)
	}))
	t.Cleanup(srv.Close)
	return srv, &n
}

// serveOn serves h on a given loopback address ("127.0.0.2:0").
func serveOn(t *testing.T, addr string, h http.Handler) (*httptest.Server, int) {
	t.Helper()
	l, err := net.Listen("tcp", addr)
	if err != nil {
		t.Fatalf("listen on %s (Linux routes all of 127.0.0.0/8 to loopback): %v", addr, err)
	}
	srv := httptest.NewUnstartedServer(h)
	srv.Listener.Close()
	srv.Listener = l
	srv.Start()
	t.Cleanup(srv.Close)
	return srv, l.Addr().(*net.TCPAddr).Port
}

func portOf(t *testing.T, srv *httptest.Server) string {
	t.Helper()
	_, p, err := net.SplitHostPort(srv.Listener.Addr().String())
	if err != nil {
		t.Fatal(err)
	}
	return p
}

func itoa(i int) string { return strconv.Itoa(i) }

func netListen(addr string) (net.Listener, error) { return net.Listen("tcp", addr) }

func startOn(t *testing.T, l net.Listener, h http.Handler) *httptest.Server {
	t.Helper()
	srv := httptest.NewUnstartedServer(h)
	srv.Listener.Close()
	srv.Listener = l
	srv.Start()
	t.Cleanup(srv.Close)
	return srv
}
