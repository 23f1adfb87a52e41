package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"net/netip"
	"os"
	"strings"
	"time"

	"github.com/pinggu/pinggu/detect"
	"github.com/pinggu/pinggu/patrol"
)

func init() {
	register("patrol", "patrol web pages: fetch as browser, spiders and search visitors, detect cloaking", cmdPatrol)
}

func cmdPatrol(ctx context.Context, env *cliEnv, args []string) int {
	if len(args) > 0 {
		switch args[0] {
		case "fetch":
			return cmdPatrolFetch(ctx, env, args[1:])
		case "site":
			return cmdPatrolSite(ctx, env, args[1:])
		case "run":
			return cmdPatrolRun(ctx, env, args[1:])
		}
	}
	fmt.Fprintln(env.stderr, "Usage: pinggu patrol fetch [flags] URL...   fetch and judge pages as a patrol does")
	fmt.Fprintln(env.stderr, "       pinggu patrol run [--plan ID] [--once] run plans now and show their progress")
	fmt.Fprintln(env.stderr, "       pinggu patrol site [flags]           serve the generated test site on loopback")
	if len(args) == 0 || args[0] == "-h" || args[0] == "--help" || args[0] == "help" {
		return 2
	}
	fmt.Fprintf(env.stderr, "pinggu patrol: unknown subcommand %q\n", args[0])
	return 2
}

// resolveFlag collects --resolve NAME=ADDR, like curl's, so that a name can
// be patrolled on a chosen address without DNS.
type resolveFlag patrol.StaticResolver

func (r resolveFlag) String() string { return "" }
func (r resolveFlag) Set(v string) error {
	name, addr, ok := strings.Cut(v, "=")
	a, err := netip.ParseAddr(strings.TrimSpace(addr))
	if !ok || name == "" || err != nil {
		return fmt.Errorf("want NAME=ADDRESS, as www.example.cn=127.0.0.1, got %q", v)
	}
	key := strings.ToLower(strings.TrimSpace(name))
	r[key] = append(r[key], a)
	return nil
}

// systemThenStatic resolves from the --resolve table first, then DNS.
type systemThenStatic struct{ static patrol.StaticResolver }

func (s systemThenStatic) LookupNetIP(ctx context.Context, network, host string) ([]netip.Addr, error) {
	if addrs, err := s.static.LookupNetIP(ctx, network, host); err == nil {
		return addrs, nil
	}
	return patrolSystemResolver.LookupNetIP(ctx, network, host)
}

// patrolSystemResolver is the system's, a variable so tests never use DNS.
var patrolSystemResolver patrol.Resolver = netResolver{}

func cmdPatrolFetch(ctx context.Context, env *cliEnv, args []string) int {
	fs := flag.NewFlagSet("patrol fetch", flag.ContinueOnError)
	fs.SetOutput(env.stderr)
	format := fs.String("format", "text", "output format: text or jsonl")
	allowPrivate := fs.Bool("allow-private", false, "allow private, loopback and link-local addresses (refused by default)")
	allow := fs.String("allow", "", "comma-separated CIDR ranges to allow although special, e.g. 127.0.0.0/8")
	resolve := resolveFlag{}
	fs.Var(resolve, "resolve", "resolve NAME to ADDRESS without DNS (NAME=ADDRESS, repeatable)")
	idList := fs.String("identities", "default", "identities to fetch as: default, all, or names ("+identityNames()+")")
	noEscalate := fs.Bool("no-escalate", false, "do not fetch as the other spiders and referrers when the first identities disagree")
	timeout := fs.Duration("timeout", 45*time.Second, "time allowed for one fetch, redirects and retries included")
	maxBytes := fs.Int64("max-bytes", 8<<20, "bytes of a page kept; more is cut and marked truncated")
	retries := fs.Int("retries", 2, "retries of transient failures (connection reset, 5xx, 429)")
	snapDir := fs.String("snapshots", "", "keep snapshots (content-addressed, compressed) in this directory")
	screenshots := fs.Bool("screenshots", false, "with --snapshots, screenshot risky pages in Chromium if installed")
	var rules rulesFlag
	fs.Var(&rules, "rules", "add a YAML rule pack (repeatable)")
	fs.Usage = func() {
		fmt.Fprintln(env.stderr, "Usage: pinggu patrol fetch [--allow-private] [--format text|jsonl] [--identities LIST] [--snapshots DIR] URL...")
		fmt.Fprintln(env.stderr, "Fetches each URL as a browser, Baiduspider and a visitor from Baidu search (more when they disagree),")
		fmt.Fprintln(env.stderr, "scans each view for harmful content and reports cloaking.")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0
		}
		return 2
	}
	fail := func(format string, a ...any) int {
		fmt.Fprintf(env.stderr, "pinggu patrol fetch: "+format+"\n", a...)
		return 2
	}
	if *format != "text" && *format != "jsonl" {
		return fail("--format: unknown format %q (text or jsonl)", *format)
	}
	ids, err := patrol.ParseIdentities(*idList)
	if err != nil {
		return fail("--%v", err)
	}
	allowed, err := patrol.ParseAllow(*allow)
	if err != nil {
		return fail("--%v", err)
	}
	if *maxBytes <= 0 || *timeout <= 0 || *retries < 0 {
		return fail("--max-bytes and --timeout must be positive, --retries not negative")
	}
	if *screenshots && *snapDir == "" {
		return fail("--screenshots needs --snapshots DIR to keep them in")
	}
	urls := fs.Args()
	if len(urls) == 0 {
		fs.Usage()
		return 2
	}
	packs := detect.Builtin()
	for _, path := range rules {
		data, err := os.ReadFile(path)
		if err != nil {
			return fail("--rules: %v", err)
		}
		p, err := detect.ParseRulePack(path, data)
		if err != nil {
			return fail("--rules: bad rule pack %v", err)
		}
		packs = append(packs, p)
	}
	m, err := detect.Compile(packs...)
	if err != nil {
		return fail("%v", err)
	}
	r := *retries
	if r == 0 {
		r = -1 // the config's zero means the default
	}
	f := patrol.NewFetcher(patrol.Config{
		Guard:        patrol.Guard{AllowPrivate: *allowPrivate, Allow: allowed},
		Resolver:     systemThenStatic{patrol.StaticResolver(resolve)},
		Limiter:      patrol.NewLocalLimiter(patrol.DefaultHostRule, nil),
		FetchTimeout: *timeout,
		MaxBytes:     *maxBytes,
		Retries:      r,
	})
	defer f.Close()
	in := &patrol.Inspector{Fetcher: f, Matcher: m, Identities: ids}
	if *noEscalate {
		in.Escalate = []patrol.Identity{}
	}
	if *snapDir != "" {
		snaps, err := patrol.OpenDirSnapshots(*snapDir)
		if err != nil {
			return fail("--snapshots: %v", err)
		}
		in.Snapshots = snaps
		if *screenshots {
			if exe := patrol.FindChromium(); exe != "" {
				shots := patrol.NewChromeScreenshotter(exe, f)
				defer shots.Close()
				in.Screenshots = shots
			} else {
				fmt.Fprintln(env.stderr, "pinggu patrol fetch: no Chromium found; patrolling without screenshots")
			}
		}
	}
	enc := json.NewEncoder(env.stdout)
	enc.SetEscapeHTML(false)
	status := 0
	for _, u := range urls {
		rep := in.Inspect(ctx, u)
		if rep.Error != nil {
			status = 1
		}
		if *format == "jsonl" {
			enc.Encode(rep)
		} else {
			printPatrolText(env.stdout, rep)
		}
		if ctx.Err() != nil {
			return 1
		}
	}
	return status
}

func identityNames() string {
	names := make([]string, len(patrol.Identities))
	for i, id := range patrol.Identities {
		names[i] = id.Name
	}
	return strings.Join(names, ", ")
}

// printPatrolText prints a report for people, with Chinese field names.
func printPatrolText(w io.Writer, rep *patrol.Report) {
	fmt.Fprintf(w, "网址：%s\n", rep.URL)
	if rep.FinalURL != rep.URL {
		fmt.Fprintf(w, "  最终网址：%s\n", rep.FinalURL)
	}
	if rep.Status != 0 {
		fmt.Fprintf(w, "  状态码：%d　字符编码：%s（%s）\n", rep.Status, rep.Charset, patrol.CharsetSourceLabels[rep.CharsetSource].Zh)
	}
	for _, h := range rep.Redirects {
		fmt.Fprintf(w, "  跳转（%s）：%s → %s\n", patrol.HopKindLabels[h.Kind].Zh, h.From, h.To)
	}
	if rep.Error != nil {
		fmt.Fprintf(w, "  抓取失败：%s（%s）%s\n", rep.Error.Label.Zh, rep.Error.Reason, rep.Error.Detail)
	}
	if rep.Status == 0 && rep.Verdict != detect.Risky {
		fmt.Fprintln(w, "  结论：未取得页面，无法判断")
	} else {
		fmt.Fprintf(w, "  结论：%s（评分 %d）\n", patrol.Verdict(rep.Verdict).Zh, rep.Score)
	}
	if rep.Cloaking.Detected {
		fmt.Fprintf(w, "  伪装（Cloaking）：是。%s\n", rep.Cloaking.Detail)
	} else {
		fmt.Fprintln(w, "  伪装（Cloaking）：未发现")
	}
	fmt.Fprintln(w, "  各身份所见：")
	for _, v := range rep.Variants {
		line := fmt.Sprintf("    %s：状态码 %d，%s（评分 %d），%d 字节", v.Label.Zh, v.Status, patrol.Verdict(v.Verdict).Zh, v.Score, v.Bytes)
		if v.Truncated {
			line += "（已截断）"
		}
		if v.FinalURL != rep.URL {
			line += "，落地 " + v.FinalURL
		}
		if v.Error != nil {
			line += "，" + v.Error.Label.Zh
		}
		fmt.Fprintf(w, "%s，SHA-256 %s\n", line, v.SHA256)
	}
	labels := map[string]string{}
	for _, v := range rep.Variants {
		labels[v.As] = v.Label.Zh
	}
	if len(rep.Findings) > 0 {
		fmt.Fprintln(w, "  发现：")
	}
	for _, f := range rep.Findings {
		ctx := ""
		if f.Context == "warning" {
			ctx = "（警示语境，不计分）"
		}
		fmt.Fprintf(w, "    [%s] %s「%s」原文 %q，位置 %s%s\n", labels[f.As], patrol.Category(f.Category).Zh, f.Term, f.Text, f.Location, ctx)
	}
	if len(rep.Signals) > 0 {
		fmt.Fprintln(w, "  页面特征：")
	}
	for _, s := range rep.Signals {
		who := labels[s.As]
		if who == "" {
			who = s.As
		}
		fmt.Fprintf(w, "    [%s] %s：%s\n", who, s.Kind, s.Detail)
	}
	if rep.Screenshot != "" {
		fmt.Fprintf(w, "  截图：SHA-256 %s\n", rep.Screenshot)
	}
	for _, warn := range rep.Warnings {
		fmt.Fprintf(w, "  注意：%s\n", warn)
	}
}
