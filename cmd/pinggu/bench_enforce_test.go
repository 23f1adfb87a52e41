package main

import (
	"bytes"
	"context"
	"os"
	"regexp"
	"strings"
	"testing"
)

// runBenchOnEach runs a bench command on SQLite and, when a test server
// is set, on its database pgDB as well, and returns what it printed and
// the number of databases.
func runBenchOnEach(t *testing.T, pgDB string, args ...string) (string, int) {
	t.Helper()
	dbs := 1
	if u := os.Getenv("PINGGU_TEST_POSTGRES_URL"); u != "" {
		args = append(args, "--postgres", u, "--postgres-db", pgDB)
		dbs = 2
	} else {
		args = append(args, "--postgres", "") // whatever PINGGU_BENCH_POSTGRES_URL says
	}
	var stdout, stderr bytes.Buffer
	if code := runCLI(context.Background(), &cliEnv{stdin: strings.NewReader(""), stdout: &stdout, stderr: &stderr}, args); code != 0 {
		t.Fatalf("%v exited %d\nstdout:\n%s\nstderr:\n%s", args, code, &stdout, &stderr)
	}
	return stdout.String(), dbs
}

// The enforcement bench prints its phases with their verdicts and every
// query kind with median, p95, max and a verdict, on each database.
func TestBenchEnforcementPrintsEveryPhaseAndQuery(t *testing.T) {
	out, dbs := runBenchOnEach(t, "pinggu_bench_enf_test", "bench", "enforcement", "--scale", "demo", "--queries", "3", "--orders", "500", "--bad-records", "200")
	for _, phase := range []string{`load 500 orders, 200 bad records`, `open \d+ annual dossiers`, `daily deadline job \(\d+ overdue, \d+ proposed, \d+ dossiers\)`} {
		row := `(?m)^` + phase + strings.Repeat(`\s+[0-9.]+m?s\s+(PASS|FAIL) \(< [0-9ms]+\)`, dbs) + `\s*$`
		if !regexp.MustCompile(row).MatchString(out) {
			t.Errorf("no phase row %q per database:\n%s", phase, out)
		}
	}
	for _, label := range []string{"annual board · bureau", "annual board · ministry", "register search by enterprise · bureau",
		"register search by enterprise · ministry", "register by kind and period · ministry", "register of one enterprise · bureau",
		"register of one enterprise · ministry", "orders by state · bureau"} {
		row := `(?m)^` + regexp.QuoteMeta(label) + strings.Repeat(`\s+\d+\.\dms\s+\d+\.\dms\s+\d+\.\dms\s+(PASS|FAIL)`, dbs) + `\s*$`
		if !regexp.MustCompile(row).MatchString(out) {
			t.Errorf("no row %q per database:\n%s", label, out)
		}
	}
}
