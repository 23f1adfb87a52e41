package main

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"time"
)

// loopbackURL reports whether raw is an http(s) URL of this machine: the
// load is never sent anywhere else.
func loopbackURL(raw string) bool {
	u, err := url.Parse(raw)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") {
		return false
	}
	h := u.Hostname()
	if h == "localhost" {
		return true
	}
	ip := net.ParseIP(h)
	return ip != nil && ip.IsLoopback()
}

// servingLine is what `pinggu serve` prints once it listens.
var servingLine = regexp.MustCompile(`serving at (https?://\S+?)/? \(database`)

// benchNode is a `pinggu serve` process started by the bench.
type benchNode struct {
	cmd  *exec.Cmd
	base string
	logf *os.File
}

// startNode runs this binary's serve command on a free loopback port and
// waits until it answers /healthz. The child's log goes to a file beside
// the data, shown if it fails.
func startNode(ctx context.Context, exe, logPath string, args ...string) (*benchNode, error) {
	lf, err := os.Create(logPath)
	if err != nil {
		return nil, err
	}
	cmd := exec.Command(exe, append([]string{"serve", "--addr", "127.0.0.1:0", "--log-level", "warn"}, args...)...)
	cmd.Env = append(os.Environ(), "PINGGU_RUN_AS_CLI=1")
	cmd.Stderr = lf
	out, err := cmd.StdoutPipe()
	if err != nil {
		lf.Close()
		return nil, err
	}
	if err := cmd.Start(); err != nil {
		lf.Close()
		return nil, err
	}
	n := &benchNode{cmd: cmd, logf: lf}
	found := make(chan string, 1)
	go func() {
		sc := bufio.NewScanner(out)
		for sc.Scan() {
			if m := servingLine.FindStringSubmatch(sc.Text()); m != nil {
				select {
				case found <- m[1]:
				default:
				}
			}
		}
	}()
	exited := make(chan error, 1)
	go func() { exited <- cmd.Wait() }()
	select {
	case n.base = <-found:
	case err := <-exited:
		lf.Close()
		return nil, fmt.Errorf("serve exited before listening (%v): %s", err, tail(logPath))
	case <-time.After(5 * time.Minute):
		n.stop()
		return nil, fmt.Errorf("serve did not listen within 5 minutes: %s", tail(logPath))
	case <-ctx.Done():
		n.stop()
		return nil, ctx.Err()
	}
	for deadline := time.Now().Add(time.Minute); ; {
		res, err := http.Get(n.base + "/healthz")
		if err == nil {
			res.Body.Close()
			if res.StatusCode == http.StatusOK {
				return n, nil
			}
		}
		if time.Now().After(deadline) {
			n.stop()
			return nil, fmt.Errorf("%s/healthz does not answer 200: %v", n.base, err)
		}
		time.Sleep(100 * time.Millisecond)
	}
}

// stop ends the node with SIGINT, as an operator would, and waits a while
// for it to shut down.
func (n *benchNode) stop() {
	if n.cmd.Process != nil {
		n.cmd.Process.Signal(os.Interrupt)
		done := make(chan struct{})
		go func() { n.cmd.Process.Wait(); close(done) }()
		select {
		case <-done:
		case <-time.After(30 * time.Second):
			n.cmd.Process.Kill()
		}
	}
	n.logf.Close()
}

// tail returns the last lines of a log file, for an error message.
func tail(path string) string {
	b, _ := os.ReadFile(path)
	s := strings.TrimSpace(string(b))
	if len(s) > 2000 {
		s = "…" + s[len(s)-2000:]
	}
	return s
}

// loadDemoData runs `pinggu demo` with args and waits for it: the servers
// then start on a loaded database, as they do in service, and their memory
// is not the loader's.
func loadDemoData(ctx context.Context, exe, logPath string, args ...string) error {
	lf, err := os.Create(logPath)
	if err != nil {
		return err
	}
	defer lf.Close()
	cmd := exec.CommandContext(ctx, exe, append([]string{"demo", "--log-level", "warn"}, args...)...)
	cmd.Env = append(os.Environ(), "PINGGU_RUN_AS_CLI=1")
	cmd.Stdout, cmd.Stderr = lf, lf
	if err := cmd.Run(); err != nil {
		return fmt.Errorf("pinggu demo: %v: %s", err, tail(logPath))
	}
	return nil
}

// startSQLiteTarget loads the demo into a new SQLite database and runs one
// `pinggu serve` on it, workers included, as an installation on one
// machine runs.
func startSQLiteTarget(ctx context.Context, log io.Writer, exe, profileDir string) (*loadTarget, error) {
	dir, err := os.MkdirTemp("", "pinggu-load-")
	if err != nil {
		return nil, err
	}
	fmt.Fprintf(log, "[SQLite] loading the demo and starting serve in %s…\n", dir)
	err = loadDemoData(ctx, exe, dir+"/demo.log", "--data", dir+"/data")
	var n *benchNode
	if err == nil {
		n, err = startNode(ctx, exe, dir+"/serve.log", append(profileArgs(profileDir, "sqlite.pprof"), "--data", dir+"/data")...)
	}
	if err != nil {
		os.RemoveAll(dir)
		return nil, fmt.Errorf("SQLite: %w", err)
	}
	return &loadTarget{name: "SQLite", bases: []string{n.base}, pids: []int{n.cmd.Process.Pid}, stop: func() {
		n.stop()
		os.RemoveAll(dir)
	}}, nil
}

// startPostgresTarget recreates the bench database, loads the demo and
// runs two web nodes on it (`serve --no-worker`).
func startPostgresTarget(ctx context.Context, log io.Writer, exe, raw, name, profileDir string) (*loadTarget, error) {
	dbURL, err := recreateBenchDB(ctx, raw, name, true)
	if err != nil {
		return nil, fmt.Errorf("PostgreSQL: %w", err)
	}
	dir, err := os.MkdirTemp("", "pinggu-load-pg-")
	if err != nil {
		return nil, err
	}
	fmt.Fprintf(log, "[PostgreSQL] starting two serve --no-worker nodes on database %s…\n", name)
	cleanup := func(nodes ...*benchNode) {
		for _, n := range nodes {
			n.stop()
		}
		os.RemoveAll(dir)
		recreateBenchDB(context.Background(), raw, name, false)
	}
	if err := loadDemoData(ctx, exe, dir+"/demo.log", "--database-url", dbURL, "--data", dir+"/demo"); err != nil {
		cleanup()
		return nil, fmt.Errorf("PostgreSQL: %w", err)
	}
	a, err := startNode(ctx, exe, dir+"/serve-a.log", append(profileArgs(profileDir, "postgres-node1.pprof"), "--no-worker", "--database-url", dbURL, "--data", dir+"/a")...)
	if err != nil {
		cleanup()
		return nil, fmt.Errorf("PostgreSQL node 1: %w", err)
	}
	b, err := startNode(ctx, exe, dir+"/serve-b.log", append(profileArgs(profileDir, "postgres-node2.pprof"), "--no-worker", "--database-url", dbURL, "--data", dir+"/b")...)
	if err != nil {
		cleanup(a)
		return nil, fmt.Errorf("PostgreSQL node 2: %w", err)
	}
	return &loadTarget{name: "PostgreSQL, 2 nodes", bases: []string{a.base, b.base}, pids: []int{a.cmd.Process.Pid, b.cmd.Process.Pid},
		backends: pgBackends(raw, name), stop: func() { cleanup(a, b) }}, nil
}

// profileArgs asks a node for a CPU profile in dir, when one is given.
func profileArgs(dir, file string) []string {
	if dir == "" {
		return nil
	}
	return []string{"--cpu-profile", filepath.Join(dir, file)}
}
