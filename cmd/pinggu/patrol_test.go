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
	"strings"
	"sync/atomic"
	"testing"
)

// patrolLine is what a person scripting `patrol fetch --format jsonl` reads.
type patrolLine struct {
	URL       string `json:"url"`
	FinalURL  string `json:"final_url"`
	Status    int    `json:"status"`
	Charset   string `json:"charset"`
	Redirects []struct{ From, To, Kind string }
	Variants  []struct {
		As, SHA256, Verdict string
		Status, Score       int
	} `json:"variants"`
	Cloaking struct {
		Detected bool     `json:"detected"`
		Detail   string   `json:"detail"`
		Variants []string `json:"variants"`
	} `json:"cloaking"`
	Verdict  string `json:"verdict"`
	Score    int    `json:"score"`
	Findings []struct {
		As, Category, Rule, Term, Text, Location string
		Start, End                               int
	} `json:"findings"`
	Signals []struct{ As, Kind, Detail string } `json:"signals"`
	Error   *struct{ Reason, Detail string }    `json:"error"`
}

func runPatrol(t *testing.T, args ...string) (int, string, string) {
	t.Helper()
	var out, errb bytes.Buffer
	code := runCLI(context.Background(), &cliEnv{stdin: strings.NewReader(""), stdout: &out, stderr: &errb}, append([]string{"patrol"}, args...))
	return code, out.String(), errb.String()
}

func cloakingSite(t *testing.T) *httptest.Server {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		switch r.URL.Path {
		case "/old":
			http.Redirect(w, r, "/news", http.StatusMovedPermanently)
		case "/news":
			if strings.Contains(strings.ToLower(r.UserAgent()), "spider") {
				fmt.Fprint(w, `<html><head><title>澳门新葡京_百家乐真人荷官_在线赌场官网</title></head><body><p>注册送彩金，加微信领取。</p></body></html>`)
				return
			}
			fmt.Fprint(w, `<html><head><title>临江市物流协会</title></head><body><p>关于举办职工技能竞赛的通知。</p></body></html>`)
		}
	}))
	t.Cleanup(srv.Close)
	return srv
}

func TestPatrolFetchJSONL(t *testing.T) {
	srv := cloakingSite(t)
	code, out, errOut := runPatrol(t, "fetch", "--allow-private", "--format", "jsonl", "--identities", "default", srv.URL+"/old")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	var l patrolLine
	if err := json.Unmarshal([]byte(out), &l); err != nil {
		t.Fatalf("not one JSON line: %q: %v", out, err)
	}
	if l.URL != srv.URL+"/old" || l.FinalURL != srv.URL+"/news" || l.Status != 200 || l.Charset != "utf-8" || len(l.Redirects) != 1 {
		t.Fatalf("url %s final %s status %d charset %s redirects %v", l.URL, l.FinalURL, l.Status, l.Charset, l.Redirects)
	}
	if !l.Cloaking.Detected || l.Cloaking.Detail == "" || l.Verdict != "risky" || l.Score < 40 {
		t.Fatalf("cloaking %+v verdict %s score %d", l.Cloaking, l.Verdict, l.Score)
	}
	if len(l.Variants) < 3 || l.Variants[0].As != "browser" || l.Variants[0].Verdict != "clean" || len(l.Variants[0].SHA256) != 64 {
		t.Fatalf("variants %+v", l.Variants)
	}
	// Findings and signals in the shape `pinggu scan` prints, with the
	// variant that carried each.
	if len(l.Findings) == 0 || l.Findings[0].As != "baiduspider" || l.Findings[0].Category != "gambling" || l.Findings[0].Location != "title" {
		t.Fatalf("findings %+v", l.Findings)
	}
	var cloak bool
	for _, s := range l.Signals {
		cloak = cloak || s.Kind == "cloaking"
	}
	if !cloak {
		t.Fatalf("signals %+v lack cloaking", l.Signals)
	}
}

func TestPatrolFetchRefusesLoopbackByDefault(t *testing.T) {
	var hits atomic.Int64
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { hits.Add(1) }))
	t.Cleanup(srv.Close)
	code, out, _ := runPatrol(t, "fetch", "--format", "jsonl", srv.URL)
	var l patrolLine
	if err := json.Unmarshal([]byte(out), &l); err != nil {
		t.Fatal(err)
	}
	if code != 1 || l.Error == nil || l.Error.Reason != "address-refused" || hits.Load() != 0 {
		t.Fatalf("exit %d error %+v hits %d", code, l.Error, hits.Load())
	}
}

func TestPatrolFetchTextAndSnapshots(t *testing.T) {
	srv := cloakingSite(t)
	dir := filepath.Join(t.TempDir(), "snaps")
	code, out, errOut := runPatrol(t, "fetch", "--allow", "127.0.0.0/8", "--no-escalate", "--snapshots", dir, srv.URL+"/news")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	for _, want := range []string{"网址：", "结论：有风险", "伪装（Cloaking）：是", "百度蜘蛛", "赌博「", "各身份所见："} {
		if !strings.Contains(out, want) {
			t.Errorf("text output lacks %q:\n%s", want, out)
		}
	}
	records, err := os.ReadFile(filepath.Join(dir, "snapshots.jsonl"))
	if err != nil || strings.Count(string(records), "\n") != 3 {
		t.Fatalf("snapshot records: %v\n%s", err, records)
	}
	blobs, _ := filepath.Glob(filepath.Join(dir, "blobs", "*", "*.gz"))
	if len(blobs) != 2 {
		t.Fatalf("%d blobs for two distinct views", len(blobs))
	}
}

func TestPatrolFetchBadFlags(t *testing.T) {
	for _, c := range []struct{ args, want string }{
		{"fetch --format xml http://a.example/", "--format"},
		{"fetch --identities browser,bingbot http://a.example/", `"bingbot"`},
		{"fetch --allow 10.0.0.0/33 http://a.example/", "10.0.0.0/33"},
		{"fetch --screenshots http://a.example/", "--snapshots"},
		{"fetch --resolve nothing http://a.example/", "NAME=ADDRESS"},
	} {
		code, _, errOut := runPatrol(t, strings.Fields(c.args)...)
		if code != 2 || !strings.Contains(errOut, c.want) {
			t.Errorf("%s: exit %d, stderr %q lacks %q", c.args, code, errOut, c.want)
		}
	}
}
