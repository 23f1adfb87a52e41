package main

import (
	"bytes"
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"math/rand/v2"
	"net"
	"net/http"
	"net/http/cookiejar"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"text/tabwriter"
	"time"
	"unicode"

	_ "github.com/jackc/pgx/v5/stdlib" // the "pgx" driver, to recreate the bench database

	"github.com/pinggu/pinggu"
	"github.com/pinggu/pinggu/demo"
	"github.com/pinggu/pinggu/store"
	"github.com/pinggu/pinggu/web"
)

func init() {
	register("bench", "measure a large ledger (bench ledger), enforcement at scale (bench enforcement), every role's dashboard (bench dashboard), a mixed read/write load (bench load) or patrol of a generated site (bench patrol)", cmdBench)
}

// Targets the ledger must meet at the large scale.
const (
	benchLoadTarget  = 2 * time.Minute
	benchQueryTarget = 50 * time.Millisecond
	benchPageSize    = 20
)

func cmdBench(ctx context.Context, env *cliEnv, args []string) int {
	if len(args) > 0 && args[0] == "load" {
		return cmdBenchLoad(ctx, env, args[1:])
	}
	fs := newFlagSet(env, "bench", "bench ledger|enforcement|dashboard|load|patrol [flags]")
	scaleName := fs.String("scale", "large", "dataset size: large (100,000 enterprises, 1,000,000 services), medium (10,000 and 100,000) or demo")
	pgURL := fs.String("postgres", os.Getenv("PINGGU_BENCH_POSTGRES_URL"), "also benchmark PostgreSQL on the server at this URL (env PINGGU_BENCH_POSTGRES_URL)")
	pgDB := fs.String("postgres-db", "pinggu_bench", "the database on that server to drop, recreate and load; never the URL's own")
	queries := fs.Int("queries", 200, "requests per query kind")
	seed := fs.Int64("seed", 1, "seed of the generated dataset and of the queries")
	keep := fs.Bool("keep", false, "keep the loaded databases afterwards, to look into slow queries")
	orders := fs.Int("orders", 200_000, "enforcement and dashboard: rectification orders to load")
	badRecords := fs.Int("bad-records", 50_000, "enforcement and dashboard: register entries to load")
	sqliteDir := fs.String("sqlite-dir", "", "enforcement: time the queries on the SQLite database a --keep run left in this directory, instead of loading a new one")
	pgReuse := fs.Bool("postgres-reuse", false, "enforcement: time the queries on the --postgres-db a --keep run left, instead of loading it again")
	withSQLite := fs.Bool("sqlite", true, "benchmark SQLite too; --sqlite=false with --postgres runs only PostgreSQL")
	if len(args) > 0 && args[0] == "patrol" {
		return cmdBenchPatrol(ctx, env, args[1:])
	}
	if len(args) == 0 || (args[0] != "ledger" && args[0] != "enforcement" && args[0] != "dashboard") {
		fs.Usage()
		return 2
	}
	if err := fs.Parse(args[1:]); err != nil {
		return 2
	}
	scale, err := demo.ParseScale(*scaleName)
	if err != nil {
		return fail(env, "bench", fmt.Errorf("--scale: %w", err))
	}
	if !validBenchDBName(*pgDB) {
		return fail(env, "bench", errors.New("--postgres-db: use lower-case letters, digits and _"))
	}
	if *queries < 1 {
		return fail(env, "bench", errors.New("--queries: must be at least 1"))
	}
	if (*sqliteDir != "" || *pgReuse) && args[0] != "enforcement" {
		return fail(env, "bench", errors.New("--sqlite-dir and --postgres-reuse are for bench enforcement"))
	}
	var dbs []benchDB
	if *withSQLite {
		dbs = append(dbs, benchDB{name: "SQLite", reuse: *sqliteDir != "", open: func(ctx context.Context) (*store.DB, func(), error) {
			return openBenchSQLite(ctx, env.stderr, *sqliteDir, *keep)
		}})
	}
	if *pgURL != "" {
		u := *pgURL
		dbs = append(dbs, benchDB{name: "PostgreSQL", reuse: *pgReuse, open: func(ctx context.Context) (*store.DB, func(), error) {
			return openBenchPostgres(ctx, env.stderr, u, *pgDB, *keep, *pgReuse)
		}})
	}
	if len(dbs) == 0 {
		return fail(env, "bench", errors.New("nothing to measure: --sqlite=false needs --postgres"))
	}
	// A database that fails still leaves the figures of those before it.
	var results []*benchResult
	var runErr error
	errs := 0
	for _, b := range dbs {
		var r *benchResult
		var err error
		switch args[0] {
		case "enforcement":
			r, err = runEnforcementBench(ctx, env.stderr, b, scale, *seed, *queries, *orders, *badRecords)
		case "dashboard":
			r, err = runDashboardBench(ctx, env.stderr, b, scale, *seed, *queries, *orders, *badRecords)
		default:
			r, err = runLedgerBench(ctx, env.stderr, b, scale, *seed, *queries)
		}
		if err != nil {
			runErr = fmt.Errorf("%s: %w", b.name, err)
			break
		}
		results = append(results, r)
		for _, k := range r.kinds {
			errs += k.errors
		}
	}
	if len(results) > 0 {
		printBenchTable(env.stdout, args[0], scale, *queries, results)
	}
	switch {
	case runErr != nil:
		return fail(env, "bench", runErr)
	case errs > 0:
		fmt.Fprintf(env.stderr, "pinggu bench: %d requests failed\n", errs)
		return 1
	}
	return 0
}

// benchDB is a database to benchmark: open returns an empty, migrated store
// and a function that removes it again, or with reuse the store a kept run
// loaded, and a function that closes it.
type benchDB struct {
	name  string
	reuse bool
	open  func(context.Context) (*store.DB, func(), error)
}

func openBenchSQLite(ctx context.Context, log io.Writer, reuse string, keep bool) (*store.DB, func(), error) {
	if reuse != "" {
		// Never a new, empty database in its place.
		if _, err := os.Stat(filepath.Join(reuse, "pinggu.db")); err != nil {
			return nil, nil, fmt.Errorf("--sqlite-dir: no kept database: %w", err)
		}
		db, err := store.Open(ctx, store.Config{DataDir: reuse, Logger: benchStoreLogger(log, "SQLite")})
		if err != nil {
			return nil, nil, err
		}
		return db, func() { db.Close() }, nil
	}
	dir, err := os.MkdirTemp("", "pinggu-bench-")
	if err != nil {
		return nil, nil, err
	}
	db, err := store.Open(ctx, store.Config{DataDir: dir, Logger: benchStoreLogger(log, "SQLite")})
	if err != nil {
		os.RemoveAll(dir)
		return nil, nil, err
	}
	return db, func() {
		db.Close()
		if keep {
			fmt.Fprintf(log, "[SQLite] kept the database in %s\n", dir)
		} else {
			os.RemoveAll(dir)
		}
	}, nil
}

// openBenchPostgres recreates the dedicated bench database name on the
// server the URL names, so every run starts empty and nothing else is
// touched.
func openBenchPostgres(ctx context.Context, log io.Writer, raw, name string, keep, reuse bool) (*store.DB, func(), error) {
	bench, err := benchDBURL(raw, name)
	if err == nil && !reuse {
		bench, err = recreateBenchDB(ctx, raw, name, true)
	}
	if err != nil {
		return nil, nil, err
	}
	db, err := store.Open(ctx, store.Config{DatabaseURL: bench, Logger: benchStoreLogger(log, "PostgreSQL")})
	if err != nil {
		return nil, nil, err
	}
	return db, func() {
		db.Close()
		if keep || reuse {
			fmt.Fprintf(log, "[PostgreSQL] kept the database %s\n", name)
		} else {
			recreateBenchDB(ctx, raw, name, false)
		}
	}, nil
}

// validBenchDBName reports whether name is safe to drop and create: the
// bench databases are named by the operator.
func validBenchDBName(name string) bool {
	return regexp.MustCompile(`^[a-z_][a-z0-9_]*$`).MatchString(name)
}

// recreateBenchDB drops the database name on the server raw names and, if
// create, creates it empty again; it returns the URL of that database. The
// URL's own database is only used to connect when it is not name.
func recreateBenchDB(ctx context.Context, raw, name string, create bool) (string, error) {
	bench, err := benchDBURL(raw, name)
	if err != nil {
		return "", err
	}
	admin, _ := url.Parse(raw)
	if strings.Trim(admin.Path, "/") == name {
		admin.Path = "/postgres"
	}
	a, err := sql.Open("pgx", admin.String())
	if err != nil {
		return "", err
	}
	defer a.Close()
	if _, err := a.ExecContext(ctx, "DROP DATABASE IF EXISTS "+name+" WITH (FORCE)"); err != nil {
		return "", fmt.Errorf("drop database %s: %w", name, err)
	}
	if create {
		if _, err := a.ExecContext(ctx, "CREATE DATABASE "+name); err != nil {
			return "", fmt.Errorf("create database %s: %w", name, err)
		}
	}
	return bench, nil
}

// benchDBURL is the URL of the bench database name on the server raw names.
func benchDBURL(raw, name string) (string, error) {
	u, err := url.Parse(raw)
	if err != nil || (u.Scheme != "postgres" && u.Scheme != "postgresql") {
		return "", errors.New("--postgres: want a postgres:// URL")
	}
	if !validBenchDBName(name) {
		return "", errors.New("--postgres-db: use lower-case letters, digits and _")
	}
	bench := *u
	bench.Path = "/" + name
	return bench.String(), nil
}

// benchStoreLogger shows the store's own account of the load (how long each
// phase took) among the progress lines, to see where the time goes.
func benchStoreLogger(w io.Writer, db string) *slog.Logger {
	return slog.New(slog.NewTextHandler(w, &slog.HandlerOptions{Level: slog.LevelInfo})).With("db", db)
}

// benchResult is what one database scored.
type benchResult struct {
	db    string
	rows  int
	load  time.Duration
	kinds []*benchKind
	// phases are timed steps after the load (the enforcement bench's
	// bulk load, annual dossiers and daily job), each with its target.
	phases []benchPhase
}

// benchPhase is one timed step and its target.
type benchPhase struct {
	label  string
	dur    time.Duration
	target time.Duration
}

// runLedgerBench generates the dataset, loads it, serves it over real HTTP
// and times the ledger queries officers run most.
func runLedgerBench(ctx context.Context, log io.Writer, b benchDB, scale demo.Scale, seed int64, n int) (*benchResult, error) {
	d := demo.Generate(scale, seed)
	pools := newBenchPools(d, rand.New(rand.NewPCG(uint64(seed), 2)))
	db, res, cleanup, err := loadBenchLedger(ctx, log, b, scale, d)
	if err != nil {
		return nil, err
	}
	defer cleanup()
	d = nil
	runtime.GC() // the dataset is in the database now; give its memory back before measuring

	lb, stop, err := startLedgerBench(ctx, db, pools, seed)
	if err != nil {
		return nil, err
	}
	defer stop()
	return res, lb.measure(ctx, log, b.name, n, res)
}

// loadBenchLedger opens the database and loads the generated ledger into
// it, timing the load.
func loadBenchLedger(ctx context.Context, log io.Writer, b benchDB, scale demo.Scale, d *pinggu.Dataset) (*store.DB, *benchResult, func(), error) {
	res := &benchResult{db: b.name, rows: len(d.Organisations) + len(d.Licences) + len(d.Services) + len(d.Users)}
	db, cleanup, err := b.open(ctx)
	if err != nil {
		return nil, nil, nil, err
	}
	fmt.Fprintf(log, "[%s] loading the %s dataset: %d organisations, %d licences, %d services, %d users…\n",
		b.name, scale.Name, len(d.Organisations), len(d.Licences), len(d.Services), len(d.Users))
	start := time.Now()
	lastPct, lastAt := -1, start
	err = db.LoadDataset(pinggu.WithActor(ctx, pinggu.SystemActor), d, func(done, total int) {
		if total == 0 {
			return
		}
		pct := done * 100 / total
		if pct/5 != lastPct/5 || time.Since(lastAt) > 10*time.Second {
			lastPct, lastAt = pct, time.Now()
			fmt.Fprintf(log, "[%s]   %3d%%  %d/%d  %s\n", b.name, pct, done, total, time.Since(start).Round(100*time.Millisecond))
		}
	})
	res.load = time.Since(start)
	if err != nil {
		cleanup()
		return nil, nil, nil, fmt.Errorf("load: %w", err)
	}
	fmt.Fprintf(log, "[%s] loaded in %s\n", b.name, res.load.Round(100*time.Millisecond))
	return db, res, cleanup, nil
}

// measure sends n requests of each query kind and keeps the latencies in res.
func (lb *ledgerBench) measure(ctx context.Context, log io.Writer, name string, n int, res *benchResult) error {
	fmt.Fprintf(log, "[%s] running %d requests of each of %d query kinds…\n", name, n, len(lb.kinds))
	for range n {
		for _, k := range lb.kinds {
			if err := ctx.Err(); err != nil {
				return err
			}
			dur, err := k.run(ctx)
			if err != nil {
				k.errors++
				if k.errors == 1 {
					fmt.Fprintf(log, "[%s] %s: %v\n", name, k.label, err)
				}
				continue
			}
			k.lat = append(k.lat, dur)
		}
	}
	res.kinds = lb.kinds
	for _, k := range lb.kinds {
		if q, err := url.QueryUnescape(k.slowest); err == nil {
			fmt.Fprintf(log, "[%s] slowest %s: %s  GET %s\n", name, k.label, benchMS(k.slowestTime), q)
		}
	}
	return nil
}

// ledgerBench is a running server with logged-in clients and the query kinds
// to time against it.
type ledgerBench struct {
	base  string
	kinds []*benchKind
}

// benchKind is one kind of query, by one kind of user.
type benchKind struct {
	label  string
	client *benchClient
	next   func() string // the next request path with its query
	lat    []time.Duration
	errors int
	// target is the p95 to meet (benchQueryTarget when zero); check
	// accepts an answer (nil: a list with its total).
	target time.Duration
	check  func(body []byte) error

	slowest     string // the slowest request, to look into
	slowestTime time.Duration
}

// run sends the next request and times it to the last byte of the answer.
func (k *benchKind) run(ctx context.Context) (time.Duration, error) {
	path := k.next()
	start := time.Now()
	body, err := k.client.do(ctx, "GET", path, nil)
	dur := time.Since(start)
	if err != nil {
		return 0, err
	}
	check := k.check
	if check == nil {
		check = checkList
	}
	if err := check(body); err != nil {
		return 0, fmt.Errorf("GET %s: %w", path, err)
	}
	if dur > k.slowestTime {
		k.slowest, k.slowestTime = path, dur
	}
	return dur, nil
}

// checkList accepts a page of a list with its total.
func checkList(body []byte) error {
	var list struct {
		Items []json.RawMessage `json:"items"`
		Total *int              `json:"total"`
	}
	if err := json.Unmarshal(body, &list); err != nil || list.Total == nil {
		return fmt.Errorf("not a list: %.200s", body)
	}
	return nil
}

// targetP95 is the p95 the kind must meet.
func (k *benchKind) targetP95() time.Duration {
	if k.target > 0 {
		return k.target
	}
	return benchQueryTarget
}

// startLedgerBench serves db on 127.0.0.1, logs in a ministry officer (who
// then uses an API token, as a script would) and a Guangdong bureau officer
// (with a browser session), and sets up the query kinds.
func startLedgerBench(ctx context.Context, db *store.DB, pools *benchPools, seed int64) (*ledgerBench, func(), error) {
	lb, ministry, bureau, stop, err := startBenchServer(ctx, db)
	if err != nil {
		return nil, nil, err
	}
	lb.ledgerKinds(ministry, bureau, pools, seed)
	return lb, stop, nil
}

// startBenchServer serves db on 127.0.0.1 and logs in a ministry officer
// (who then uses an API token, as a script would) and a Guangdong bureau
// officer (with a browser session).
func startBenchServer(ctx context.Context, db *store.DB) (lb *ledgerBench, ministry, bureau *benchClient, stop func(), err error) {
	srv, err := web.NewServer(web.Options{Services: db.Services(),
		Health: db.Ping, Logger: slog.New(slog.DiscardHandler), Version: "bench"})
	if err != nil {
		return nil, nil, nil, nil, err
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return nil, nil, nil, nil, err
	}
	hs := &http.Server{Handler: srv, ReadHeaderTimeout: 10 * time.Second}
	go hs.Serve(ln)
	stop = func() { hs.Close() }
	lb = &ledgerBench{base: "http://" + ln.Addr().String()}
	ministry, err = lb.login(ctx, "ministry")
	if err == nil {
		err = ministry.useToken(ctx)
	}
	if err == nil {
		bureau, err = lb.login(ctx, "gd-bureau")
	}
	if err != nil {
		stop()
		return nil, nil, nil, nil, err
	}
	return lb, ministry, bureau, stop, nil
}

// ledgerKinds sets up the ledger's query kinds.
func (lb *ledgerBench) ledgerKinds(ministry, bureau *benchClient, pools *benchPools, seed int64) {
	rng := rand.New(rand.NewPCG(uint64(seed), 3))
	for _, who := range []struct {
		label  string
		c      *benchClient
		svc    []string
		orgs   []string
		filter bool
	}{
		{"ministry", ministry, pools.services, pools.orgs, true},
		{"bureau", bureau, pools.gdServices, pools.gdOrgs, false},
	} {
		lb.kinds = append(lb.kinds,
			&benchKind{label: "services filter+page · " + who.label, client: who.c, next: func() string { return serviceFilterPath(rng, who.filter) }},
			&benchKind{label: "services search 2 chars · " + who.label, client: who.c, next: func() string {
				return "/api/services?q=" + url.QueryEscape(benchFragment(rng, who.svc, 2, 2)) + "&limit=" + strconv.Itoa(benchPageSize)
			}},
			&benchKind{label: "services search 3-4 chars · " + who.label, client: who.c, next: func() string {
				return "/api/services?q=" + url.QueryEscape(benchFragment(rng, who.svc, 3, 4)) + "&limit=" + strconv.Itoa(benchPageSize)
			}},
			&benchKind{label: "organisations search · " + who.label, client: who.c, next: func() string {
				return "/api/organisations?q=" + url.QueryEscape(benchFragment(rng, who.orgs, 2, 4)) + "&limit=" + strconv.Itoa(benchPageSize)
			}},
		)
	}
}

// serviceFilterPath is a filtered, sorted page of the service list: a random
// mix of category, status and (for the ministry) province, page 1 to 5.
func serviceFilterPath(rng *rand.Rand, province bool) string {
	q := url.Values{}
	if province && rng.IntN(2) == 0 {
		q.Set("province", pinggu.MainlandProvinces()[rng.IntN(31)].Code)
	}
	if rng.IntN(3) > 0 {
		q.Set("category", string(pinggu.Categories[rng.IntN(len(pinggu.Categories))]))
	}
	if rng.IntN(2) == 0 {
		q.Set("status", string(pinggu.ServiceStatuses[rng.IntN(len(pinggu.ServiceStatuses))]))
	}
	q.Set("sort", []string{"name", "updated_at", "created_at"}[rng.IntN(3)])
	if rng.IntN(2) == 0 {
		q.Set("desc", "true")
	}
	q.Set("limit", strconv.Itoa(benchPageSize))
	q.Set("offset", strconv.Itoa(rng.IntN(5)*benchPageSize))
	return "/api/services?" + q.Encode()
}

// benchClient calls the API as one user.
type benchClient struct {
	base   string
	http   *http.Client
	bearer string
}

func (lb *ledgerBench) login(ctx context.Context, username string) (*benchClient, error) {
	jar, _ := cookiejar.New(nil)
	c := &benchClient{base: lb.base, http: &http.Client{Jar: jar, Timeout: time.Minute}}
	body, _ := json.Marshal(map[string]string{"username": username, "password": demo.DemoPassword})
	if _, err := c.do(ctx, "POST", "/api/login", body); err != nil {
		return nil, fmt.Errorf("log in as %s: %w", username, err)
	}
	return c, nil
}

// useToken creates an API token in the session and uses it from then on.
func (c *benchClient) useToken(ctx context.Context) error {
	out, err := c.do(ctx, "POST", "/api/me/tokens", []byte(`{"name":"bench"}`))
	if err != nil {
		return fmt.Errorf("create API token: %w", err)
	}
	var created struct {
		Secret string `json:"secret"`
	}
	if err := json.Unmarshal(out, &created); err != nil || !strings.HasPrefix(created.Secret, "pgt_") {
		return fmt.Errorf("create API token: unexpected answer %.200s", out)
	}
	c.bearer, c.http.Jar = created.Secret, nil
	return nil
}

func (c *benchClient) do(ctx context.Context, method, path string, body []byte) ([]byte, error) {
	req, err := http.NewRequestWithContext(ctx, method, c.base+path, bytes.NewReader(body))
	if err != nil {
		return nil, err
	}
	if body != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	if c.bearer != "" {
		req.Header.Set("Authorization", "Bearer "+c.bearer)
	}
	res, err := c.http.Do(req)
	if err != nil {
		return nil, err
	}
	defer res.Body.Close()
	out, err := io.ReadAll(res.Body)
	if err != nil {
		return nil, err
	}
	if res.StatusCode/100 != 2 {
		return nil, fmt.Errorf("%s %s: %s: %.300s", method, path, res.Status, out)
	}
	return out, nil
}

// benchPools are real generated names to search for: over the whole ledger
// for the ministry, and in Guangdong for the bureau officer.
type benchPools struct {
	services, orgs, gdServices, gdOrgs []string
}

func newBenchPools(d *pinggu.Dataset, rng *rand.Rand) *benchPools {
	const size = 2000
	p := &benchPools{}
	province := make(map[int64]string, len(d.Organisations))
	for _, o := range d.Organisations {
		province[o.ID] = o.Province
	}
	sample := func(n int, name func(i int) (string, bool), all, gd *[]string) {
		for range size * 4 {
			s, inGD := name(rng.IntN(n))
			if len(*all) < size {
				*all = append(*all, s)
			}
			if inGD && len(*gd) < size {
				*gd = append(*gd, s)
			}
		}
	}
	sample(len(d.Services), func(i int) (string, bool) {
		s := d.Services[i]
		return s.Name, province[s.OrgID] == "440000"
	}, &p.services, &p.gdServices)
	sample(len(d.Organisations), func(i int) (string, bool) {
		o := d.Organisations[i]
		return strings.TrimSuffix(strings.TrimSuffix(o.Name, "有限公司"), "股份"), o.Province == "440000"
	}, &p.orgs, &p.gdOrgs)
	return p
}

// benchFragment is a run of min to max Chinese characters from a random name in
// pool, as an officer would type part of a name into the search box.
func benchFragment(rng *rand.Rand, pool []string, lo, hi int) string {
	if len(pool) == 0 {
		return "云帆"
	}
	for range 10000 {
		r := []rune(pool[rng.IntN(len(pool))])
		k := lo + rng.IntN(hi-lo+1)
		if len(r) < k {
			continue
		}
		i := rng.IntN(len(r) - k + 1)
		f := r[i : i+k]
		if !slices.ContainsFunc(f, func(c rune) bool { return !unicode.Is(unicode.Han, c) }) {
			return string(f)
		}
	}
	return pool[0]
}

// printBenchTable prints the figures of every database side by side, with
// the targets and whether each was met.
func printBenchTable(w io.Writer, what string, scale demo.Scale, n int, results []*benchResult) {
	target := benchQueryTarget.String()
	if len(results[0].kinds) > 0 {
		target = results[0].kinds[0].targetP95().String()
	}
	fmt.Fprintf(w, "\n%s benchmark, scale %s, %d requests per query kind (targets: load < %s, p95 < %s)\n\n",
		strings.ToUpper(what[:1])+what[1:], scale.Name, n, benchLoadTarget, target)
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	head := []string{""}
	sub := []string{"query"}
	for _, r := range results {
		head = append(head, r.db, "", "", "")
		sub = append(sub, "median", "p95", "max", "target")
	}
	fmt.Fprintln(tw, strings.Join(head, "\t"))
	row := []string{"load"}
	for _, r := range results {
		if r.load == 0 { // a kept database, reused
			row = append(row, "kept", "", strconv.Itoa(r.rows)+" rows", "")
			continue
		}
		rate := float64(r.rows) / r.load.Seconds()
		row = append(row, r.load.Round(100*time.Millisecond).String(), fmt.Sprintf("%.0f rows/s", rate), strconv.Itoa(r.rows)+" rows", benchVerdict(r.load < benchLoadTarget, 0))
	}
	fmt.Fprintln(tw, strings.Join(row, "\t"))
	// A reused database runs only the last phases: align them at the end.
	phases := slices.MaxFunc(results, func(a, b *benchResult) int { return len(a.phases) - len(b.phases) }).phases
	for i, ph := range phases {
		row := []string{ph.label}
		for _, r := range results {
			j := i - (len(phases) - len(r.phases))
			if j < 0 {
				row = append(row, "-", "", "", "")
				continue
			}
			p := r.phases[j]
			row = append(row, p.dur.Round(10*time.Millisecond).String(), "", "", benchVerdict(p.dur < p.target, 0)+" (< "+p.target.String()+")")
		}
		fmt.Fprintln(tw, strings.Join(row, "\t"))
	}
	fmt.Fprintln(tw, strings.Join(sub, "\t"))
	for i, k := range results[0].kinds {
		row := []string{k.label}
		for _, r := range results {
			k := r.kinds[i]
			if len(k.lat) == 0 {
				row = append(row, "-", "-", "-", benchVerdict(false, k.errors))
				continue
			}
			lat := slices.Clone(k.lat)
			slices.Sort(lat)
			p95 := lat[(len(lat)*95+99)/100-1]
			row = append(row, benchMS(lat[len(lat)/2]), benchMS(p95), benchMS(lat[len(lat)-1]), benchVerdict(p95 < k.targetP95(), k.errors))
		}
		fmt.Fprintln(tw, strings.Join(row, "\t"))
	}
	tw.Flush()
}

func benchMS(d time.Duration) string {
	return fmt.Sprintf("%.1fms", float64(d)/float64(time.Millisecond))
}

func benchVerdict(ok bool, errs int) string {
	switch {
	case errs > 0:
		return fmt.Sprintf("FAIL (%d errors)", errs)
	case ok:
		return "PASS"
	}
	return "FAIL"
}
