package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/pinggu/pinggu/detect"
	"golang.org/x/text/encoding/simplifiedchinese"
)

type scanLine struct {
	Input    string `json:"input"`
	Verdict  string `json:"verdict"`
	Score    int    `json:"score"`
	Error    string `json:"error"`
	Findings []struct {
		Category, Rule, Term, Text, Location, Context string
		Start, End                                    int
		Obfuscations                                  []string
	} `json:"findings"`
	Signals []struct{ Kind, Location, Detail string } `json:"signals"`
}

func runScan(t *testing.T, stdin string, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errb bytes.Buffer
	env := &cliEnv{stdin: strings.NewReader(stdin), stdout: &out, stderr: &errb}
	code = runCLI(context.Background(), env, append([]string{"scan"}, args...))
	return code, out.String(), errb.String()
}

func parseLines(t *testing.T, out string) []scanLine {
	t.Helper()
	var lines []scanLine
	for _, l := range strings.Split(strings.TrimSpace(out), "\n") {
		var sl scanLine
		if err := json.Unmarshal([]byte(l), &sl); err != nil {
			t.Fatalf("not a JSON line: %q: %v", l, err)
		}
		lines = append(lines, sl)
	}
	return lines
}

func writeFile(t *testing.T, name, content string) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestScanJSONLFilesAndStdinInOrder(t *testing.T) {
	spam := "澳門新葡京 真 人 荷 官，注册送彩金，加微信 abc123 领取。"
	notice := "警方提醒：所谓“刷单返利”都是诈骗，请勿轻信，如遇可疑情况请拨打110报警。"
	f1 := writeFile(t, "spam.txt", spam)
	f2 := writeFile(t, "notice.txt", notice)
	code, out, stderr := runScan(t, "百(bǎi)家(jiā)乐(lè)在线开户", "--format", "jsonl", f1, "-", f2)
	if code != 0 {
		t.Fatalf("exit %d, stderr %s", code, stderr)
	}
	lines := parseLines(t, out)
	if len(lines) != 3 {
		t.Fatalf("got %d lines, want one per input:\n%s", len(lines), out)
	}
	inputs := map[string]string{f1: spam, "-": "百(bǎi)家(jiā)乐(lè)在线开户", f2: notice}
	for i, want := range []struct{ input, verdict string }{{f1, "risky"}, {"-", "risky"}, {f2, "clean"}} {
		l := lines[i]
		if l.Input != want.input || l.Verdict != want.verdict {
			t.Errorf("line %d: input %q verdict %q, want %q %q", i, l.Input, l.Verdict, want.input, want.verdict)
		}
		src := inputs[l.Input]
		for _, f := range l.Findings {
			if f.Start < 0 || f.End > len(src) || src[f.Start:f.End] != f.Text {
				t.Errorf("%s: finding %q at %d-%d does not slice the input", l.Input, f.Text, f.Start, f.End)
			}
		}
	}
	if len(lines[2].Findings) == 0 || lines[2].Findings[0].Context != "warning" {
		t.Errorf("the police notice should list its term with a warning context, got %+v", lines[2].Findings)
	}
	if len(lines[1].Findings) == 0 || !contains(lines[1].Findings[0].Obfuscations, "pinyin") {
		t.Errorf("stdin finding should say pinyin was seen through: %+v", lines[1].Findings)
	}
}

func contains(s []string, v string) bool {
	for _, x := range s {
		if x == v {
			return true
		}
	}
	return false
}

const hackedPage = `<!DOCTYPE html><html><head><meta charset="utf-8">
<title>澳门新葡京_百家乐_真人荷官在线</title>
<meta name="keywords" content="在线赌场,时时彩">
</head><body>
<h1>青山县农产品合作社</h1><p>本社主要种植有机蔬菜和水果，欢迎各地客商前来参观洽谈合作。</p>
<div style="display:none"><a href="http://bet-example.top/">博彩网站</a></div>
</body></html>`

func TestScanURLsFromLocalServer(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/hacked":
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			w.Write([]byte(hackedPage))
		case "/plain":
			w.Write([]byte("今天天气很好，我们去公园散步。"))
		case "/moved":
			http.Redirect(w, r, "/gbk", http.StatusFound)
		case "/gbk":
			w.Header().Set("Content-Type", "text/html; charset=GBK")
			page, _ := simplifiedchinese.GBK.NewEncoder().String(hackedPage)
			w.Write([]byte(page))
		default:
			http.NotFound(w, r)
		}
	}))
	defer srv.Close()
	if !strings.HasPrefix(srv.URL, "http://127.0.0.1:") {
		t.Fatalf("test server is not on 127.0.0.1: %s", srv.URL)
	}

	// Without leave, a loopback address is refused, as patrol refuses it.
	code, _, stderr := runScan(t, "", "--format", "jsonl", srv.URL+"/hacked")
	if code != 1 || !strings.Contains(stderr, "Address refused") || !strings.Contains(stderr, "loopback") || !strings.Contains(stderr, "--allow") {
		t.Errorf("a loopback URL without --allow should be refused, naming why and how to allow it: %d %q", code, stderr)
	}

	code, out, stderr := runScan(t, "", "--allow", "127.0.0.0/8", "--format", "jsonl", srv.URL+"/hacked", srv.URL+"/missing", srv.URL+"/plain", srv.URL+"/moved")
	if code == 0 {
		t.Errorf("a 404 input should make the exit status non-zero")
	}
	if !strings.Contains(stderr, "404") || !strings.Contains(stderr, "/missing") {
		t.Errorf("stderr should name the failed URL and its status: %q", stderr)
	}
	lines := parseLines(t, out)
	if len(lines) != 4 {
		t.Fatalf("want a line per input, got %d:\n%s", len(lines), out)
	}
	if lines[0].Verdict != "risky" {
		t.Errorf("hacked page verdict %q, want risky", lines[0].Verdict)
	}
	kinds := map[string]bool{}
	for _, s := range lines[0].Signals {
		kinds[s.Kind] = true
	}
	if !kinds["seo-hijack"] || !kinds["hidden-link"] {
		t.Errorf("hacked page signals %v, want seo-hijack and hidden-link", kinds)
	}
	if lines[1].Error == "" {
		t.Errorf("the 404 line should carry an error")
	}
	if lines[2].Verdict != "clean" {
		t.Errorf("the plain page should still be scanned and clean, got %+v", lines[2])
	}
	// The redirect is followed and the GBK page decoded before scanning.
	if lines[3].Verdict != "risky" || len(lines[3].Findings) != len(lines[0].Findings) {
		t.Errorf("a redirect to the same page in GBK should scan as the page: %+v", lines[3])
	}
}

func TestScanRulePacks(t *testing.T) {
	pack := writeFile(t, "mine.yaml", "name: mine\nversion: \"1\"\nrules:\n  - id: local.fake-shop\n    category: fraud\n    severity: high\n    terms: [低价茅台秒杀]\n")
	bad := writeFile(t, "bad.yaml", "name: bad\nversion: \"1\"\nrules:\n  - id: ok.rule\n    category: fraud\n    terms: [a]\n  - id: Bad Id\n    category: fraud\n    terms: [b]\n")
	text := writeFile(t, "t.txt", "限时低价茅台秒杀！另有百家乐。")

	code, out, stderr := runScan(t, "", "--format", "jsonl", "--no-builtin", "--rules", pack, text)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	l := parseLines(t, out)[0]
	if len(l.Findings) != 1 || l.Findings[0].Rule != "local.fake-shop" || l.Findings[0].Term != "低价茅台秒杀" {
		t.Errorf("with --no-builtin only the added pack should match, got %+v", l.Findings)
	}

	code, out, stderr = runScan(t, "", "--format", "jsonl", "--rules", bad, "--rules", pack, text)
	if code == 0 {
		t.Errorf("a bad rule pack should make the exit status non-zero")
	}
	if !strings.Contains(stderr, "bad.yaml:7:") || !strings.Contains(stderr, "rules[1].id") {
		t.Errorf("error should give the pack's line and field, got %q", stderr)
	}
	l = parseLines(t, out)[0]
	rules := map[string]bool{}
	for _, f := range l.Findings {
		rules[f.Rule] = true
	}
	if !rules["local.fake-shop"] || !rules["gambling.casino"] {
		t.Errorf("the input should still be scanned with the good packs, got %v", rules)
	}
}

func TestScanTextAndJSONFormats(t *testing.T) {
	f := writeFile(t, "a.txt", "出售ｋ粉，加ｑｑ详谈")
	code, out, _ := runScan(t, "", "--explain", f)
	if code != 0 || !strings.Contains(out, "risky") || !strings.Contains(out, "normalised: 出售k粉") || !strings.Contains(out, "context: counted:") {
		t.Errorf("text output with --explain: exit %d\n%s", code, out)
	}
	code, out, _ = runScan(t, "", "--format", "json", f, f+".missing")
	if code == 0 {
		t.Errorf("a missing file should make the exit status non-zero")
	}
	var arr []scanLine
	if err := json.Unmarshal([]byte(out), &arr); err != nil || len(arr) != 2 {
		t.Fatalf("json output should be one array with an entry per input: %v\n%s", err, out)
	}
	if arr[0].Verdict != "risky" || arr[1].Error == "" {
		t.Errorf("json entries: %+v", arr)
	}
	if code, _, stderr := runScan(t, "", "--format", "xml", f); code == 0 || !strings.Contains(stderr, "xml") {
		t.Errorf("an unknown format should be refused: %d %q", code, stderr)
	}
}

func TestScanURLLimits(t *testing.T) {
	block := make(chan struct{})
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/big":
			w.Write(bytes.Repeat([]byte("大"), 2000))
		case "/slow":
			select {
			case <-block:
			case <-r.Context().Done():
			}
		}
	}))
	defer srv.Close()
	defer close(block)
	oldMax, oldTimeout := maxFetch, fetchTimeout
	maxFetch, fetchTimeout = 4096, 200*time.Millisecond
	defer func() { maxFetch, fetchTimeout = oldMax, oldTimeout }()

	code, _, stderr := runScan(t, "", "--allow", "127.0.0.1", "--format", "jsonl", srv.URL+"/big", srv.URL+"/slow")
	if code == 0 {
		t.Errorf("an oversized page and a stalled server should make the exit status non-zero")
	}
	if !strings.Contains(stderr, "/big: page larger than") {
		t.Errorf("oversized page should be refused by name: %q", stderr)
	}
	if !strings.Contains(stderr, "/slow:") || !strings.Contains(stderr, "timed out") {
		t.Errorf("a stalled fetch should time out with a message naming it: %q", stderr)
	}
}

func TestScanText(t *testing.T) {
	code, out, stderr := runScan(t, "", "--format", "jsonl", "--text", "百家乐在线开户，加微信 kf8899", "今天天气很好。")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	lines := parseLines(t, out)
	if len(lines) != 2 || lines[0].Input != "百家乐在线开户，加微信 kf8899" || lines[0].Verdict != "risky" || lines[1].Verdict != "clean" {
		t.Errorf("--text should scan each argument as a text: %+v", lines)
	}
	// Without --text a word is a file name, and the error says what to do.
	code, _, stderr = runScan(t, "", "百家乐在线")
	if code != 1 || !strings.Contains(stderr, "百家乐在线") || !strings.Contains(stderr, "--text") {
		t.Errorf("a missing file should fail naming it and pointing to --text: exit %d, %q", code, stderr)
	}
	// The text is never read as HTML or a URL.
	code, out, _ = runScan(t, "", "--format", "jsonl", "--text", "http://127.0.0.1:1/", "<html><body>百家乐</body></html>")
	if l := parseLines(t, out); code != 0 || len(l) != 2 || l[0].Error != "" || len(l[1].Findings) != 1 {
		t.Errorf("--text arguments are texts, whatever they look like: exit %d %+v", code, l)
	}
}

func TestScanFailOn(t *testing.T) {
	const risky, suspicious, clean = "澳门新葡京百家乐，加微信 kf8899", "理性投注", "今天天气很好。"
	for _, tc := range []struct {
		level string
		texts []string
		want  int
	}{
		{"risky", []string{clean, risky}, 3},
		{"risky", []string{clean, suspicious}, 0},
		{"suspicious", []string{clean, suspicious}, 3},
		{"suspicious", []string{clean}, 0},
		{"", []string{risky}, 0},
	} {
		args := []string{"--text"}
		if tc.level != "" {
			args = append([]string{"--fail-on", tc.level}, args...)
		}
		if code, _, stderr := runScan(t, "", append(args, tc.texts...)...); code != tc.want {
			t.Errorf("--fail-on %q on %d texts: exit %d, want %d (%s)", tc.level, len(tc.texts), code, tc.want, stderr)
		}
	}
	if code, _, stderr := runScan(t, "", "--fail-on", "clean", "--text", clean); code != 2 || !strings.Contains(stderr, "risky or suspicious") {
		t.Errorf("--fail-on clean should be refused: exit %d %q", code, stderr)
	}
	// An input that cannot be read is an error (1), not a verdict.
	f := writeFile(t, "spam.txt", risky)
	if code, _, _ := runScan(t, "", "--fail-on", "risky", f, f+".missing"); code != 1 {
		t.Errorf("an unreadable input should give exit 1, got %d", code)
	}
	if code, _, _ := runScan(t, "", "--fail-on", "risky", f); code != 3 {
		t.Errorf("a risky file should give exit 3, got %d", code)
	}
}

func TestScanExplainAndContacts(t *testing.T) {
	code, out, _ := runScan(t, "", "--explain", "--text", "警惕网络赌博陷阱，加薇信：kf８８９９", "某市警方破获一起网络赌博案。")
	if code != 0 {
		t.Fatalf("exit %d", code)
	}
	for _, want := range []string{
		"counted: a warning word governs the term, but promotion evidence outweighs it (警惕、陷阱); promotion evidence:",
		"wechat kf8899",
		`contact wechat kf8899 at 39-53 in text: "kf８８９９" after "加薇信" via width`,
		"warning, not counted: a warning word governs the term (警方、破获)",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("--explain output lacks %q:\n%s", want, out)
		}
	}
	text := "出售冰毒，电话一三八 一二三四 五六七八，官网 www点bd88点vip"
	_, out, _ = runScan(t, "", "--format", "json", "--text", text)
	var arr []struct {
		Contacts []struct {
			Kind, Value, Text string
			Start, End        int
		}
	}
	if err := json.Unmarshal([]byte(out), &arr); err != nil || len(arr) != 1 || len(arr[0].Contacts) != 2 {
		t.Fatalf("json should carry the contacts: %v\n%s", err, out)
	}
	for _, c := range arr[0].Contacts {
		if text[c.Start:c.End] != c.Text {
			t.Errorf("contact %+v does not slice the input", c)
		}
	}
	if c := arr[0].Contacts; c[0].Kind != "phone" || c[0].Value != "13812345678" || c[1].Kind != "domain" || c[1].Value != "www.bd88.vip" {
		t.Errorf("contacts %+v", c)
	}
}

// TestHelpForEveryCommand: "pinggu help X" prints X's own usage on
// standard output, for every command.
func TestHelpForEveryCommand(t *testing.T) {
	for name, cmd := range commands {
		var out, errb bytes.Buffer
		code := runCLI(context.Background(), &cliEnv{stdin: strings.NewReader(""), stdout: &out, stderr: &errb}, []string{"help", name})
		if code != 0 || !strings.HasPrefix(out.String(), "pinggu "+name+" — "+cmd.summary) {
			t.Errorf("help %s: exit %d, stdout %q", name, code, out.String())
		}
		// version has no flags: its help is what it prints.
		if name != "version" && !strings.Contains(out.String(), "Usage: pinggu "+name) {
			t.Errorf("help %s does not show the command's usage:\n%s", name, out.String())
		}
	}
	var out bytes.Buffer
	runCLI(context.Background(), &cliEnv{stdin: strings.NewReader(""), stdout: &out, stderr: &out}, []string{"help", "scan"})
	for _, want := range []string{"INPUT is the name of a file", "--text", "--fail-on", "Exit status"} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("scan's help lacks %q", want)
		}
	}
	var errb bytes.Buffer
	if code := runCLI(context.Background(), &cliEnv{stdin: strings.NewReader(""), stdout: &out, stderr: &errb}, []string{"help", "nosuch"}); code != 2 || !strings.Contains(errb.String(), "nosuch") {
		t.Errorf("help of an unknown command: exit %d %q", code, errb.String())
	}
}

// TestScanJSONMatchesEncodingJSON: the hand-written JSON of scan results
// says what encoding/json says, for texts, pages and errors.
func TestScanJSONMatchesEncodingJSON(t *testing.T) {
	m, err := detect.Compile(detect.Builtin()...)
	if err != nil {
		t.Fatal(err)
	}
	for _, o := range []scanOutput{
		{Input: "a.txt", Result: m.Scan([]byte("澳门新葡京\"百家乐\"\t加微信 kf8899\n警惕网络赌博。\u2028\x01\xff"))},
		{Input: "page", Result: m.Scan([]byte(hackedPage))},
		{Input: "empty", Result: m.Scan(nil)},
		{Input: "<missing>", Error: "no such file"},
		// Han cut short, a surrogate and an overlong form, beside whole Han.
		{Input: "百家\xe4\xb9\xe4\xb9\x90乐\xed\xa0\x80\xe0\x80\xaf", Error: "坏\xe9\x80"},
	} {
		var want, got any
		std, _ := json.Marshal(o)
		if err := json.Unmarshal(std, &want); err != nil {
			t.Fatal(err)
		}
		fast := appendScanJSON(nil, o)
		if err := json.Unmarshal(fast, &got); err != nil {
			t.Fatalf("%s: not JSON: %v\n%s", o.Input, err, fast)
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%s: hand-written JSON differs:\n got %s\nwant %s", o.Input, fast, std)
		}
	}
}

// TestScanStreamedJSONL: a file scanned with --format jsonl is written as
// it is scanned, and says what ScanReader's result says.
func TestScanStreamedJSONL(t *testing.T) {
	var b strings.Builder
	for i := 0; b.Len() < 600<<10; i++ {
		fmt.Fprintf(&b, "第%d段：今天天气很好。澳门新葡京百家乐，加微信 kf%04d 咨询，官网 www.xpj%d.com。警方提醒：网络赌博害人害己。电话 １３８ ００１３ ８０%02d。\n", i, i%50, i%7, i%3)
	}
	f := writeFile(t, "big.txt", b.String())
	code, out, stderr := runScan(t, "", "--format", "jsonl", f)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	m, err := detect.Compile(detect.Builtin()...)
	if err != nil {
		t.Fatal(err)
	}
	res, err := m.ScanReader(strings.NewReader(b.String()))
	if err != nil {
		t.Fatal(err)
	}
	var got, want any
	std, _ := json.Marshal(scanOutput{Input: f, Result: res})
	if err := json.Unmarshal(std, &want); err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal([]byte(out), &got); err != nil {
		t.Fatalf("not one JSON line: %v", err)
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("streamed JSON differs from ScanReader's result (%d findings, %d contacts)", len(res.Findings), len(res.Contacts))
	}
	if len(res.Findings) < 1000 || len(res.Contacts) < 1000 {
		t.Errorf("the test input should cross chunks with many findings and contacts: %d, %d", len(res.Findings), len(res.Contacts))
	}
}

// TestQuoterWritesWhatAppendJSONStringWrites: strings met again, strings
// that need escaping and different strings of one length all come out as
// appendJSONString writes them, whatever the quoter remembers.
func TestQuoterWritesWhatAppendJSONStringWrites(t *testing.T) {
	strs := []string{"bench", "百家乐", "no warning word governs the term", "a\"b", "tab\there", "\xff坏", "\u2028", "", "text"}
	for i := range 2000 {
		strs = append(strs, fmt.Sprintf("t%04d", i), fmt.Sprintf("q\"%03d", i%1000), strings.Repeat("乐", i%7))
	}
	q := new(quoter)
	var got, want []byte
	for round := range 3 {
		for _, s := range strs {
			got = q.appendString(got[:0], s)
			want = appendJSONString(want[:0], s)
			if !bytes.Equal(got, want) {
				t.Fatalf("round %d: %q written as %s, want %s", round, s, got, want)
			}
		}
	}
}
