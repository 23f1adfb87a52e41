package main

import (
	"bytes"
	"context"
	"math/rand/v2"
	"os"
	"regexp"
	"strings"
	"testing"

	"github.com/pinggu/pinggu"
	"github.com/pinggu/pinggu/demo"
	"github.com/pinggu/pinggu/store"
)

// benchKindLabels are the rows an operator reads in the bench table.
var benchKindLabels = []string{
	"services filter+page · ministry", "services search 2 chars · ministry", "services search 3-4 chars · ministry", "organisations search · ministry",
	"services filter+page · bureau", "services search 2 chars · bureau", "services search 3-4 chars · bureau", "organisations search · bureau",
}

func TestBenchLedgerPrintsEveryQueryKind(t *testing.T) {
	args := []string{"bench", "ledger", "--scale", "demo", "--queries", "5"}
	dbs := []string{"SQLite"}
	if u := os.Getenv("PINGGU_TEST_POSTGRES_URL"); u != "" {
		// A database of its own, so a bench run by hand on the same server
		// is left alone.
		args = append(args, "--postgres", u, "--postgres-db", "pinggu_bench_test")
		dbs = append(dbs, "PostgreSQL")
	} else {
		args = append(args, "--postgres", "") // whatever PINGGU_BENCH_POSTGRES_URL says
	}
	var stdout, stderr bytes.Buffer
	if code := runCLI(context.Background(), &cliEnv{stdin: strings.NewReader(""), stdout: &stdout, stderr: &stderr}, args); code != 0 {
		t.Fatalf("bench ledger exited %d\nstdout:\n%s\nstderr:\n%s", code, &stdout, &stderr)
	}
	out := stdout.String()
	if !regexp.MustCompile(`(?m)^\s*` + strings.Join(dbs, `\s+`) + `\s*$`).MatchString(out) {
		t.Fatalf("the table has no column for each of %v:\n%s", dbs, out)
	}
	load := `(?m)^load` + strings.Repeat(`\s+[0-9.hms]+\s+\d+ rows/s\s+\d+ rows\s+(PASS|FAIL)`, len(dbs)) + `\s*$`
	if !regexp.MustCompile(load).MatchString(out) {
		t.Fatalf("no load row with a time, a rate and a verdict per database:\n%s", out)
	}
	for _, label := range benchKindLabels {
		row := `(?m)^` + regexp.QuoteMeta(label) + strings.Repeat(`\s+\d+\.\dms\s+\d+\.\dms\s+\d+\.\dms\s+(PASS|FAIL)`, len(dbs)) + `\s*$`
		if !regexp.MustCompile(row).MatchString(out) {
			t.Fatalf("no row %q with median, p95, max and a verdict per database:\n%s", label, out)
		}
	}
	if !strings.Contains(stderr.String(), "loaded in") {
		t.Fatalf("no progress on stderr:\n%s", &stderr)
	}
}

func TestBenchLedgerRefusesBadArguments(t *testing.T) {
	for _, args := range [][]string{
		{"bench"},
		{"bench", "services"},
		{"bench", "ledger", "--scale", "huge"},
		{"bench", "ledger", "--queries", "0"},
		{"bench", "ledger", "--postgres-db", "pinggu; DROP DATABASE x"},
	} {
		var stdout, stderr bytes.Buffer
		if code := runCLI(context.Background(), &cliEnv{stdin: strings.NewReader(""), stdout: &stdout, stderr: &stderr}, args); code == 0 {
			t.Fatalf("%v exited 0, want an error", args)
		}
		if stderr.Len() == 0 {
			t.Fatalf("%v printed nothing on stderr", args)
		}
	}
}

// BenchmarkLedgerAPI times the bench command's queries through the real HTTP
// server over a ledger of a thousand enterprises and ten thousand services.
func BenchmarkLedgerAPI(b *testing.B) {
	ctx := context.Background()
	db, err := store.Open(ctx, store.Config{DataDir: b.TempDir()})
	if err != nil {
		b.Fatal(err)
	}
	defer db.Close()
	d := demo.Generate(demo.Scale{Name: "bench", Enterprises: 1000, Services: 10000}, 1)
	pools := newBenchPools(d, rand.New(rand.NewPCG(1, 2)))
	if err := db.LoadDataset(pinggu.WithActor(ctx, pinggu.SystemActor), d, func(int, int) {}); err != nil {
		b.Fatal(err)
	}
	lb, stop, err := startLedgerBench(ctx, db, pools, 1)
	if err != nil {
		b.Fatal(err)
	}
	defer stop()
	name := strings.NewReplacer(" · ", "/", " ", "_")
	for _, k := range lb.kinds {
		b.Run(name.Replace(k.label), func(b *testing.B) {
			for b.Loop() {
				if _, err := k.run(ctx); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// bench load starts real servers (this test binary standing in for pinggu,
// see TestMain), loads them over HTTP and prints every phase with
// throughput and percentiles, and the login flood with the server's memory.
func TestBenchLoadPrintsEveryPhase(t *testing.T) {
	if testing.Short() {
		t.Skip("starts servers")
	}
	args := []string{"bench", "load", "--duration", "1s", "--clients", "4", "--flood", "2s", "--flood-clients", "4"}
	cols := 1
	if u := os.Getenv("PINGGU_TEST_POSTGRES_URL"); u != "" {
		args = append(args, "--postgres", u, "--postgres-db", "pinggu_load_test")
		cols = 2
	} else {
		args = append(args, "--postgres", "")
	}
	var stdout, stderr bytes.Buffer
	if code := runCLI(context.Background(), &cliEnv{stdin: strings.NewReader(""), stdout: &stdout, stderr: &stderr}, args); code != 0 {
		t.Fatalf("bench load exited %d\nstdout:\n%s\nstderr:\n%s", code, &stdout, &stderr)
	}
	out := stdout.String()
	cell := `\s+\d+\s+\d+\.\dms\s+\d+\.\dms\s+\d+\.\dms\s+0\s+PASS`
	for _, row := range []string{`writes\s+4\s+write`, `mixed 80/20\s+4\s+write`, `mixed 80/20\s+4\s+read`} {
		if !regexp.MustCompile(`(?m)^` + row + strings.Repeat(cell, cols) + `\s*$`).MatchString(out) {
			t.Fatalf("no row %q with figures for each of %d targets:\n%s", row, cols, out)
		}
	}
	// The CPU each part spent per request, PostgreSQL's own when it runs
	// on this machine, with the load average.
	cpu := regexp.MustCompile(`(?m)^(SQLite\s+(writes|mixed 80/20)\s+4\s+\d+\s+\d+\.\d\d\s+–|PostgreSQL, 2 nodes\s+(writes|mixed 80/20)\s+4\s+\d+\s+\d+\.\d\d\s+\d+\.\d\d)\s+\d+\.\d\d\s+\d+\.\d+ \d+\.\d+ \d+\.\d+\s*$`)
	if got := len(cpu.FindAllString(out, -1)); got != 2*cols {
		t.Fatalf("CPU rows: %d, want %d\n%s", got, 2*cols, out)
	}
	flood := regexp.MustCompile(`(?m)^(SQLite|PostgreSQL, 2 nodes)\s+127\.0\.0\.\S+.*\d+ MB\s+\d+ MB\s+\d+\.\dms\s+\d+\.\dms`)
	if got := len(flood.FindAllString(out, -1)); got != cols {
		t.Fatalf("login flood rows with memory and login times: %d, want %d\n%s", got, cols, out)
	}
}
