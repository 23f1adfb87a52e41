package patrol

import (
	"context"
	"fmt"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/pinggu/pinggu/detect"
)

var (
	matcherOnce sync.Once
	matcher     *detect.Matcher
)

func testMatcher(t testing.TB) *detect.Matcher {
	t.Helper()
	matcherOnce.Do(func() {
		m, err := detect.Compile(detect.Builtin()...)
		if err != nil {
			panic(err)
		}
		matcher = m
	})
	return matcher
}

const cleanPage = `<!DOCTYPE html><html><head><meta charset="utf-8"><title>青山县农业技术推广中心</title></head>
<body><h1>关于做好秋季小麦播种技术指导工作的通知</h1><p>各乡镇农业服务中心：当前正值秋种关键时期，为确保小麦播种质量，现就有关技术要点通知如下。</p>
<p>页面生成时间：%s</p></body></html>`

const spamPage = `<!DOCTYPE html><html><head><meta charset="utf-8"><title>澳门新葡京_百家乐真人荷官_在线赌场官网</title></head>
<body><h1>青山县农业技术推广中心</h1><p>真人荷官在线发牌，注册送彩金，无限返水。</p></body></html>`

// cloakServer serves a page that shows spam only to spiders (/ua), one that
// sends search visitors to a gambling page (/ref), and an honest page whose
// bytes change on every request (/dynamic).
func cloakServer(t *testing.T) string {
	srv, _ := counted(t, func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		ua := strings.ToLower(r.UserAgent())
		switch r.URL.Path {
		case "/ua":
			if strings.Contains(ua, "spider") || strings.Contains(ua, "bot") {
				fmt.Fprint(w, spamPage)
				return
			}
		case "/ref":
			if strings.Contains(r.Referer(), "baidu.com") || strings.Contains(r.Referer(), "sogou.com") {
				http.Redirect(w, r, "/casino", http.StatusFound)
				return
			}
		case "/casino":
			fmt.Fprint(w, spamPage)
			return
		}
		fmt.Fprintf(w, cleanPage, time.Now().Format(time.RFC3339Nano))
	})
	return srv.URL
}

func TestCloakingByUserAgent(t *testing.T) {
	base := cloakServer(t)
	snaps := NewMemorySnapshots()
	in := &Inspector{Fetcher: testFetcher(t, nil), Matcher: testMatcher(t), Snapshots: snaps}
	rep := in.Inspect(context.Background(), base+"/ua")
	if !rep.Cloaking.Detected || rep.Verdict != detect.Risky {
		t.Fatalf("cloaking %+v verdict %s", rep.Cloaking, rep.Verdict)
	}
	// Detected with the default three, then every spider was asked too.
	want := "baiduspider,sogou,360spider,googlebot"
	if got := strings.Join(rep.Cloaking.Variants, ","); got != want {
		t.Fatalf("differing variants %s, want %s", got, want)
	}
	if !strings.Contains(rep.Cloaking.Detail, "百度蜘蛛") || !strings.Contains(rep.Cloaking.Detail, "gambling") || !strings.Contains(rep.Cloaking.DetailEn, "Baiduspider") {
		t.Fatalf("detail does not say who saw what: %s / %s", rep.Cloaking.Detail, rep.Cloaking.DetailEn)
	}
	byAs := map[string]*Variant{}
	for _, v := range rep.Variants {
		byAs[v.As] = v
	}
	if byAs["browser"].Verdict != detect.Clean || byAs["baiduspider"].Verdict != detect.Risky || byAs["baidu-referrer"].Verdict != detect.Clean {
		t.Fatalf("variant verdicts: browser %s spider %s referrer %s", byAs["browser"].Verdict, byAs["baiduspider"].Verdict, byAs["baidu-referrer"].Verdict)
	}
	// The merged findings say which variant carried them, and the
	// differing variants are kept as evidence.
	if len(rep.Findings) == 0 || rep.Findings[0].As != "baiduspider" {
		t.Fatalf("findings %+v", rep.Findings)
	}
	kept := map[string]bool{}
	for _, s := range snaps.Snapshots() {
		kept[s.As] = true
		if b, err := snaps.Blob(context.Background(), s.SHA256); err != nil || SumHex(b) != s.SHA256 {
			t.Fatalf("snapshot of %s: blob %v", s.As, err)
		}
	}
	if !kept["browser"] || !kept["baiduspider"] || len(kept) != len(rep.Variants) {
		t.Fatalf("snapshots kept for %v of %d variants", kept, len(rep.Variants))
	}
}

func TestCloakingByReferrer(t *testing.T) {
	base := cloakServer(t)
	in := &Inspector{Fetcher: testFetcher(t, nil), Matcher: testMatcher(t), Escalate: []Identity{}}
	rep := in.Inspect(context.Background(), base+"/ref")
	if !rep.Cloaking.Detected || strings.Join(rep.Cloaking.Variants, ",") != "baidu-referrer" {
		t.Fatalf("cloaking %+v", rep.Cloaking)
	}
	if len(rep.Variants) != 3 {
		t.Fatalf("%d variants fetched with escalation off", len(rep.Variants))
	}
	ref := rep.Variants[2]
	if ref.FinalURL != base+"/casino" || len(ref.Redirects) != 1 || ref.Verdict != detect.Risky {
		t.Fatalf("referrer variant: final %s redirects %v verdict %s", ref.FinalURL, ref.Redirects, ref.Verdict)
	}
	if rep.FinalURL != base+"/ref" || !strings.Contains(rep.Cloaking.Detail, "/casino") {
		t.Fatalf("report final %s, detail %s", rep.FinalURL, rep.Cloaking.Detail)
	}
	var cloakSignal bool
	for _, s := range rep.Signals {
		cloakSignal = cloakSignal || s.Kind == "cloaking"
	}
	if !cloakSignal || rep.Score < 45 {
		t.Fatalf("merged score %d, signals %+v", rep.Score, rep.Signals)
	}
}

func TestNoCloakingWhenOnlyBytesDiffer(t *testing.T) {
	base := cloakServer(t)
	in := &Inspector{Fetcher: testFetcher(t, nil), Matcher: testMatcher(t)}
	rep := in.Inspect(context.Background(), base+"/dynamic")
	if rep.Cloaking.Detected || rep.Verdict != detect.Clean || len(rep.Variants) != 3 {
		t.Fatalf("a page with a timestamp: cloaking %+v verdict %s, %d variants", rep.Cloaking, rep.Verdict, len(rep.Variants))
	}
	if rep.Variants[0].SHA256 == rep.Variants[1].SHA256 {
		t.Fatal("the test page should differ in bytes between fetches")
	}
}

func TestIdenticalVariantsStoredOnce(t *testing.T) {
	srv, _ := counted(t, func(w http.ResponseWriter, r *http.Request) { fmt.Fprint(w, spamPage) })
	snaps := NewMemorySnapshots()
	in := &Inspector{Fetcher: testFetcher(t, nil), Matcher: testMatcher(t), Snapshots: snaps}
	rep := in.Inspect(context.Background(), srv.URL)
	if rep.Cloaking.Detected || rep.Verdict != detect.Risky {
		t.Fatalf("plainly hacked page: cloaking %v verdict %s", rep.Cloaking.Detected, rep.Verdict)
	}
	in.Inspect(context.Background(), srv.URL) // the next round
	blobs, _ := snaps.Stats()
	if n := len(snaps.Snapshots()); blobs != 1 || n != 6 {
		t.Fatalf("%d blobs for %d snapshots of one unchanged page, want 1 for 6", blobs, n)
	}
}

func TestParseIdentities(t *testing.T) {
	ids, err := ParseIdentities("sogou,baiduspider")
	if err != nil || len(ids) != 3 || ids[0].Name != "browser" || ids[1].Name != "sogou" {
		t.Fatalf("%v %v", ids, err)
	}
	if ids, _ := ParseIdentities("all"); len(ids) != len(Identities) {
		t.Fatalf("all: %d identities", len(ids))
	}
	if _, err := ParseIdentities("bingbot"); err == nil || !strings.Contains(err.Error(), `"bingbot"`) {
		t.Fatalf("unknown identity: %v", err)
	}
}
