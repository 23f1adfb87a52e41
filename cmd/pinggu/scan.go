package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"net/http"
	"os"
	"strings"
	"time"

	"github.com/pinggu/pinggu/detect"
)

func init() {
	register("scan", "scan texts, files, URLs or web pages for harmful information", cmdScan)
}

// Limits for fetching URLs: a page larger than maxFetch is refused rather
// than cut, so a verdict never rests on half a page. Variables so tests
// can lower them.
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

func cmdScan(ctx context.Context, env *cliEnv, args []string) int {
	fs := flag.NewFlagSet("scan", flag.ContinueOnError)
	fs.SetOutput(env.stderr)
	format := fs.String("format", "text", "output format: text, json or jsonl")
	var rules rulesFlag
	fs.Var(&rules, "rules", "add a YAML rule pack (repeatable)")
	noBuiltin := fs.Bool("no-builtin", false, "leave the built-in rule packs out")
	explain := fs.Bool("explain", false, "show each finding's normalised form and why it matched")
	asText := fs.Bool("text", false, "each INPUT is a text to scan, not a file or URL")
	failOn := fs.String("fail-on", "none", "exit with status 3 when a verdict is risky: risky or none")
	fs.Usage = func() {
		fmt.Fprintln(env.stderr, "Usage: pinggu scan [--format text|json|jsonl] [--rules FILE]... [--no-builtin] [--explain] [--text] [--fail-on risky] INPUT...")
		fmt.Fprintln(env.stderr, "INPUT is a file, an http(s) URL, or - for standard input; with --text, a text itself. HTML is recognised by content.")
		fmt.Fprintln(env.stderr, "Exit status: 0 scanned, 1 an input could not be scanned, 2 usage, 3 a verdict was risky (with --fail-on risky).")
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
	if *failOn != "none" && *failOn != detect.Risky {
		fmt.Fprintf(env.stderr, "pinggu scan: --fail-on: %q is not risky or none\n", *failOn)
		return 2
	}
	inputs := fs.Args()
	if len(inputs) == 0 {
		fs.Usage()
		return 2
	}

	status := 0
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
		fmt.Fprintln(env.stderr, "pinggu scan: no rule packs to scan with")
		return 1
	}
	m, err := detect.Compile(packs...)
	if err != nil {
		fmt.Fprintf(env.stderr, "pinggu scan: %v\n", err)
		return 1
	}

	var all []scanOutput
	enc := json.NewEncoder(env.stdout)
	enc.SetEscapeHTML(false)
	stdinUsed, risky := false, false
	for _, in := range inputs {
		var res *detect.Result
		var err error
		if *asText {
			res = m.ScanWith([]byte(in), detect.Options{})
		} else {
			res, err = scanInput(ctx, m, in, env.stdin, &stdinUsed)
		}
		risky = risky || (res != nil && res.Verdict == detect.Risky)
		out := scanOutput{Input: in, Result: res}
		if err != nil {
			fmt.Fprintf(env.stderr, "pinggu scan: %s: %v\n", in, err)
			status = 1
			out.Error = err.Error()
		}
		switch *format {
		case "jsonl":
			enc.Encode(out)
		case "json":
			all = append(all, out)
		default:
			if err == nil {
				printText(env.stdout, in, res, *explain)
			}
		}
	}
	if *format == "json" {
		if all == nil {
			all = []scanOutput{}
		}
		enc.SetIndent("", "  ")
		enc.Encode(all)
	}
	if status == 0 && risky && *failOn == detect.Risky {
		// A script's gate: distinct from 1, which says an input was not
		// scanned at all.
		return 3
	}
	return status
}

// scanInput reads one input: "-" is standard input (once), a URL is
// fetched, anything else is a file, streamed when it is plain text.
func scanInput(ctx context.Context, m *detect.Matcher, in string, stdin io.Reader, stdinUsed *bool) (*detect.Result, error) {
	switch {
	case in == "-":
		if *stdinUsed {
			return nil, errors.New("standard input can be scanned only once")
		}
		*stdinUsed = true
		return m.ScanReader(stdin)
	case strings.HasPrefix(in, "http://") || strings.HasPrefix(in, "https://"):
		data, err := fetch(ctx, in)
		if err != nil {
			return nil, err
		}
		return m.ScanWith(data, detect.Options{PageURL: in}), nil
	}
	f, err := os.Open(in)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, fmt.Errorf("no such file (to scan the words themselves, use --text)")
	}
	if err != nil {
		return nil, err
	}
	defer f.Close()
	if st, err := f.Stat(); err == nil && st.IsDir() {
		return nil, errors.New("is a directory")
	}
	return m.ScanReader(f)
}

func fetch(ctx context.Context, url string) ([]byte, error) {
	ctx, cancel := context.WithTimeout(ctx, fetchTimeout)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	if err != nil {
		return nil, err
	}
	req.Header.Set("User-Agent", "pinggu-scan/1 (+security assessment patrol)")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return nil, fmt.Errorf("fetch failed: HTTP %s", resp.Status)
	}
	data, err := io.ReadAll(io.LimitReader(resp.Body, maxFetch+1))
	if err != nil {
		return nil, fmt.Errorf("fetch failed: %w", err)
	}
	if int64(len(data)) > maxFetch {
		return nil, fmt.Errorf("page larger than %d bytes, not scanned", maxFetch)
	}
	return data, nil
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
			fmt.Fprintf(w, "      why: %s\n", why(f))
		}
	}
	for _, s := range res.Signals {
		fmt.Fprintf(w, "  signal %s in %s: %s\n", s.Kind, s.Location, s.Detail)
	}
}

// why says in words how a finding matched and how its context was judged.
func why(f detect.Finding) string {
	var parts []string
	if len(f.Obfuscations) == 0 {
		parts = append(parts, "the text spells the term directly")
	} else {
		parts = append(parts, "the text spells the term once "+strings.Join(f.Obfuscations, ", ")+" tricks are undone")
	}
	if f.Context == "warning" {
		parts = append(parts, "nearby words ("+strings.Join(f.Markers, "、")+") show a warning or enforcement voice, so it does not count towards the verdict")
	} else {
		parts = append(parts, "no warning or enforcement voice around it, so it counts towards the verdict")
	}
	return strings.Join(parts, "; ")
}
