package main

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/pinggu/pinggu/detect"
	"github.com/pinggu/pinggu/detect/benchdata"
)

// BenchmarkScanCLI runs pinggu scan --format jsonl in process on a dense
// text file of the bench corpus, output discarded: the CLI's own cost
// beside the engine's (compare BenchmarkScanEngine), without start-up.
func BenchmarkScanCLI(b *testing.B) {
	file, pack, _ := cliBenchFiles(b)
	env := &cliEnv{stdin: strings.NewReader(""), stdout: io.Discard, stderr: io.Discard}
	b.ResetTimer()
	for range b.N {
		if code := cmdScan(context.Background(), env, []string{"--no-builtin", "--rules", pack, "--format", "jsonl", file}); code != 0 {
			b.Fatalf("exit %d", code)
		}
	}
}

// BenchmarkScanEngine is Scan on the same file in memory, the rule set
// compiled once.
func BenchmarkScanEngine(b *testing.B) {
	_, _, data := cliBenchFiles(b)
	m, err := detect.Compile(&detect.RulePack{Name: "bench", Version: "1", Rules: cliBenchRules()})
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(data)))
	b.ResetTimer()
	for range b.N {
		m.Scan(data)
	}
}

func cliBenchRules() []detect.Rule {
	terms := benchdata.Terms(10000, 1)
	var rules []detect.Rule
	for i := 0; i < len(terms); i += 100 {
		rules = append(rules, detect.Rule{ID: fmt.Sprintf("r%d", i/100), Category: "bench", Severity: "high", Terms: terms[i:min(i+100, len(terms))]})
	}
	return rules
}

func cliBenchFiles(b *testing.B) (file, pack string, data []byte) {
	b.Helper()
	dir := b.TempDir()
	rules := cliBenchRules()
	var terms []string
	for _, r := range rules {
		terms = append(terms, r.Terms...)
	}
	var text bytes.Buffer
	for _, d := range benchdata.Corpus(16<<20, terms, 2) {
		if !detect.LooksLikeHTML(d) {
			text.Write(d)
		}
	}
	file = filepath.Join(dir, "corpus.txt")
	if err := os.WriteFile(file, text.Bytes(), 0o644); err != nil {
		b.Fatal(err)
	}
	var p strings.Builder
	p.WriteString("name: bench\nversion: \"1\"\nrules:\n")
	for _, r := range rules {
		fmt.Fprintf(&p, "  - id: %s\n    category: %s\n    severity: %s\n    terms: [%s]\n", r.ID, r.Category, r.Severity, strings.Join(r.Terms, ", "))
	}
	pack = filepath.Join(dir, "bench.yaml")
	if err := os.WriteFile(pack, []byte(p.String()), 0o644); err != nil {
		b.Fatal(err)
	}
	return file, pack, text.Bytes()
}
