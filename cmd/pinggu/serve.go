package main

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"time"

	"github.com/pinggu/pinggu/jobs"
	"github.com/pinggu/pinggu/store"
	"github.com/pinggu/pinggu/web"
)

func init() {
	register("serve", "run the web server and background workers", cmdServe)
	register("worker", "run background workers only (add processes to share the work)", cmdWorker)
}

func cmdServe(ctx context.Context, env *cliEnv, args []string) int {
	var df dbFlags
	var deliver deliveryFlags
	var pf patrolFlags
	var kf auditKeyFlags
	var wf webFlags
	fs := newFlagSet(env, "serve", "serve [flags]")
	df.register(fs)
	wf.register(fs)
	deliver.register(fs)
	pf.register(fs)
	kf.register(fs, true)
	addr := fs.String("addr", envOr("PINGGU_ADDR", "127.0.0.1:8080"), "address to listen on (env PINGGU_ADDR)")
	demoFlag := fs.Bool("demo", false, "load the demo dataset into an empty database and print the demo accounts")
	noWorker := fs.Bool("no-worker", false, "serve only; leave background jobs to 'pinggu worker' processes")
	tlsCert := fs.String("tls-cert", envOr("PINGGU_TLS_CERT", ""), "TLS certificate file; with --tls-key serves HTTPS (env PINGGU_TLS_CERT)")
	tlsKey := fs.String("tls-key", envOr("PINGGU_TLS_KEY", ""), "TLS key file (env PINGGU_TLS_KEY)")
	secure := fs.Bool("secure-cookies", envOr("PINGGU_SECURE_COOKIES", "") == "true", "mark cookies Secure; set when a TLS proxy stands in front (env PINGGU_SECURE_COOKIES=true)")
	cpuProfile := fs.String("cpu-profile", "", "write a CPU profile of the whole run to this file when the server stops (for bench load --profile)")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if *cpuProfile != "" {
		stop, err := startCPUProfile(*cpuProfile)
		if err != nil {
			return fail(env, "serve", fmt.Errorf("--cpu-profile: %w", err))
		}
		defer stop()
	}
	if (*tlsCert == "") != (*tlsKey == "") {
		return fail(env, "serve", errors.New("--tls-cert and --tls-key go together"))
	}
	if err := wf.parse(); err != nil {
		return fail(env, "serve", err)
	}
	jobOpts, err := deliver.apply(jobs.Options{})
	if err == nil && !*noWorker {
		jobOpts, err = kf.jobOptions(&df, env.stderr, jobOpts)
	}
	if err != nil {
		return fail(env, "serve", err)
	}
	log, err := df.logger(env.stderr)
	if err != nil {
		return fail(env, "serve", err)
	}
	db, err := df.open(ctx, log)
	if err != nil {
		return fail(env, "serve", err)
	}
	defer db.Close()

	if jobOpts.Patrol, err = pf.options(db); err != nil {
		return fail(env, "serve", err)
	}
	if *demoFlag {
		site, err := startDemoSite(env, &jobOpts.Patrol)
		if err != nil {
			return fail(env, "serve", err)
		}
		defer site.Close()
		if err := loadDemo(ctx, env, db, "demo", site); err != nil {
			return fail(env, "serve", err)
		}
	}

	var runner *jobs.Runner
	if !*noWorker {
		jobOpts.Logger = log
		if runner, err = jobs.Start(ctx, db, jobOpts); err != nil {
			return fail(env, "serve", err)
		}
	}

	wo := webOptions(db, log, *secure || *tlsCert != "")
	wf.set(&wo)
	srv, err := web.NewServer(wo)
	if err != nil {
		return fail(env, "serve", err)
	}
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		return fail(env, "serve", fmt.Errorf("--addr: %w", err))
	}
	hs := &http.Server{
		Handler:           srv,
		ReadHeaderTimeout: 10 * time.Second,
		ReadTimeout:       5 * time.Minute, // uploads of evidence and imports
		WriteTimeout:      5 * time.Minute, // large exports
		IdleTimeout:       2 * time.Minute,
	}
	scheme := "http"
	if *tlsCert != "" {
		scheme = "https"
	}
	fmt.Fprintf(env.stdout, "pinggu %s serving at %s://%s/ (database: %s)\n", appVersion(), scheme, ln.Addr(), db.Dialect())
	log.Info("serving", "addr", ln.Addr().String(), "database", db.Dialect(), "worker", !*noWorker)

	errc := make(chan error, 1)
	go func() {
		if *tlsCert != "" {
			errc <- hs.ServeTLS(ln, *tlsCert, *tlsKey)
		} else {
			errc <- hs.Serve(ln)
		}
	}()
	select {
	case err = <-errc:
	case <-ctx.Done():
		log.Info("shutting down")
		sctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
		defer cancel()
		err = hs.Shutdown(sctx)
	}
	if runner != nil {
		sctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
		defer cancel()
		if serr := runner.Stop(sctx); serr != nil {
			log.Warn("stopping workers", "err", serr)
		}
	}
	if err != nil && !errors.Is(err, http.ErrServerClosed) {
		return fail(env, "serve", err)
	}
	return 0
}

// webOptions wires the store's services into the web server.
func webOptions(db *store.DB, log *slog.Logger, secure bool) web.Options {
	return web.Options{
		Services:      db.Services(),
		Health:        db.Ping,
		Logger:        log,
		SecureCookies: secure,
		Version:       appVersion(),
	}
}

func cmdWorker(ctx context.Context, env *cliEnv, args []string) int {
	var df dbFlags
	var deliver deliveryFlags
	var pf patrolFlags
	var kf auditKeyFlags
	fs := newFlagSet(env, "worker", "worker [flags]")
	df.register(fs)
	deliver.register(fs)
	pf.register(fs)
	kf.register(fs, true)
	n := fs.Int("jobs", 4, "jobs worked at once by this process")
	cpuProfile := fs.String("cpu-profile", "", "write a CPU profile of this process to the file until it stops (bench patrol)")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if *cpuProfile != "" {
		stop, err := startCPUProfile(*cpuProfile)
		if err != nil {
			return fail(env, "worker", err)
		}
		defer stop()
	}
	jobOpts, err := deliver.apply(jobs.Options{Workers: *n})
	if err == nil {
		jobOpts, err = kf.jobOptions(&df, env.stderr, jobOpts)
	}
	if err != nil {
		return fail(env, "worker", err)
	}
	log, err := df.logger(env.stderr)
	if err != nil {
		return fail(env, "worker", err)
	}
	db, err := df.open(ctx, log)
	if err != nil {
		return fail(env, "worker", err)
	}
	defer db.Close()
	if jobOpts.Patrol, err = pf.options(db); err != nil {
		return fail(env, "worker", err)
	}
	jobOpts.Logger = log
	runner, err := jobs.Start(ctx, db, jobOpts)
	if err != nil {
		return fail(env, "worker", err)
	}
	fmt.Fprintf(env.stdout, "pinggu worker running (%s); stop with Ctrl-C\n", db.Dialect())
	<-ctx.Done()
	sctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	if err := runner.Stop(sctx); err != nil {
		return fail(env, "worker", err)
	}
	return 0
}

// migrateJobs brings the job queue's tables up to date.
func migrateJobs(ctx context.Context, db *store.DB) error {
	return jobs.Migrate(ctx, db)
}
