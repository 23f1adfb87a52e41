package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"net/http"
	"os"
	"slices"
	"strconv"
	"strings"
	"sync"
	"text/tabwriter"
	"time"

	"github.com/pinggu/pinggu/demo"
)

// Targets of the mixed load (issue 10): small writes on one SQLite node and
// on two PostgreSQL nodes.
const (
	loadWriteRateTarget = 1000                   // writes per second at 50 clients
	loadWriteP95Target  = 100 * time.Millisecond // p95 of a write at 50 clients
)

// loadOptions say how hard and how long to push.
type loadOptions struct {
	duration   time.Duration // per phase
	clients    []int
	floodFor   time.Duration // the login flood; 0 skips it
	flood      int           // concurrent bad logins
	user, pass string
}

// cmdBenchLoad runs the mixed read/write load against servers it starts
// (SQLite, and PostgreSQL with two web nodes) or against a running one.
func cmdBenchLoad(ctx context.Context, env *cliEnv, args []string) int {
	fs := newFlagSet(env, "bench load", "bench load [flags]")
	dur := fs.Duration("duration", 10*time.Second, "how long each phase runs")
	clients := fs.String("clients", "50,200", "concurrent clients of each phase, comma-separated")
	pgURL := fs.String("postgres", os.Getenv("PINGGU_BENCH_POSTGRES_URL"), "also load PostgreSQL with two web nodes on the server at this URL (env PINGGU_BENCH_POSTGRES_URL)")
	pgDB := fs.String("postgres-db", "pinggu_load", "the database on that server to drop, recreate and load; never the URL's own")
	target := fs.String("url", "", "load this running server instead of starting servers; several web nodes of one database comma-separated (loopback only)")
	user := fs.String("user", "gd-bureau", "with --url: the account whose session does the work (a bureau officer, so writes are scoped)")
	pass := fs.String("password", demo.DemoPassword, "with --url: its password")
	floodFor := fs.Duration("flood", 10*time.Second, "how long the login flood runs (0 skips it)")
	flood := fs.Int("flood-clients", 50, "concurrent bad logins of the flood")
	profile := fs.String("profile", "", "write a CPU profile of each web node the bench starts into this directory (go tool pprof)")
	withSQLite := fs.Bool("sqlite", true, "load SQLite too; --sqlite=false with --postgres measures only the two PostgreSQL nodes")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	o := loadOptions{duration: *dur, floodFor: *floodFor, flood: *flood, user: *user, pass: *pass}
	for _, s := range strings.Split(*clients, ",") {
		n, err := strconv.Atoi(strings.TrimSpace(s))
		if err != nil || n < 1 || n > 2000 {
			return fail(env, "bench load", fmt.Errorf("--clients: %q is not a number of clients (1 to 2000)", s))
		}
		o.clients = append(o.clients, n)
	}
	switch {
	case *dur < time.Second || *dur > 10*time.Minute:
		return fail(env, "bench load", errors.New("--duration: between 1s and 10m"))
	case *floodFor < 0 || *floodFor > 10*time.Minute:
		return fail(env, "bench load", errors.New("--flood: between 0 and 10m"))
	case *flood < 1 || *flood > 1000:
		return fail(env, "bench load", errors.New("--flood-clients: between 1 and 1000"))
	case !validBenchDBName(*pgDB):
		return fail(env, "bench load", errors.New("--postgres-db: use lower-case letters, digits and _"))
	}

	var targets []func(context.Context) (*loadTarget, error)
	if *target != "" {
		var bases []string
		for _, u := range strings.Split(*target, ",") {
			if !loopbackURL(u) {
				return fail(env, "bench load", fmt.Errorf("--url: %q is not a server on 127.0.0.1, ::1 or localhost", u))
			}
			bases = append(bases, strings.TrimRight(u, "/"))
		}
		targets = append(targets, func(context.Context) (*loadTarget, error) {
			return &loadTarget{name: "server", bases: bases, stop: func() {}}, nil
		})
	} else {
		exe, err := os.Executable()
		if err != nil {
			return fail(env, "bench load", err)
		}
		if *profile != "" {
			if err := os.MkdirAll(*profile, 0o755); err != nil {
				return fail(env, "bench load", err)
			}
		}
		if *withSQLite {
			targets = append(targets, func(ctx context.Context) (*loadTarget, error) {
				return startSQLiteTarget(ctx, env.stderr, exe, *profile)
			})
		}
		if *pgURL != "" {
			u, name := *pgURL, *pgDB
			targets = append(targets, func(ctx context.Context) (*loadTarget, error) {
				return startPostgresTarget(ctx, env.stderr, exe, u, name, *profile)
			})
		}
	}
	if len(targets) == 0 {
		return fail(env, "bench load", errors.New("nothing to load: --sqlite=false needs --postgres"))
	}
	var results []*loadResult
	var runErr error
	for _, start := range targets {
		t, err := start(ctx)
		if err != nil {
			runErr = err
			break
		}
		r, err := runLoad(ctx, env.stderr, t, o)
		t.stop()
		if err != nil {
			runErr = fmt.Errorf("%s: %w", t.name, err)
			break
		}
		results = append(results, r)
	}
	if len(results) > 0 {
		printLoadTable(env.stdout, o, results)
	}
	if runErr != nil {
		return fail(env, "bench load", runErr)
	}
	for _, r := range results {
		for _, p := range r.phases {
			if p.reads.errors+p.writes.errors > 0 {
				fmt.Fprintf(env.stderr, "pinggu bench load: %s: requests failed (see the table)\n", r.name)
				return 1
			}
		}
	}
	return 0
}

// loadTarget is a server under load: one base URL per web node, and the
// process ids of nodes this command started (for their memory).
type loadTarget struct {
	name  string
	bases []string
	pids  []int
	stop  func()
	// backends lists PostgreSQL's processes serving the target, whose
	// CPU time is counted with the nodes'; nil for SQLite or --url.
	backends func(context.Context) []int
}

// loadResult is what one target scored.
type loadResult struct {
	name   string
	phases []*loadPhase
	flood  *floodResult
}

// loadPhase is one timed run: some clients, some share of writes.
type loadPhase struct {
	label         string
	clients       int
	writeShare    float64
	reads, writes loadStats
	elapsed       time.Duration
	cpu           cpuParts // spent by each part over the phase
	loadAvg       string   // the machine's load average at its end
}

// loadStats are the latencies of one kind of request in a phase.
type loadStats struct {
	lat      []time.Duration
	errors   int
	firstErr string
}

func (s *loadStats) add(o *loadStats) {
	s.lat = append(s.lat, o.lat...)
	s.errors += o.errors
	if s.firstErr == "" {
		s.firstErr = o.firstErr
	}
}

// pct returns the p-th percentile (0 < p ≤ 100) of the sorted latencies.
func pct(sorted []time.Duration, p int) time.Duration {
	if len(sorted) == 0 {
		return 0
	}
	i := (len(sorted)*p+99)/100 - 1
	return sorted[max(i, 0)]
}

// runLoad logs in once, finds the services the account may write, and runs
// every phase: writes only, then a mix of 80% reads, at each client count;
// then the login flood.
func runLoad(ctx context.Context, log io.Writer, t *loadTarget, o loadOptions) (*loadResult, error) {
	session, err := loadLogin(ctx, t.bases[0], o.user, o.pass)
	if err != nil {
		return nil, err
	}
	ids, err := loadServiceIDs(ctx, t.bases[0], session)
	if err != nil {
		return nil, err
	}
	res := &loadResult{name: t.name}
	for _, n := range o.clients {
		for _, ph := range []struct {
			label string
			share float64
		}{{"writes", 1}, {"mixed 80/20", 0.2}} {
			fmt.Fprintf(log, "[%s] %s, %d clients, %s…\n", t.name, ph.label, n, o.duration)
			p := &loadPhase{label: ph.label, clients: n, writeShare: ph.share}
			runPhase(ctx, t, session, ids, p, o.duration)
			res.phases = append(res.phases, p)
			if err := ctx.Err(); err != nil {
				return nil, err
			}
		}
	}
	if o.floodFor > 0 {
		fmt.Fprintf(log, "[%s] login flood, %d clients, %s…\n", t.name, o.flood, o.floodFor)
		f, err := runLoginFlood(ctx, t, o)
		if err != nil {
			return nil, err
		}
		res.flood = f
	}
	return res, nil
}

// runPhase runs p's clients for d, spread over the target's nodes, each on
// its own connection, and collects their latencies.
func runPhase(ctx context.Context, t *loadTarget, session string, ids []int64, p *loadPhase, d time.Duration) {
	ctx, cancel := context.WithTimeout(ctx, d)
	defer cancel()
	var mu sync.Mutex
	var wg sync.WaitGroup
	meter := &cpuMeter{nodes: t.pids, backends: t.backends}
	meter.begin(ctx)
	start := time.Now()
	for i := range p.clients {
		wg.Add(1)
		go func() {
			defer wg.Done()
			base := t.bases[i%len(t.bases)]
			hc := &http.Client{Timeout: time.Minute, Transport: &http.Transport{MaxIdleConnsPerHost: 1}}
			defer hc.CloseIdleConnections()
			rng := rand.New(rand.NewPCG(uint64(i), 7))
			var reads, writes loadStats
			for n := 0; ctx.Err() == nil; n++ {
				id := ids[rng.IntN(len(ids))]
				var method, path string
				var body []byte
				st := &reads
				switch {
				case rng.Float64() < p.writeShare:
					method, path, st = "PUT", "/api/services/"+strconv.FormatInt(id, 10), &writes
					body = []byte(`{"description":"负载测试 ` + strconv.Itoa(i) + "-" + strconv.Itoa(n) + `"}`)
				case n%2 == 0:
					method, path = "GET", "/api/services/"+strconv.FormatInt(id, 10)
				default:
					method, path = "GET", "/api/services?sort=updated_at&desc=true&limit=20"
				}
				t0 := time.Now()
				err := loadDo(ctx, hc, method, base+path, session, body)
				if ctx.Err() != nil {
					break // the phase ended mid-request: not a failure of the server
				}
				if err != nil {
					st.errors++
					if st.firstErr == "" {
						st.firstErr = err.Error()
					}
					continue
				}
				st.lat = append(st.lat, time.Since(t0))
			}
			mu.Lock()
			p.reads.add(&reads)
			p.writes.add(&writes)
			mu.Unlock()
		}()
	}
	wg.Wait()
	p.elapsed = time.Since(start)
	p.cpu = meter.end(context.WithoutCancel(ctx))
	p.loadAvg = loadAverage()
	slices.Sort(p.reads.lat)
	slices.Sort(p.writes.lat)
}

// loadDo sends one request with the session and reads the whole answer.
func loadDo(ctx context.Context, hc *http.Client, method, url, session string, body []byte) error {
	var rd io.Reader
	if body != nil {
		rd = bytes.NewReader(body)
	}
	req, err := http.NewRequestWithContext(ctx, method, url, rd)
	if err != nil {
		return err
	}
	if body != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	if session != "" {
		req.AddCookie(&http.Cookie{Name: "pinggu_session", Value: session})
	}
	res, err := hc.Do(req)
	if err != nil {
		return err
	}
	defer res.Body.Close()
	out, err := io.ReadAll(res.Body)
	if err != nil {
		return err
	}
	if res.StatusCode/100 != 2 {
		return fmt.Errorf("%s %s: %s: %.200s", method, req.URL.Path, res.Status, out)
	}
	return nil
}

// loadLogin logs in and returns the session token.
func loadLogin(ctx context.Context, base, user, pass string) (string, error) {
	body, _ := json.Marshal(map[string]string{"username": user, "password": pass})
	req, err := http.NewRequestWithContext(ctx, "POST", base+"/api/login", bytes.NewReader(body))
	if err != nil {
		return "", err
	}
	req.Header.Set("Content-Type", "application/json")
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		return "", err
	}
	defer res.Body.Close()
	io.Copy(io.Discard, res.Body)
	if res.StatusCode != http.StatusOK {
		return "", fmt.Errorf("log in as %s: %s", user, res.Status)
	}
	for _, c := range res.Cookies() {
		if c.Name == "pinggu_session" {
			return c.Value, nil
		}
	}
	return "", fmt.Errorf("log in as %s: no session cookie", user)
}

// loadServiceIDs lists the services the session may see (its province, for
// a bureau), the records the writes edit.
func loadServiceIDs(ctx context.Context, base, session string) ([]int64, error) {
	req, err := http.NewRequestWithContext(ctx, "GET", base+"/api/services?limit=200&sort=id", nil)
	if err != nil {
		return nil, err
	}
	req.AddCookie(&http.Cookie{Name: "pinggu_session", Value: session})
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		return nil, err
	}
	defer res.Body.Close()
	var l struct {
		Items []struct {
			ID int64 `json:"id"`
		} `json:"items"`
	}
	if err := json.NewDecoder(res.Body).Decode(&l); err != nil || res.StatusCode != http.StatusOK {
		return nil, fmt.Errorf("list services: %s %v", res.Status, err)
	}
	var ids []int64
	for _, it := range l.Items {
		ids = append(ids, it.ID)
	}
	if len(ids) == 0 {
		return nil, errors.New("the account sees no service to write")
	}
	return ids, nil
}

// printLoadTable prints every target's phases side by side with the
// targets of the issue.
func printLoadTable(w io.Writer, o loadOptions, results []*loadResult) {
	fmt.Fprintf(w, "\nMixed load, %s per phase: writes are partial PUTs of a service as a bureau officer, reads a service or a page of the list\n", o.duration)
	fmt.Fprintf(w, "(targets at 50 clients: ≥ %d writes/s, write p95 < %s; no error at any count)\n\n", loadWriteRateTarget, loadWriteP95Target)
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	head := []string{"phase", "clients", "kind"}
	sub := []string{"", "", ""}
	for _, r := range results {
		head = append(head, r.name, "", "", "", "", "")
		sub = append(sub, "req/s", "p50", "p95", "p99", "errors", "verdict")
	}
	fmt.Fprintln(tw, strings.Join(head, "\t"))
	fmt.Fprintln(tw, strings.Join(sub, "\t"))
	for i, p0 := range results[0].phases {
		for _, kind := range []string{"write", "read"} {
			if (kind == "read" && p0.writeShare == 1) || (kind == "write" && p0.writeShare == 0) {
				continue
			}
			row := []string{p0.label, strconv.Itoa(p0.clients), kind}
			for _, r := range results {
				p := r.phases[i]
				st := &p.reads
				if kind == "write" {
					st = &p.writes
				}
				rate := float64(len(st.lat)) / p.elapsed.Seconds()
				verdict := "PASS"
				switch {
				case st.errors > 0:
					verdict = "FAIL"
				case kind == "write" && p.writeShare == 1 && p.clients == 50 && (rate < loadWriteRateTarget || pct(st.lat, 95) >= loadWriteP95Target):
					verdict = "FAIL"
				}
				row = append(row, fmt.Sprintf("%.0f", rate), benchMS(pct(st.lat, 50)), benchMS(pct(st.lat, 95)), benchMS(pct(st.lat, 99)), strconv.Itoa(st.errors), verdict)
			}
			fmt.Fprintln(tw, strings.Join(row, "\t"))
		}
	}
	tw.Flush()
	for _, r := range results {
		for _, p := range r.phases {
			for _, st := range []*loadStats{&p.reads, &p.writes} {
				if st.firstErr != "" {
					fmt.Fprintf(w, "%s, %s, %d clients: first error: %s\n", r.name, p.label, p.clients, st.firstErr)
				}
			}
		}
	}
	printCPUTable(w, results)
	printFloodTable(w, o, results)
}

// printCPUTable prints the CPU time each part of every target spent per
// request in each phase, with the load average: on a machine shared with
// other work these hold better than requests per second.
func printCPUTable(w io.Writer, results []*loadResult) {
	fmt.Fprintf(w, "\nCPU time per request in ms (user + system, from /proc): the web nodes, the PostgreSQL processes serving the bench database (autovacuum included), the load generator; load average at the phase's end\n\n")
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "target\tphase\tclients\trequests\tnodes\tPostgreSQL\tload generator\tload average")
	for _, r := range results {
		for _, p := range r.phases {
			n := len(p.reads.lat) + len(p.writes.lat)
			pg := "–"
			if p.cpu.backendsSeen {
				pg = perRequest(p.cpu.backends, n)
			}
			fmt.Fprintf(tw, "%s\t%s\t%d\t%d\t%s\t%s\t%s\t%s\n", r.name, p.label, p.clients, n,
				perRequest(p.cpu.nodes, n), pg, perRequest(p.cpu.loader, n), p.loadAvg)
		}
	}
	tw.Flush()
}
