package main

import (
	"flag"
	"fmt"
	"net/netip"
	"os"
	"strconv"
	"time"

	"github.com/pinggu/pinggu/jobs"
	"github.com/pinggu/pinggu/patrol"
	"github.com/pinggu/pinggu/store"
)

// patrolFlags configure the patrol a serve, worker or patrol run process
// takes part in.
type patrolFlags struct {
	off         bool
	workers     int
	allow       string
	rate        float64
	burst       int
	concurrency int
	screenshots bool
	tick        time.Duration
	resolve     resolveFlag
}

func (f *patrolFlags) register(fs *flag.FlagSet) {
	fs.BoolVar(&f.off, "no-patrol", os.Getenv("PINGGU_NO_PATROL") == "true", "leave patrol's fetch jobs to other processes (env PINGGU_NO_PATROL=true)")
	fs.IntVar(&f.workers, "patrol-workers", envInt("PINGGU_PATROL_WORKERS", 16), "pages this process fetches at once (env PINGGU_PATROL_WORKERS)")
	fs.StringVar(&f.allow, "patrol-allow", os.Getenv("PINGGU_PATROL_ALLOW"), "CIDR ranges patrol may fetch although private or loopback, e.g. 127.0.0.0/8; refused by default (env PINGGU_PATROL_ALLOW)")
	fs.Float64Var(&f.rate, "patrol-rate", 2, "requests per second to one host, across every worker")
	fs.IntVar(&f.burst, "patrol-burst", 4, "requests to one host that may start at once after an idle spell")
	fs.IntVar(&f.concurrency, "patrol-concurrency", 2, "requests in flight to one host at once, across every worker")
	fs.BoolVar(&f.screenshots, "patrol-screenshots", true, "screenshot risky pages when Chromium is installed")
	fs.DurationVar(&f.tick, "patrol-tick", 10*time.Second, "how often due plans are started and queued fetches handed to workers")
	f.resolve = resolveFlag{}
	fs.Var(f.resolve, "patrol-resolve", "resolve NAME to ADDRESS without DNS for patrol (NAME=ADDRESS, repeatable)")
}

func envInt(name string, def int) int {
	if n, err := strconv.Atoi(os.Getenv(name)); err == nil {
		return n
	}
	return def
}

// options builds the jobs' patrol options: the SSRF guard with what the
// operator allowed, and a per-host limiter shared through the database on
// PostgreSQL (where many worker processes share the work) or kept in the
// process on SQLite (one node).
func (f *patrolFlags) options(db *store.DB) (jobs.PatrolOptions, error) {
	allowed, err := patrol.ParseAllow(f.allow)
	if err != nil {
		return jobs.PatrolOptions{}, fmt.Errorf("--patrol-allow: %w", err)
	}
	if f.rate <= 0 || f.burst < 1 || f.concurrency < 0 || f.workers < 1 {
		return jobs.PatrolOptions{}, fmt.Errorf("--patrol-rate, --patrol-burst and --patrol-workers must be positive")
	}
	var lim patrol.Limiter = patrol.NewLocalLimiter(patrol.HostRule{Rate: f.rate, Burst: f.burst, Concurrency: f.concurrency}, nil)
	if db.Dialect() == "postgres" {
		lim = db.HostLimiter(store.HostLimit{Rate: f.rate, Burst: f.burst, Concurrency: f.concurrency}, nil)
	}
	var res patrol.Resolver
	if len(f.resolve) > 0 {
		res = systemThenStatic{patrol.StaticResolver(f.resolve)}
	}
	return jobs.PatrolOptions{Disabled: f.off, Workers: f.workers, Screenshots: f.screenshots, Tick: f.tick, Fetch: patrol.Config{
		Guard: patrol.Guard{Allow: allowed}, Resolver: res, Limiter: lim,
	}}, nil
}

// allowLoopback adds 127.0.0.0/8 to what patrol may fetch, for the demo
// site pinggu serves itself.
func allowLoopback(o *jobs.PatrolOptions) {
	o.Fetch.Guard.Allow = append(o.Fetch.Guard.Allow, netip.MustParsePrefix("127.0.0.0/8"))
}

// patrolTick is how often a patrol process looks for due plans.
const patrolTick = 5 * time.Second
