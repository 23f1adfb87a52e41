package patrol

import (
	"context"
	"fmt"
	"net"
	"net/netip"
	"strings"
)

// Resolver turns a host name into addresses. *net.Resolver satisfies it;
// tests and the demo pass a StaticResolver so names resolve without DNS.
type Resolver interface {
	LookupNetIP(ctx context.Context, network, host string) ([]netip.Addr, error)
}

// StaticResolver resolves names from a fixed table (lower-case names) and
// knows no others, so a test can make any name point anywhere.
type StaticResolver map[string][]netip.Addr

// LookupNetIP returns the table's addresses for host.
func (r StaticResolver) LookupNetIP(_ context.Context, network, host string) ([]netip.Addr, error) {
	addrs, ok := r[strings.ToLower(strings.TrimSuffix(host, "."))]
	if !ok {
		return nil, &net.DNSError{Err: "no such host", Name: host, IsNotFound: true}
	}
	var out []netip.Addr
	for _, a := range addrs {
		if network == "ip4" && !a.Is4() || network == "ip6" && !a.Is6() {
			continue
		}
		out = append(out, a)
	}
	return out, nil
}

// Guard decides which addresses the fetcher may connect to. The zero Guard
// refuses every address that is not public unicast: private, loopback,
// link-local, CGNAT, multicast, documentation, IPv4-mapped and the other
// special-purpose ranges of the IANA registries.
type Guard struct {
	// AllowPrivate lets the fetcher reach private and loopback addresses,
	// for an operator who patrols an internal network on purpose. Even then
	// unspecified, multicast and broadcast addresses stay refused: no page
	// is served from them, and 0.0.0.0 reaches the local host on Linux.
	AllowPrivate bool
	// Allow lists ranges reachable even though they are special, such as
	// 127.0.0.0/8 for tests and the demo site served by pinggu itself.
	Allow []netip.Prefix
}

// specialRanges are the ranges refused unless allowed, with the name an
// officer reads in the refusal.
var specialRanges = func() []struct {
	p    netip.Prefix
	name string
} {
	list := []struct{ cidr, name string }{
		{"0.0.0.0/8", "this network"},
		{"10.0.0.0/8", "private"},
		{"100.64.0.0/10", "carrier-grade NAT"},
		{"127.0.0.0/8", "loopback"},
		{"169.254.0.0/16", "link-local"},
		{"172.16.0.0/12", "private"},
		{"192.0.0.0/24", "IETF protocol assignments"},
		{"192.0.2.0/24", "documentation"},
		{"192.31.196.0/24", "AS112"},
		{"192.52.193.0/24", "AMT"},
		{"192.88.99.0/24", "6to4 relay anycast"},
		{"192.168.0.0/16", "private"},
		{"192.175.48.0/24", "AS112"},
		{"198.18.0.0/15", "benchmarking"},
		{"198.51.100.0/24", "documentation"},
		{"203.0.113.0/24", "documentation"},
		{"224.0.0.0/4", "multicast"},
		{"240.0.0.0/4", "reserved"},
		{"::/128", "unspecified"},
		{"::1/128", "loopback"},
		{"::/96", "IPv4-compatible"},
		{"::ffff:0:0/96", "IPv4-mapped"},
		{"64:ff9b::/96", "NAT64"},
		{"64:ff9b:1::/48", "NAT64 local-use"},
		{"100::/64", "discard-only"},
		{"2001::/23", "IETF protocol assignments (Teredo, ORCHID)"},
		{"2001:db8::/32", "documentation"},
		{"2002::/16", "6to4"},
		{"3fff::/20", "documentation"},
		{"5f00::/16", "segment routing"},
		{"fc00::/7", "unique local (private)"},
		{"fe80::/10", "link-local"},
		{"fec0::/10", "site-local"},
		{"ff00::/8", "multicast"},
	}
	out := make([]struct {
		p    netip.Prefix
		name string
	}, len(list))
	for i, r := range list {
		out[i].p, out[i].name = netip.MustParsePrefix(r.cidr), r.name
	}
	return out
}()

// Check says whether the fetcher may connect to addr, and if not, why.
func (g *Guard) Check(addr netip.Addr) error {
	addr = addr.WithZone("")
	for _, p := range g.Allow {
		if p.Contains(addr) {
			return nil
		}
	}
	if addr.IsUnspecified() || addr.IsMulticast() || addr == netip.AddrFrom4([4]byte{255, 255, 255, 255}) {
		return fmt.Errorf("%s is not a host address", addr)
	}
	if g.AllowPrivate && !addr.Is4In6() {
		return nil
	}
	for _, r := range specialRanges {
		if r.p.Contains(addr) {
			return fmt.Errorf("%s is a %s address", addr, r.name)
		}
	}
	if !addr.IsGlobalUnicast() {
		return fmt.Errorf("%s is not a public unicast address", addr)
	}
	return nil
}

// ParseAllow reads a comma-separated list of CIDR ranges or single
// addresses, as the --allow flag takes them.
func ParseAllow(s string) ([]netip.Prefix, error) {
	var out []netip.Prefix
	for _, f := range strings.Split(s, ",") {
		f = strings.TrimSpace(f)
		if f == "" {
			continue
		}
		if !strings.Contains(f, "/") {
			a, err := netip.ParseAddr(f)
			if err != nil {
				return nil, fmt.Errorf("allow: %q is neither an address nor a CIDR range", f)
			}
			out = append(out, netip.PrefixFrom(a, a.BitLen()))
			continue
		}
		p, err := netip.ParsePrefix(f)
		if err != nil {
			return nil, fmt.Errorf("allow: %q is not a CIDR range: %v", f, err)
		}
		out = append(out, p.Masked())
	}
	return out, nil
}
