// Command detectbench compares, in one run and on the same generated rule
// set and corpus, the throughput of the detect engine (every normalisation
// on) with Go Aho–Corasick libraries matching the raw terms.
package main

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"runtime/pprof"
	"strings"
	"syscall"
	"time"

	bobu "github.com/BobuSumisu/aho-corasick"
	cloudflare "github.com/cloudflare/ahocorasick"
	petar "github.com/petar-dambovaliev/aho-corasick"

	"github.com/pinggu/pinggu/detect"
	"github.com/pinggu/pinggu/detect/benchdata"
)

type contender struct {
	name       string
	positional bool // reports where each match is
	build      func() func(doc int) int
}

func main() {
	nTerms := flag.Int("terms", 10000, "terms in the rule set")
	size := flag.Int("size", 8<<20, "corpus bytes")
	rounds := flag.Int("rounds", 7, "passes over the corpus per contender, taken in turns; the best counts")
	mix := flag.Float64("common", 0.5, "share of common characters in the terms (higher: text starts terms more often)")
	compileTerms := flag.Int("compile", 100000, "terms for the compile-time measurement (0 to skip)")
	fileSize := flag.Int("file", 128<<20, "bytes of the text file for Scan, ScanReader and the CLI (0 to skip)")
	profile := flag.String("cpuprofile", "", "write a CPU profile of the engine's passes to this file")
	keep := flag.String("keep", "", "write the text file, the rule pack and the CLI to this directory and keep them (to profile the CLI alone)")
	flag.Parse()

	terms := benchdata.TermsMix(*nTerms, 1, *mix)
	docs := benchdata.Corpus(*size, terms, 2)
	strs := make([]string, len(docs))
	total, html := 0, 0
	for i, d := range docs {
		strs[i] = string(d)
		total += len(d)
		if detect.LooksLikeHTML(d) {
			html++
		}
	}
	fmt.Printf("corpus: %d documents (%d HTML), %.1f MiB; rule set: %d terms (%.0f%% common characters); GOMAXPROCS=%d, %s\n\n",
		len(docs), html, float64(total)/(1<<20), len(terms), *mix*100, runtime.GOMAXPROCS(0), runtime.Version())

	// Each contender is built just before its passes and dropped after, so
	// no one pays for scanning another's heap during garbage collection.
	cs := []contender{
		{name: "pinggu detect (full normalisation, HTML, context)", positional: true, build: func() func(int) int {
			m, err := detect.Compile(&detect.RulePack{Name: "bench", Version: "1", Rules: rulesOf(terms)})
			if err != nil {
				fmt.Fprintln(os.Stderr, err)
				os.Exit(1)
			}
			return func(i int) int { return len(m.Scan(docs[i]).Findings) }
		}},
		{name: "BobuSumisu/aho-corasick", positional: true, build: func() func(int) int {
			t := bobu.NewTrieBuilder().AddStrings(terms).Build()
			return func(i int) int { return len(t.Match(docs[i])) }
		}},
		{name: "petar-dambovaliev/aho-corasick (DFA)", positional: true, build: func() func(int) int {
			b := petar.NewAhoCorasickBuilder(petar.Opts{MatchKind: petar.StandardMatch, DFA: true})
			t := b.Build(terms)
			return func(i int) int { return len(t.FindAll(strs[i])) }
		}},
		{name: "cloudflare/ahocorasick (no positions)", build: func() func(int) int {
			t := cloudflare.NewStringMatcher(terms)
			return func(i int) int { return len(t.Match(docs[i])) }
		}},
	}
	// The machine may be shared: the contenders take turns, a pass each,
	// round after round, so that a busy spell weighs on all of them, and
	// each one's best pass counts. Each is built just before its pass and
	// dropped after, so no one pays for scanning another's heap during
	// garbage collection.
	best := make([]time.Duration, len(cs))
	bestWall := make([]time.Duration, len(cs))
	counts := make([]int, len(cs))
	for k := range cs {
		best[k], bestWall[k] = 1<<62, 1<<62
	}
	if *profile != "" {
		if f, err := os.Create(*profile); err == nil {
			defer f.Close()
			defer pprof.StopCPUProfile()
			pprof.StartCPUProfile(f)
			// Only the engine's passes are profiled: the peers run after.
			for range *rounds {
				scan := cs[0].build()
				runtime.GC()
				for i := range docs {
					scan(i)
				}
			}
			pprof.StopCPUProfile()
		}
	}
	for range *rounds {
		for k, c := range cs {
			scan := c.build()
			runtime.GC()
			n := 0
			c0, t0 := cpuTime(), time.Now()
			for i := range docs {
				n += scan(i)
			}
			best[k] = min(best[k], cpuTime()-c0)
			bestWall[k] = min(bestWall[k], time.Since(t0))
			counts[k] = n
		}
	}
	speeds := make([]float64, len(cs))
	wall := make([]float64, len(cs))
	for k := range cs {
		speeds[k] = float64(total) / best[k].Seconds() / 1e6
		wall[k] = float64(total) / bestWall[k].Seconds() / 1e6
	}
	fastest := 0.0
	for k, c := range cs[1:] {
		if c.positional && speeds[k+1] > fastest {
			fastest = speeds[k+1]
		}
	}
	fmt.Printf("%-52s %10s %10s %10s %s\n", "contender", "MB/s(cpu)", "MB/s(wall)", "matches", "ratio to fastest positional peer (cpu)")
	for k, c := range cs {
		fmt.Printf("%-52s %10.1f %10.1f %10d %.2f\n", c.name, speeds[k], wall[k], counts[k], speeds[k]/fastest)
	}

	if *fileSize > 0 {
		if err := fileRun(terms, docs, *fileSize, max(1, *rounds/2), *keep); err != nil {
			fmt.Fprintln(os.Stderr, "detectbench:", err)
			os.Exit(1)
		}
	}

	if *compileTerms > 0 {
		big := benchdata.Terms(*compileTerms, 3)
		runtime.GC()
		var before, after runtime.MemStats
		runtime.ReadMemStats(&before)
		t0 := time.Now()
		bm, err := detect.Compile(&detect.RulePack{Name: "big", Version: "1", Rules: rulesOf(big)})
		d := time.Since(t0)
		runtime.ReadMemStats(&after)
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
		fmt.Printf("\ncompile %d terms: %v, %.0f MB allocated, %d automaton cells\n",
			len(big), d.Round(time.Millisecond), float64(after.TotalAlloc-before.TotalAlloc)/1e6, bm.States())
	}
}

// fileRun compares, on one large text file made of the corpus's text
// documents, the engine in process (Scan on the bytes in memory and
// ScanReader streaming them) with the pinggu CLI scanning the file
// (pinggu scan --format jsonl, output discarded), start-up and compiling
// the rule set included. The CLI is built from this repository.
func fileRun(terms []string, docs [][]byte, size, rounds int, keep string) error {
	dir := keep
	if dir == "" {
		tmp, err := os.MkdirTemp("", "detectbench")
		if err != nil {
			return err
		}
		defer os.RemoveAll(tmp)
		dir = tmp
	} else if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	var text bytes.Buffer
	for text.Len() < size {
		for _, d := range docs {
			if !detect.LooksLikeHTML(d) {
				text.Write(d)
			}
		}
	}
	data := text.Bytes()
	file := filepath.Join(dir, "corpus.txt")
	if err := os.WriteFile(file, data, 0o644); err != nil {
		return err
	}
	var pack strings.Builder
	pack.WriteString("name: bench\nversion: \"1\"\nrules:\n")
	for _, r := range rulesOf(terms) {
		fmt.Fprintf(&pack, "  - id: %s\n    category: %s\n    severity: %s\n    terms: [%s]\n", r.ID, r.Category, r.Severity, strings.Join(r.Terms, ", "))
	}
	rules := filepath.Join(dir, "bench.yaml")
	if err := os.WriteFile(rules, []byte(pack.String()), 0o644); err != nil {
		return err
	}
	bin := filepath.Join(dir, "pinggu")
	build := exec.Command("go", "build", "-o", bin, "./cmd/pinggu")
	build.Dir = ".."
	if out, err := build.CombinedOutput(); err != nil {
		return fmt.Errorf("building the CLI: %v\n%s", err, out)
	}

	m, err := detect.Compile(&detect.RulePack{Name: "bench", Version: "1", Rules: rulesOf(terms)})
	if err != nil {
		return err
	}
	type row struct {
		name      string
		cpu, wall time.Duration
		findings  int
	}
	best := func(name string, f func() (cpu, wall time.Duration, findings int)) row {
		r := row{name: name, cpu: 1 << 62, wall: 1 << 62}
		for range rounds {
			runtime.GC()
			c, w, n := f()
			r.cpu, r.wall, r.findings = min(r.cpu, c), min(r.wall, w), n
		}
		return r
	}
	inProcess := func(scan func() int) func() (time.Duration, time.Duration, int) {
		return func() (time.Duration, time.Duration, int) {
			c0, t0 := cpuTime(), time.Now()
			n := scan()
			return cpuTime() - c0, time.Since(t0), n
		}
	}
	rows := []row{
		best("Scan (file in memory)", inProcess(func() int { return len(m.Scan(data).Findings) })),
		best("ScanReader (file streamed)", inProcess(func() int {
			f, err := os.Open(file)
			if err != nil {
				return -1
			}
			defer f.Close()
			res, err := m.ScanReader(f)
			if err != nil {
				return -1
			}
			return len(res.Findings)
		})),
		best("ScanReaderTo (file streamed, results handed out)", inProcess(func() int {
			f, err := os.Open(file)
			if err != nil {
				return -1
			}
			defer f.Close()
			n := 0
			if _, err := m.ScanReaderTo(f, func(fs ...detect.Finding) { n += len(fs) }, func(...detect.Contact) {}); err != nil {
				return -1
			}
			return n
		})),
		best("pinggu scan --format jsonl FILE (CLI)", cli(bin, rules, file)),
	}
	empty := filepath.Join(dir, "empty.txt")
	if err := os.WriteFile(empty, nil, 0o644); err != nil {
		return err
	}
	startup := best("start-up", cli(bin, rules, empty))
	fmt.Printf("\none text file of %.1f MiB, %d terms; the CLI's time includes its start-up (reading the rule pack and compiling it: %v of CPU on an empty file)\n\n",
		float64(len(data))/(1<<20), len(terms), startup.cpu.Round(time.Millisecond))
	fmt.Printf("%-52s %10s %10s %10s %s\n", "engine", "MB/s(cpu)", "MB/s(wall)", "findings", "share of Scan (cpu)")
	for _, r := range rows {
		fmt.Printf("%-52s %10.1f %10.1f %10d %.2f\n", r.name, float64(len(data))/r.cpu.Seconds()/1e6, float64(len(data))/r.wall.Seconds()/1e6,
			r.findings, rows[0].cpu.Seconds()/r.cpu.Seconds())
	}
	return nil
}

// cli runs the pinggu CLI on a file, output discarded but for a count of
// the findings, and returns its CPU and wall time.
func cli(bin, rules, file string) func() (time.Duration, time.Duration, int) {
	return func() (time.Duration, time.Duration, int) {
		cmd := exec.Command(bin, "scan", "--no-builtin", "--rules", rules, "--format", "jsonl", file)
		var out countWriter
		cmd.Stdout = &out
		t0 := time.Now()
		if err := cmd.Run(); err != nil {
			return 1 << 62, 1 << 62, -1
		}
		return cmd.ProcessState.UserTime() + cmd.ProcessState.SystemTime(), time.Since(t0), out.findings
	}
}

// countWriter discards the CLI's output, counting the findings in it
// (a "rule" key may be split between two writes).
type countWriter struct {
	findings int
	tail     []byte
}

func (c *countWriter) Write(p []byte) (int, error) {
	key := []byte(`"rule":`)
	joined := append(c.tail, p[:min(len(p), len(key)-1)]...)
	c.findings += bytes.Count(joined, key) + bytes.Count(p, key)
	c.tail = append(c.tail[:0], p[max(0, len(p)-len(key)+1):]...)
	return len(p), nil
}

// cpuTime is the CPU time the process has used, garbage collector
// included. On a shared machine it measures the work done more steadily
// than the wall clock, which also counts time spent waiting for a core.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// rulesOf spreads terms over rules of a hundred, as real packs group them.
func rulesOf(terms []string) []detect.Rule {
	var rules []detect.Rule
	for i := 0; i < len(terms); i += 100 {
		j := min(i+100, len(terms))
		rules = append(rules, detect.Rule{ID: fmt.Sprintf("r%d", i/100), Category: "bench", Severity: "high", Terms: terms[i:j]})
	}
	return rules
}
