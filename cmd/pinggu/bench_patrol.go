package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/url"
	"os"
	"os/exec"
	"regexp"
	"runtime/pprof"
	"slices"
	"sort"
	"strconv"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/pinggu/pinggu"
	"github.com/pinggu/pinggu/jobs"
	"github.com/pinggu/pinggu/patrol"
	"github.com/pinggu/pinggu/patrol/patrolsite"
	"github.com/pinggu/pinggu/store"
)

// Targets of the patrol bench on this project's 2-core machine.
const (
	benchPatrolRate    = 500 // pages/s for one worker
	benchPatrolScaling = 1.7 // two workers against one
)

// The bench's politeness rule per host: the generated site has 16 hosts,
// so 500 pages/s of three fetches each asks about 95 requests a second of
// each; the rule allows that and the check holds every host to it.
var benchHostRule = patrol.HostRule{Rate: 150, Burst: 30, Concurrency: 24}

// benchArrivalJitter is the lateness allowed to a request between its
// start granted by the limiter and its arrival at the site, where the
// check counts it: on two busy cores a request granted at its slot can
// reach the site some milliseconds late, next to one granted after it.
const benchArrivalJitter = 50 * time.Millisecond

// benchMaxHostRate is the most requests a host may see in one second: a
// full burst and a second's rate (GCRA), stretched by the arrival jitter.
func benchMaxHostRate() float64 {
	return float64(benchHostRule.Burst) + benchHostRule.Rate*(1+benchArrivalJitter.Seconds())
}

// patrolBenchRun is what one configuration measured.
type patrolBenchRun struct {
	name       string
	workers    int
	pages      int
	took       time.Duration
	failed     int
	hacked     [2]int // found, planted
	cloaking   [2]int
	falsePos   int
	ordinary   int
	maxRate    float64 // the highest requests in any second to one host
	rateHost   string
	twice      int // pages fetched twice as one identity in the round
	snapshots  int
	blobs      int
	blobsBytes int64
	// CPU time spent in the round: by this process (the site and the
	// polling; on SQLite the worker too), by the worker processes, and by
	// the machine's PostgreSQL processes.
	selfCPU, workerCPU, pgCPU time.Duration
}

func (r *patrolBenchRun) rate() float64 { return float64(r.pages) / r.took.Seconds() }

// cmdBenchPatrol serves the generated site and patrols it: on SQLite with
// the worker in this process, and on PostgreSQL with 1, 2 and 4 `pinggu
// worker` processes, printing pages per second, recall of the planted
// hacked and cloaking pages, false positives on the ordinary ones, the
// scaling, and whether any host's rate was exceeded or any page fetched
// twice in the round.
func cmdBenchPatrol(ctx context.Context, env *cliEnv, args []string) int {
	fs := newFlagSet(env, "bench patrol", "bench patrol [flags]")
	pages := fs.Int("pages", 100_000, "pages of the generated site to patrol")
	pgURL := fs.String("postgres", os.Getenv("PINGGU_BENCH_POSTGRES_URL"), "also run 1, 2 and 4 worker processes on PostgreSQL at this URL (env PINGGU_BENCH_POSTGRES_URL)")
	pgDB := fs.String("postgres-db", "pinggu_bench_patrol", "the database on that server to drop, recreate and use; never the URL's own")
	workers := fs.String("workers", "1,2,4", "worker processes to run on PostgreSQL, comma-separated")
	jobsPer := fs.Int("jobs", 256, "pages each worker fetches at once")
	sqliteToo := fs.Bool("sqlite", true, "run the SQLite configuration (one node, worker in process)")
	cpuProfile := fs.String("cpu-profile", "", "write a CPU profile of this process to the file")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if *cpuProfile != "" {
		stop, err := startCPUProfile(*cpuProfile)
		if err != nil {
			return fail(env, "bench patrol", err)
		}
		defer stop()
	}
	if *pages < 1000 {
		return fail(env, "bench patrol", errors.New("--pages: at least 1000"))
	}
	if !regexp.MustCompile(`^[a-z_][a-z0-9_]*$`).MatchString(*pgDB) {
		return fail(env, "bench patrol", errors.New("--postgres-db: use lower-case letters, digits and _"))
	}
	var counts []int
	for _, s := range strings.Split(*workers, ",") {
		n, err := strconv.Atoi(strings.TrimSpace(s))
		if err != nil || n < 1 || n > 16 {
			return fail(env, "bench patrol", fmt.Errorf("--workers: %q is not a number of processes", s))
		}
		counts = append(counts, n)
	}
	site, err := patrolsite.Start(patrolsite.Options{Pages: *pages, Record: true, SlowDelay: 2 * time.Second})
	if err != nil {
		return fail(env, "bench patrol", err)
	}
	defer site.Close()
	fmt.Fprintf(env.stderr, "generated site of %d pages serving on loopback\n", *pages)
	var runs []*patrolBenchRun
	var runErr error
	if *sqliteToo {
		r, err := benchPatrolSQLite(ctx, env.stderr, site, *jobsPer)
		if err != nil {
			runErr = fmt.Errorf("SQLite: %w", err)
		} else {
			runs = append(runs, r)
		}
	}
	for _, n := range counts {
		if *pgURL == "" || runErr != nil {
			break
		}
		r, err := benchPatrolPostgres(ctx, env.stderr, site, *pgURL, *pgDB, n, *jobsPer, *cpuProfile)
		if err != nil {
			runErr = fmt.Errorf("PostgreSQL, %d workers: %w", n, err)
			break
		}
		runs = append(runs, r)
	}
	ok := printPatrolBench(env.stdout, runs, *pages)
	if runErr != nil {
		return fail(env, "bench patrol", runErr)
	}
	if !ok {
		return 1
	}
	return 0
}

// benchPatrolSQLite patrols the site with the worker in this process on a
// fresh SQLite database.
func benchPatrolSQLite(ctx context.Context, log io.Writer, site *patrolsite.Site, jobsPer int) (*patrolBenchRun, error) {
	dir, err := os.MkdirTemp("", "pinggu-bench-patrol-")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(dir)
	db, err := store.Open(ctx, store.Config{DataDir: dir})
	if err != nil {
		return nil, err
	}
	defer db.Close()
	planID, err := benchPatrolSetup(ctx, log, db, site)
	if err != nil {
		return nil, err
	}
	allow, _ := patrol.ParseAllow("127.0.0.0/8")
	runner, err := jobs.Start(ctx, db, jobs.Options{Patrol: jobs.PatrolOptions{Workers: jobsPer, Tick: time.Second, Fetch: patrol.Config{
		Guard: patrol.Guard{Allow: allow}, Resolver: patrol.StaticResolver(site.Addrs()), Limiter: patrol.NewLocalLimiter(benchHostRule, nil),
	}}})
	if err != nil {
		return nil, err
	}
	defer runner.Stop(context.Background())
	return benchPatrolRound(ctx, log, db, site, planID, "SQLite", 1, "")
}

// benchPatrolPostgres patrols the site with n `pinggu worker` processes
// sharing a fresh PostgreSQL database.
func benchPatrolPostgres(ctx context.Context, log io.Writer, site *patrolsite.Site, raw, name string, n, jobsPer int, profile string) (*patrolBenchRun, error) {
	db, cleanup, err := openBenchPostgres(ctx, log, raw, name, false, false)
	if err != nil {
		return nil, err
	}
	defer cleanup()
	u, _ := url.Parse(raw)
	u.Path = "/" + name
	planID, err := benchPatrolSetup(ctx, log, db, site)
	if err != nil {
		return nil, err
	}
	if err := jobs.Migrate(ctx, db); err != nil {
		return nil, err
	}
	exe, err := os.Executable()
	if err != nil {
		return nil, err
	}
	args := []string{"worker", "--database-url", u.String(), "--jobs", "2", "--patrol-workers", strconv.Itoa(jobsPer), "--patrol-tick", "1s",
		"--patrol-allow", "127.0.0.0/8", "--patrol-rate", strconv.FormatFloat(benchHostRule.Rate, 'f', -1, 64),
		"--patrol-burst", strconv.Itoa(benchHostRule.Burst), "--patrol-concurrency", strconv.Itoa(benchHostRule.Concurrency),
		"--patrol-screenshots=false", "--log-level", "warn"}
	for _, h := range site.Hosts() {
		args = append(args, "--patrol-resolve", h+"=127.0.0.1")
	}
	var procs []*exec.Cmd
	stop := func() (cpu time.Duration) {
		for _, p := range procs {
			p.Process.Signal(os.Interrupt)
		}
		for _, p := range procs {
			done := make(chan struct{})
			go func() { p.Wait(); close(done) }()
			select {
			case <-done:
			case <-time.After(25 * time.Second):
				p.Process.Kill()
				<-done
			}
			if p.ProcessState != nil {
				cpu += p.ProcessState.UserTime() + p.ProcessState.SystemTime()
			}
		}
		procs = nil
		return cpu
	}
	defer stop()
	for i := 0; i < n; i++ {
		pargs := args
		if profile != "" {
			pargs = append(slices.Clip(args), "--cpu-profile", fmt.Sprintf("%s.pg%d-w%d", profile, n, i+1))
		}
		p := exec.CommandContext(ctx, exe, pargs...)
		p.Stdout, p.Stderr = io.Discard, log
		if err := p.Start(); err != nil {
			return nil, err
		}
		procs = append(procs, p)
	}
	r, err := benchPatrolRound(ctx, log, db, site, planID, fmt.Sprintf("PostgreSQL, %d worker%s", n, map[bool]string{true: "s"}[n > 1]), n, name)
	if err != nil {
		return nil, err
	}
	r.workerCPU = stop()
	return r, nil
}

// benchPatrolSetup makes a list of every page of the site and a plan of it.
func benchPatrolSetup(ctx context.Context, log io.Writer, db *store.DB, site *patrolsite.Site) (int64, error) {
	sys := pinggu.WithActor(ctx, pinggu.SystemActor)
	l := &pinggu.PatrolList{Name: "生成站点"}
	if err := db.CreatePatrolList(sys, l); err != nil {
		return 0, err
	}
	start := time.Now()
	const batch = 10_000
	for from := 0; from < site.Pages(); from += batch {
		rows := make([]pinggu.PatrolTargetImportRow, 0, batch)
		for i := from; i < min(from+batch, site.Pages()); i++ {
			rows = append(rows, pinggu.PatrolTargetImportRow{Line: i + 2, Target: pinggu.PatrolTarget{URL: site.URL(i)}})
		}
		if _, err := db.ImportPatrolTargets(sys, l.ID, rows); err != nil {
			return 0, err
		}
	}
	fmt.Fprintf(log, "  %d targets imported in %s\n", site.Pages(), time.Since(start).Round(time.Millisecond))
	p := &pinggu.PatrolPlan{Name: "生成站点巡查", ListIDs: []int64{l.ID}, Active: true}
	return p.ID, db.CreatePatrolPlan(sys, p)
}

// benchPatrolRound runs the plan once, waits for the round to end, and
// scores it against the site's truth and its request log.
func benchPatrolRound(ctx context.Context, log io.Writer, db *store.DB, site *patrolsite.Site, planID int64, name string, workers int, dbName string) (*patrolBenchRun, error) {
	sys := pinggu.WithActor(ctx, pinggu.SystemActor)
	for i := 0; i < site.Pages(); i++ {
		if site.Truth(i).Kind == patrolsite.Flaky {
			if u, err := url.Parse(site.URL(i)); err == nil {
				flakyPages[u.Hostname()+u.Path] = true
			}
		}
	}
	site.Requests() // forget the setup's
	self0, pg0 := cpuSelf(), postgresCPU(dbName)
	run, err := db.RunPatrolPlan(sys, planID)
	if err != nil {
		return nil, err
	}
	res := &patrolBenchRun{name: name, workers: workers}
	last := time.Now()
	for {
		select {
		case <-ctx.Done():
			return nil, ctx.Err()
		case <-time.After(2 * time.Second):
		}
		r, err := db.FindPatrolRun(sys, run.ID)
		if err != nil {
			return nil, err
		}
		if dump := os.Getenv("PINGGU_BENCH_GOROUTINES"); dump != "" && r.Done > r.Total/2 {
			if f, err := os.Create(dump); err == nil {
				pprof.Lookup("goroutine").WriteTo(f, 1)
				f.Close()
				os.Setenv("PINGGU_BENCH_GOROUTINES", "")
			}
		}
		if time.Since(last) > 10*time.Second || r.State != pinggu.RunRunning {
			fmt.Fprintf(log, "  [%s] %d/%d pages, %d failed, %d risky\n", name, r.Done, r.Total, r.Failed, r.Risky)
			last = time.Now()
		}
		if r.State != pinggu.RunRunning {
			res.pages, res.failed = r.Done, r.Failed
			break
		}
	}
	res.selfCPU, res.pgCPU = cpuSelf()-self0, postgresCPU(dbName)-pg0
	st, err := db.PatrolRunStats(sys, run.ID)
	if err != nil {
		return nil, err
	}
	res.took, res.twice, res.snapshots, res.blobs, res.blobsBytes = st.Took, st.Repeated, st.Snapshots, st.Blobs, st.BlobBytes
	risky := map[string]bool{}
	for _, u := range st.RiskyURLs {
		risky[u] = true
	}
	for i := 0; i < site.Pages(); i++ {
		tr := site.Truth(i)
		found := risky[site.URL(i)]
		switch {
		case tr.Cloaking:
			res.cloaking[1]++
			if found {
				res.cloaking[0]++
			}
		case tr.Harmful:
			res.hacked[1]++
			if found {
				res.hacked[0]++
			}
		case tr.Kind == patrolsite.Ordinary || tr.Kind == patrolsite.Oversized || tr.Kind == patrolsite.RedirectChain || tr.Kind == patrolsite.Flaky:
			res.ordinary++
			if found {
				res.falsePos++
			}
		}
	}
	checkRequests(site.Requests(), res)
	return res, nil
}

// checkRequests finds, in the site's log of the round, the highest number
// of requests any host received in one second, and the pages one identity
// fetched more than once (retries of the hosts that answer 503 aside).
func checkRequests(reqs []patrolsite.Request, res *patrolBenchRun) {
	byHost := map[string][]time.Time{}
	seen := map[string]int{}
	for _, r := range reqs {
		byHost[r.Host] = append(byHost[r.Host], r.At)
		if strings.HasPrefix(r.Path, "/n/") && !strings.HasPrefix(r.Host, "broken.") {
			seen[r.Host+r.Path+"\x00"+r.UserAgent+"\x00"+r.Referrer]++
		}
	}
	for h, ts := range byHost {
		sort.Slice(ts, func(i, j int) bool { return ts[i].Before(ts[j]) })
		j := 0
		for i := range ts {
			for ts[i].Sub(ts[j]) >= time.Second {
				j++
			}
			if n := float64(i - j + 1); n > res.maxRate {
				res.maxRate, res.rateHost = n, h
			}
		}
	}
	// A flaky page answers 503 once per identity, so its retry is the one
	// repeat allowed.
	for k, n := range seen {
		if n > 2 || (n == 2 && !flakyRequest(k)) {
			res.twice++
		}
	}
}

// flakyPages marks the paths of the flaky pages, set before a check.
var flakyPages = map[string]bool{}

func flakyRequest(key string) bool {
	path, _, _ := strings.Cut(key, "\x00")
	return flakyPages[path]
}

// printPatrolBench prints the figures and whether each target was met.
func printPatrolBench(w io.Writer, runs []*patrolBenchRun, pages int) bool {
	if len(runs) == 0 {
		return false
	}
	fmt.Fprintf(w, "\npinggu bench patrol — %d generated pages, default identities (browser, Baiduspider, Baidu referrer), per-host limit %.0f req/s, burst %d, %d at once (at most %.0f requests a second seen by a host, %s of arrival jitter allowed)\n\n",
		pages, benchHostRule.Rate, benchHostRule.Burst, benchHostRule.Concurrency, benchMaxHostRate(), benchArrivalJitter)
	tw := tabwriter.NewWriter(w, 2, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "configuration\tpages\ttime\tpages/s\tpages/s per worker\tfailed\thacked found\tcloaking found\tfalse positives\tmax req/s to a host\trepeat fetches\tsnapshots\tblobs")
	ok := true
	var one float64
	for _, r := range runs {
		fmt.Fprintf(tw, "%s\t%d\t%s\t%.0f\t%.0f\t%d\t%d/%d\t%d/%d\t%d/%d\t%.0f (%s)\t%d\t%d\t%d (%.1f MB)\n", r.name, r.pages, r.took.Round(time.Second), r.rate(),
			r.rate()/float64(r.workers), r.failed, r.hacked[0], r.hacked[1], r.cloaking[0], r.cloaking[1], r.falsePos, r.ordinary,
			r.maxRate, r.rateHost, r.twice, r.snapshots, r.blobs, float64(r.blobsBytes)/1e6)
		if r.hacked[0] < r.hacked[1] || r.falsePos > 0 || r.twice > 0 || r.maxRate > benchMaxHostRate() {
			ok = false
		}
		if r.workers == 1 && strings.HasPrefix(r.name, "PostgreSQL") {
			one = r.rate()
		}
	}
	tw.Flush()
	fmt.Fprintln(w)
	fmt.Fprintln(w, "CPU per page, in milliseconds (a page is three fetches, their scans and its recording; PostgreSQL: the backends of the bench's database and the server's own processes):")
	tw = tabwriter.NewWriter(w, 2, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "configuration\tthis process (site, polling; SQLite: the worker too)\tworker processes\tPostgreSQL\ttotal")
	for _, r := range runs {
		per := func(d time.Duration) string {
			return fmt.Sprintf("%.2f", float64(d.Microseconds())/1000/float64(max(r.pages, 1)))
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\n", r.name, per(r.selfCPU), per(r.workerCPU), per(r.pgCPU), per(r.selfCPU+r.workerCPU+r.pgCPU))
	}
	tw.Flush()
	fmt.Fprintln(w)
	for _, r := range runs {
		if r.workers == 1 {
			fmt.Fprintf(w, "%s: %.0f pages/s for one worker (target ≥ %d): %s\n", r.name, r.rate(), benchPatrolRate, verdict(r.rate() >= benchPatrolRate))
		}
		if r.workers > 1 && one > 0 {
			fmt.Fprintf(w, "%s: %.2f× one worker", r.name, r.rate()/one)
			if r.workers == 2 {
				fmt.Fprintf(w, " (target ≥ %.1f×): %s", benchPatrolScaling, verdict(r.rate()/one >= benchPatrolScaling))
			}
			fmt.Fprintln(w)
		}
	}
	fmt.Fprintf(w, "all planted hacked and cloaking pages found, no false positives, no host over its limit, no page fetched twice: %s\n", verdict(ok))
	return ok
}

// postgresCPU sums the CPU time of the postgres processes running on this
// machine (Linux's /proc; 0 elsewhere) that serve the database named or no
// database (the WAL writer, the checkpointer, autovacuum), to count the
// database's share of a round against a local server: the backends of
// other databases (other tests on the machine) are left out. A backend
// that ended during the round is not counted.
func postgresCPU(dbName string) time.Duration {
	if dbName == "" {
		return 0 // SQLite
	}
	ents, err := os.ReadDir("/proc")
	if err != nil {
		return 0
	}
	var ticks int64
	for _, e := range ents {
		if _, err := strconv.Atoi(e.Name()); err != nil {
			continue
		}
		b, err := os.ReadFile("/proc/" + e.Name() + "/stat")
		if err != nil {
			continue
		}
		if cmd, err := os.ReadFile("/proc/" + e.Name() + "/cmdline"); err == nil {
			if c := string(cmd); (strings.Contains(c, "127.0.0.1(") || strings.Contains(c, "[local]") || strings.Contains(c, "::1(")) &&
				!strings.Contains(c, " "+dbName+" ") {
				continue
			}
		}
		st := string(b)
		open, end := strings.IndexByte(st, '('), strings.LastIndexByte(st, ')')
		if open < 0 || end < open || st[open+1:end] != "postgres" || end+2 > len(st) {
			continue
		}
		f := strings.Fields(st[end+2:]) // from the state on: utime and stime are the 12th and 13th
		if len(f) < 13 {
			continue
		}
		u, _ := strconv.ParseInt(f[11], 10, 64)
		k, _ := strconv.ParseInt(f[12], 10, 64)
		ticks += u + k
	}
	return time.Duration(ticks) * time.Second / 100 // USER_HZ
}

func verdict(ok bool) string {
	if ok {
		return "met"
	}
	return "NOT met"
}
