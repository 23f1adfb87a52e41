package main

import (
	"context"
	"flag"
	"fmt"
	"net"
	"net/netip"
	"sort"
	"strings"

	"github.com/pinggu/pinggu/patrol/patrolsite"
)

// netResolver is the system resolver behind the patrol.Resolver interface.
type netResolver struct{}

func (netResolver) LookupNetIP(ctx context.Context, network, host string) ([]netip.Addr, error) {
	return net.DefaultResolver.LookupNetIP(ctx, network, host)
}

// cmdPatrolSite serves the generated test site until interrupted, and
// prints how to patrol it.
func cmdPatrolSite(ctx context.Context, env *cliEnv, args []string) int {
	fs := flag.NewFlagSet("patrol site", flag.ContinueOnError)
	fs.SetOutput(env.stderr)
	pages := fs.Int("pages", 100_000, "number of generated pages")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if *pages <= 0 {
		fmt.Fprintln(env.stderr, "pinggu patrol site: --pages must be positive")
		return 2
	}
	site, err := patrolsite.Start(patrolsite.Options{Pages: *pages})
	if err != nil {
		fmt.Fprintf(env.stderr, "pinggu patrol site: %v\n", err)
		return 1
	}
	defer site.Close()
	hosts := site.Hosts()
	sort.Strings(hosts)
	var resolve []string
	for _, h := range hosts {
		resolve = append(resolve, "--resolve "+h+"=127.0.0.1")
	}
	fmt.Fprintf(env.stdout, "生成站点已在本机回环地址上运行（%d 页）；按 Ctrl-C 停止。\nThe generated site is serving %d pages on loopback; Ctrl-C stops it.\n\n", *pages, *pages)
	fmt.Fprintf(env.stdout, "pinggu patrol fetch --allow 127.0.0.0/8 %s \\\n  %s\n\nSample pages:\n", strings.Join(resolve, " "), site.Base())
	for _, kind := range []string{patrolsite.Ordinary, patrolsite.Hacked, patrolsite.CloakUA, patrolsite.CloakReferrer, patrolsite.RedirectChain, patrolsite.RedirectLoop} {
		if i, ok := site.Find(kind, "", 0); ok {
			fmt.Fprintf(env.stdout, "  %-15s %s\n", kind, site.URL(i))
		}
	}
	for _, cs := range []string{"gbk", "big5"} {
		if i, ok := site.Find(patrolsite.Ordinary, cs, 0); ok {
			fmt.Fprintf(env.stdout, "  %-15s %s\n", cs, site.URL(i))
		}
	}
	<-ctx.Done()
	return 0
}
