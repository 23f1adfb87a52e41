package web

import (
	"fmt"
	"net"
	"net/http"
	"net/netip"
	"strings"

	"github.com/pinggu/pinggu"
)

// ParseTrustedProxies reads a comma-separated list of addresses and CIDR
// ranges ("127.0.0.1, 10.0.0.0/8") of the reverse proxies whose
// X-Forwarded-For the server believes.
func ParseTrustedProxies(s string) ([]netip.Prefix, error) {
	var out []netip.Prefix
	for _, f := range strings.Split(s, ",") {
		f = strings.TrimSpace(f)
		if f == "" {
			continue
		}
		if p, err := netip.ParsePrefix(f); err == nil {
			out = append(out, p.Masked())
			continue
		}
		a, err := netip.ParseAddr(f)
		if err != nil {
			return nil, fmt.Errorf("trusted proxy %q is neither an address nor a CIDR range", f)
		}
		out = append(out, netip.PrefixFrom(a.Unmap(), a.Unmap().BitLen()))
	}
	return out, nil
}

// clientAddress puts the client's address into the request's context
// (pinggu.WithClientAddr), where audit entries, login limits and sessions
// find it: the peer's address, or — when the peer is a trusted proxy — the
// nearest address in X-Forwarded-For that is not a trusted proxy. Without
// trusted proxies the header is ignored, since any client can write it.
func (s *Server) clientAddress(h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		addr := clientAddr(r, s.opts.TrustedProxies)
		r = r.WithContext(pinggu.WithClientAddr(r.Context(), addr))
		h.ServeHTTP(w, r)
	})
}

// clientAddr is the address a request came from, as clientAddress says.
func clientAddr(r *http.Request, trusted []netip.Prefix) string {
	host := r.RemoteAddr
	if h, _, err := net.SplitHostPort(r.RemoteAddr); err == nil {
		host = h
	}
	peer, err := netip.ParseAddr(host)
	if err != nil {
		return host
	}
	peer = peer.Unmap()
	if !isTrusted(peer, trusted) {
		return peer.String()
	}
	// The proxies append: the rightmost entries are the nearest hops. Walk
	// back past our own proxies to the first address they did not write.
	var hops []string
	for _, v := range r.Header.Values("X-Forwarded-For") {
		hops = append(hops, strings.Split(v, ",")...)
	}
	client := peer
	for i := len(hops) - 1; i >= 0; i-- {
		a, err := netip.ParseAddr(strings.TrimSpace(hops[i]))
		if err != nil {
			break // a forged or broken entry: trust nothing before it
		}
		client = a.Unmap()
		if !isTrusted(client, trusted) {
			break
		}
	}
	return client.String()
}

func isTrusted(a netip.Addr, trusted []netip.Prefix) bool {
	for _, p := range trusted {
		if p.Contains(a) {
			return true
		}
	}
	return false
}
