package patrol

import (
	"bytes"
	"context"
	"fmt"
	"image/png"
	"net/http"
	"net/netip"
	"os"
	"sync/atomic"
	"testing"

	"github.com/pinggu/pinggu/detect"
)

// chromium finds the browser, or decides what a machine without one should
// do: fail where a browser is promised (CI, PINGGU_REQUIRE_BROWSER), skip
// elsewhere so `go test ./...` passes with only Go installed.
func chromium(t *testing.T) string {
	t.Helper()
	if p := FindChromium(); p != "" {
		return p
	}
	const hint = "Chromium is not installed; install it with: apt-get update && apt-get install -y chromium"
	if os.Getenv("CI") != "" || os.Getenv("PINGGU_REQUIRE_BROWSER") != "" {
		t.Fatal(hint + " (required because CI or PINGGU_REQUIRE_BROWSER is set)")
	}
	t.Skip(hint)
	return ""
}

func TestScreenshotOfRiskyPageStaysBehindTheGuard(t *testing.T) {
	exec := chromium(t)
	// The "internal" server stands for an address the browser must never
	// reach through a hostile page's images.
	internal, internalHits := counted(t, func(w http.ResponseWriter, r *http.Request) { w.Write([]byte("secret")) })
	page := fmt.Sprintf(`<!DOCTYPE html><html><head><meta charset="utf-8"><title>澳门新葡京_百家乐真人荷官</title>
<style>body{background:#c00000;color:#fff;font-size:40px}</style></head>
<body><h1>真人荷官在线发牌，注册送彩金</h1><img src="%s/pixel.gif"><img src="/logo.png">
<script>fetch("%s/api");</script></body></html>`, internal.URL, internal.URL)
	var logoHits atomic.Int64
	outer, _ := serveOn(t, "127.0.0.2:0", http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/logo.png":
			logoHits.Add(1)
			http.NotFound(w, r)
		default:
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			w.Write([]byte(page))
		}
	}))
	// Patrol may reach the page's own host, 127.0.0.2, and nothing else.
	f := testFetcher(t, func(c *Config) { c.Guard = Guard{Allow: []netip.Prefix{netip.MustParsePrefix("127.0.0.2/32")}} })
	shots := NewChromeScreenshotter(exec, f)
	t.Cleanup(shots.Close)
	snaps := NewMemorySnapshots()
	in := &Inspector{Fetcher: f, Matcher: testMatcher(t), Snapshots: snaps, Screenshots: shots}
	rep := in.Inspect(context.Background(), outer.URL+"/")
	if rep.Verdict != detect.Risky {
		t.Fatalf("verdict %s", rep.Verdict)
	}
	if rep.Screenshot == "" {
		t.Fatalf("no screenshot of a risky page; warnings %v", rep.Warnings)
	}
	blob, err := snaps.Blob(context.Background(), rep.Screenshot)
	if err != nil {
		t.Fatal(err)
	}
	if dir := os.Getenv("PINGGU_SCREENSHOT_DIR"); dir != "" {
		os.WriteFile(dir+"/patrol-risky.png", blob, 0o644)
	}
	img, err := png.Decode(bytes.NewReader(blob))
	if err != nil {
		t.Fatalf("screenshot is not a PNG: %v", err)
	}
	// The page paints itself red: the picture shows the page, not a blank tab.
	r, g, b, _ := img.At(img.Bounds().Dx()/2, img.Bounds().Dy()-5).RGBA()
	if r>>8 < 150 || g>>8 > 60 || b>>8 > 60 {
		t.Fatalf("pixel (%d,%d,%d) is not the page's red background", r>>8, g>>8, b>>8)
	}
	if internalHits.Load() != 0 {
		t.Fatalf("the browser reached the internal server %d times", internalHits.Load())
	}
	if logoHits.Load() == 0 {
		t.Fatal("the page's own image was not fetched through the guarded fetcher")
	}
	var linked bool
	for _, s := range snaps.Snapshots() {
		linked = linked || s.ScreenshotSHA256 == rep.Screenshot
	}
	if !linked {
		t.Fatal("no snapshot names the screenshot")
	}
}

func TestNoScreenshotOfCleanPage(t *testing.T) {
	srv, _ := counted(t, func(w http.ResponseWriter, r *http.Request) {
		w.Write([]byte("<html><body><p>关于调整部分业务办理时间的公告</p></body></html>"))
	})
	shots := NewChromeScreenshotter("", nil) // would fail if asked
	in := &Inspector{Fetcher: testFetcher(t, nil), Matcher: testMatcher(t), Screenshots: shots}
	rep := in.Inspect(context.Background(), srv.URL)
	if rep.Verdict != detect.Clean || rep.Screenshot != "" || len(rep.Warnings) != 0 {
		t.Fatalf("verdict %s screenshot %q warnings %v", rep.Verdict, rep.Screenshot, rep.Warnings)
	}
}
