package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"runtime/debug"
	"strconv"
	"strings"
	"time"

	"github.com/pinggu/pinggu/detect"
	"github.com/pinggu/pinggu/patrol"
)

func init() {
	register("scan", "scan texts, files, URLs or web pages for harmful information", cmdScan)
}

// Limits for fetching URLs: a page larger than maxFetch is refused rather
// than cut, so a verdict never rests on half a page. Variables so tests
// can lower them; --timeout overrides fetchTimeout.
var (
	fetchTimeout       = 20 * time.Second
	maxFetch     int64 = 16 << 20
)

// rulesFlag collects the repeatable --rules flag.
type rulesFlag []string

func (r *rulesFlag) String() string     { return strings.Join(*r, ",") }
func (r *rulesFlag) Set(v string) error { *r = append(*r, v); return nil }

// scanOutput is one input's line in json and jsonl output.
type scanOutput struct {
	Input string `json:"input"`
	*detect.Result
	Error string `json:"error,omitempty"`
}

const scanUsage = `Usage: pinggu scan [flags] INPUT...
       pinggu scan [flags] --text TEXT...

Scans each INPUT for harmful information (gambling, pornography, fraud, number
spoofing, card trading, drugs, terror, weapons, SEO spam) and prints its verdict
(clean, suspicious or risky, with a score of 0-100), the terms found, page
signals and the contact handles it carries (QQ, WeChat, phone, Telegram, URLs,
invitation codes).

INPUT is the name of a file, an http:// or https:// URL (the page is fetched
as patrol fetches it: redirects followed, the charset decoded, private and
loopback addresses refused unless --allow-private or --allow say otherwise),
or - for standard input. HTML is recognised by content. To scan words typed on
the command line, give --text: each argument is then the text itself, as in
  pinggu scan --text 百家乐在线

Exit status: 0 when every input was scanned; 1 when an input or a rule pack
could not be read; 2 for bad usage; 3 with --fail-on when an input's verdict
was at or above the level given (an unreadable input still gives 1).

Flags:`

// verdictRank orders verdicts for --fail-on.
var verdictRank = map[string]int{detect.Clean: 0, detect.Suspicious: 1, detect.Risky: 2}

func cmdScan(ctx context.Context, env *cliEnv, args []string) int {
	fs := flag.NewFlagSet("scan", flag.ContinueOnError)
	fs.SetOutput(env.stderr)
	format := fs.String("format", "text", "output format: text, json (one array) or jsonl (a line per input)")
	var rules rulesFlag
	fs.Var(&rules, "rules", "add a YAML rule pack `FILE` (repeatable)")
	noBuiltin := fs.Bool("no-builtin", false, "leave the built-in rule packs out")
	explain := fs.Bool("explain", false, "show for each finding its normalised form, how it matched and why it is or is not warning context")
	asText := fs.Bool("text", false, "the arguments are texts to scan, not file names or URLs")
	allowPrivate := fs.Bool("allow-private", false, "let URLs reach private, loopback and link-local addresses (refused by default)")
	allow := fs.String("allow", "", "comma-separated CIDR ranges URLs may reach although special, e.g. 127.0.0.0/8")
	timeout := fs.Duration("timeout", fetchTimeout, "time allowed for fetching one URL, redirects included")
	failOn := fs.String("fail-on", "", "exit with status 3 when an input's verdict is `LEVEL` or worse: risky or suspicious")
	fs.Usage = func() {
		fmt.Fprintln(env.stderr, scanUsage)
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0
		}
		return 2
	}
	if *format != "text" && *format != "json" && *format != "jsonl" {
		fmt.Fprintf(env.stderr, "pinggu scan: unknown format %q (text, json or jsonl)\n", *format)
		return 2
	}
	threshold := -1
	if *failOn != "" {
		r, ok := verdictRank[*failOn]
		if !ok || r == 0 {
			fmt.Fprintf(env.stderr, "pinggu scan: --fail-on %q: want risky or suspicious\n", *failOn)
			return 2
		}
		threshold = r
	}
	allowed, err := patrol.ParseAllow(*allow)
	if err != nil {
		fmt.Fprintf(env.stderr, "pinggu scan: --%v\n", err)
		return 2
	}
	if *timeout <= 0 {
		fmt.Fprintln(env.stderr, "pinggu scan: --timeout must be positive")
		return 2
	}
	// The fetcher is made only when an input is a URL: a scan of files
	// pays nothing for it.
	var fetcher *patrol.Fetcher
	defer func() {
		if fetcher != nil {
			fetcher.Close()
		}
	}()
	fetcherFor := func() *patrol.Fetcher {
		if fetcher == nil {
			fetcher = patrol.NewFetcher(patrol.Config{
				Guard:        patrol.Guard{AllowPrivate: *allowPrivate, Allow: allowed},
				FetchTimeout: *timeout,
				MaxBytes:     maxFetch,
			})
		}
		return fetcher
	}
	inputs := fs.Args()
	if len(inputs) == 0 {
		fs.Usage()
		return 2
	}

	status := 0
	restoreGC := pauseGC()
	var packs []*detect.RulePack
	if !*noBuiltin {
		packs = detect.Builtin()
	}
	for _, path := range rules {
		data, err := os.ReadFile(path)
		if err != nil {
			fmt.Fprintf(env.stderr, "pinggu scan: rule pack: %v\n", err)
			status = 1
			continue
		}
		p, err := detect.ParseRulePack(path, data)
		if err != nil {
			fmt.Fprintf(env.stderr, "pinggu scan: bad rule pack %v\n", err)
			status = 1
			continue
		}
		packs = append(packs, p)
	}
	if len(packs) == 0 {
		restoreGC()
		fmt.Fprintln(env.stderr, "pinggu scan: no rule packs to scan with")
		return 1
	}
	m, err := detect.Compile(packs...)
	restoreGC()
	if err != nil {
		fmt.Fprintf(env.stderr, "pinggu scan: %v\n", err)
		return 1
	}

	// What a scan finds stays in memory until it is written, and grows with
	// a large input; collecting garbage over it after every few megabytes
	// cost as much as scanning. Less often is enough for one command. The
	// jsonl format writes findings as they are decided, so its heap stays
	// small and the default keeps it so.
	if *format != "jsonl" {
		defer debug.SetGCPercent(debug.SetGCPercent(400))
	}
	out := bufio.NewWriterSize(env.stdout, 64<<10)
	defer out.Flush()
	var all []byte // the json format's array
	stdinUsed := false
	failed := false
	for _, in := range inputs {
		var res *detect.Result
		var err error
		streamed := false
		if *asText {
			res = m.ScanWith([]byte(in), detect.Options{Markup: -1})
		} else {
			var src source
			src, err = openInput(ctx, in, env.stdin, &stdinUsed, fetcherFor)
			switch {
			case err != nil:
			case src.page != nil:
				res = m.ScanWith(src.page, detect.Options{PageURL: src.pageURL})
			case *format == "jsonl":
				// A file or standard input goes out as it is scanned: what a
				// large input holds never stands in memory. Its JSON comes
				// in pieces of jsonFlush bytes, written as they are rather
				// than copied through out's buffer.
				out.Flush()
				widenPipe(env.stdout)
				res, err = writeStreamedJSON(env.stdout, m, in, src.r)
				streamed = true
			default:
				res, err = m.ScanReader(src.r)
			}
			src.close()
		}
		o := scanOutput{Input: in, Result: res}
		if err != nil {
			fmt.Fprintf(env.stderr, "pinggu scan: %s: %v\n", in, err)
			status = 1
			o.Error = err.Error()
		} else if threshold > 0 && verdictRank[res.Verdict] >= threshold {
			failed = true
		}
		switch {
		case streamed:
		case *format == "jsonl":
			writeScanJSON(out, o)
			out.WriteByte('\n')
		case *format == "json":
			if len(all) == 0 {
				all = append(all, '[')
			} else {
				all = append(all, ',')
			}
			all = appendScanJSON(all, o)
		case err == nil:
			printText(out, in, res, *explain)
		}
	}
	if *format == "json" {
		var indented bytes.Buffer
		if len(all) == 0 {
			all = append(all, '[')
		}
		json.Indent(&indented, append(all, ']'), "", "  ")
		out.Write(append(indented.Bytes(), '\n'))
	}
	if status == 0 && failed {
		return 3
	}
	return status
}

// pauseGC holds the garbage collector off while the rule packs are read
// and compiled, and returns what turns it back on. That work makes garbage
// while the heap is still small, so the collector would run again and
// again over it: a fifth of the start-up's work for a 10,000-term pack.
// Past startupHeap it runs all the same, so a huge pack stays bounded.
func pauseGC() (restore func()) {
	percent, limit := debug.SetGCPercent(-1), debug.SetMemoryLimit(-1)
	debug.SetMemoryLimit(min(limit, startupHeap)) // a lower GOMEMLIMIT stands
	return func() {
		debug.SetGCPercent(percent)
		debug.SetMemoryLimit(limit)
	}
}

const startupHeap = 512 << 20

// source is one opened input: a stream to read, or a fetched page with
// the address it was finally served from.
type source struct {
	r       io.Reader
	page    []byte
	pageURL string
	close   func()
}

// openInput opens one input: "-" is standard input (once), a URL is
// fetched, anything else is a file, to be streamed when it is plain text.
func openInput(ctx context.Context, in string, stdin io.Reader, stdinUsed *bool, fetcher func() *patrol.Fetcher) (source, error) {
	none := func() {}
	switch {
	case in == "-":
		if *stdinUsed {
			return source{close: none}, errors.New("standard input can be scanned only once")
		}
		*stdinUsed = true
		return source{r: stdin, close: none}, nil
	case strings.HasPrefix(in, "http://") || strings.HasPrefix(in, "https://"):
		data, final, err := fetch(ctx, fetcher(), in)
		if err == nil && data == nil {
			data = []byte{}
		}
		return source{page: data, pageURL: final, close: none}, err
	}
	f, err := os.Open(in)
	if errors.Is(err, fs.ErrNotExist) {
		return source{close: none}, fmt.Errorf("no such file (to scan these words themselves, use --text)")
	}
	if err != nil {
		return source{close: none}, err
	}
	if st, err := f.Stat(); err == nil && st.IsDir() {
		f.Close()
		return source{close: none}, errors.New("is a directory")
	}
	return source{r: f, close: func() { f.Close() }}, nil
}

// fetch fetches a page through patrol's guarded fetcher and returns its
// text as UTF-8 and the URL it was finally served from. A failure, an
// error status or a page cut at the size limit is an error.
func fetch(ctx context.Context, f *patrol.Fetcher, url string) ([]byte, string, error) {
	p := f.Fetch(ctx, url, patrol.Browser)
	if p.Err != nil {
		msg := fmt.Sprintf("fetch failed: %s: %s", p.Err.Label.En, p.Err.Detail)
		if p.Err.Reason == patrol.ReasonBlocked {
			msg += " (--allow-private or --allow CIDR to reach it)"
		}
		return nil, "", errors.New(msg)
	}
	if p.Truncated {
		return nil, "", fmt.Errorf("page larger than %d bytes, not scanned", maxFetch)
	}
	if p.Status < 200 || p.Status > 299 {
		return nil, "", fmt.Errorf("fetch failed: HTTP %d", p.Status)
	}
	return p.Text, p.FinalURL, nil
}

func printText(w io.Writer, in string, res *detect.Result, explain bool) {
	fmt.Fprintf(w, "%s: %s (score %d)\n", in, res.Verdict, res.Score)
	for _, f := range res.Findings {
		ctx := ""
		if f.Context != "" {
			ctx = " [" + f.Context + "]"
		}
		obf := ""
		if len(f.Obfuscations) > 0 {
			obf = " via " + strings.Join(f.Obfuscations, "+")
		}
		fmt.Fprintf(w, "  %s %s %q at %d-%d in %s: %q%s%s\n", f.Category, f.Rule, f.Term, f.Start, f.End, f.Location, f.Text, obf, ctx)
		if explain {
			fmt.Fprintf(w, "      normalised: %s (pack %s, severity %s)\n", f.Normalized, f.Pack, f.Severity)
			fmt.Fprintf(w, "      matched: %s\n", howMatched(f))
			fmt.Fprintf(w, "      context: %s\n", whyContext(f))
		}
	}
	for _, s := range res.Signals {
		fmt.Fprintf(w, "  signal %s in %s: %s\n", s.Kind, s.Location, s.Detail)
	}
	for _, c := range res.Contacts {
		extra := ""
		if c.Cue != "" {
			extra = " after " + strconv.Quote(c.Cue)
		}
		if len(c.Obfuscations) > 0 {
			extra += " via " + strings.Join(c.Obfuscations, "+")
		}
		fmt.Fprintf(w, "  contact %s %s at %d-%d in %s: %q%s\n", c.Kind, c.Value, c.Start, c.End, c.Location, c.Text, extra)
	}
}

// howMatched says in words how a finding's text spells its term.
func howMatched(f detect.Finding) string {
	if len(f.Obfuscations) == 0 {
		return "the text spells the term directly"
	}
	return "the text spells the term once " + strings.Join(f.Obfuscations, ", ") + " tricks are undone"
}

// whyContext says why a finding is, or is not, warning context, and so
// whether it counts towards the verdict.
func whyContext(f detect.Finding) string {
	var b strings.Builder
	if f.Context == "warning" {
		b.WriteString("warning, not counted: ")
	} else {
		b.WriteString("counted: ")
	}
	b.WriteString(f.Reason)
	if len(f.Markers) > 0 {
		b.WriteString(" (" + strings.Join(f.Markers, "、") + ")")
	}
	if len(f.Evidence) > 0 {
		b.WriteString("; promotion evidence: " + strings.Join(f.Evidence, ", "))
	}
	return b.String()
}
