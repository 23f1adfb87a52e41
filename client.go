package pinggu

import "context"

type clientAddrKey struct{}

// WithClientAddr returns ctx carrying the address of the client a request
// came from (the web layer sets it: the peer, or the address a trusted proxy
// reports). Audit entries of the changes made in ctx record it.
func WithClientAddr(ctx context.Context, addr string) context.Context {
	return context.WithValue(ctx, clientAddrKey{}, addr)
}

// ClientAddrFrom returns the client address in ctx, or "".
func ClientAddrFrom(ctx context.Context) string {
	s, _ := ctx.Value(clientAddrKey{}).(string)
	return s
}
