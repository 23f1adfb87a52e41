package patrol

import (
	"bytes"
	"compress/flate"
	"compress/gzip"
	"compress/zlib"
	"context"
	"fmt"
	"io"
	"net"
	"net/http"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/andybalholm/brotli"
)

func TestRetriesOn503ThenSucceeds(t *testing.T) {
	var n atomic.Int64
	srv, _ := counted(t, func(w http.ResponseWriter, r *http.Request) {
		if n.Add(1) <= 2 {
			http.Error(w, "busy", http.StatusServiceUnavailable)
			return
		}
		w.Write([]byte("<html><body>恢复正常</body></html>"))
	})
	p := testFetcher(t, nil).Fetch(context.Background(), srv.URL, Browser)
	if p.Err != nil || p.Status != 200 || !strings.Contains(string(p.Text), "恢复正常") {
		t.Fatalf("err %v status %d body %q", p.Err, p.Status, p.Text)
	}
	if p.Attempts != 3 || len(p.Failures) != 2 || p.Failures[0].Reason != ReasonHTTPStatus || p.Failures[1].Attempt != 2 {
		t.Fatalf("attempts %d, failures %+v: want two 503s recorded and the third attempt to succeed", p.Attempts, p.Failures)
	}
}

func TestRetriesAreBounded(t *testing.T) {
	srv, hits := counted(t, func(w http.ResponseWriter, r *http.Request) { http.Error(w, "down", http.StatusBadGateway) })
	p := testFetcher(t, func(c *Config) { c.Retries = 3 }).Fetch(context.Background(), srv.URL, Browser)
	if p.Err == nil || p.Err.Reason != ReasonHTTPStatus || p.Status != 502 {
		t.Fatalf("err %v status %d", p.Err, p.Status)
	}
	if hits.Load() != 4 || p.Attempts != 4 {
		t.Fatalf("hits %d attempts %d, want 1 + 3 retries", hits.Load(), p.Attempts)
	}
	srv2, hits2 := counted(t, func(w http.ResponseWriter, r *http.Request) { http.Error(w, "gone", http.StatusNotFound) })
	p = testFetcher(t, nil).Fetch(context.Background(), srv2.URL, Browser)
	if hits2.Load() != 1 || p.Err == nil || p.Status != 404 {
		t.Fatalf("404 was retried (%d hits) or not recorded (%v)", hits2.Load(), p.Err)
	}
}

func TestRetryAfterOn429(t *testing.T) {
	var n atomic.Int64
	srv, _ := counted(t, func(w http.ResponseWriter, r *http.Request) {
		if n.Add(1) == 1 {
			w.Header().Set("Retry-After", "0")
			http.Error(w, "slow down", http.StatusTooManyRequests)
			return
		}
		w.Write([]byte("ok"))
	})
	p := testFetcher(t, nil).Fetch(context.Background(), srv.URL, Browser)
	if p.Err != nil || string(p.Body) != "ok" || p.Failures[0].Reason != ReasonRateLimited {
		t.Fatalf("err %v body %q failures %+v", p.Err, p.Body, p.Failures)
	}
	// A Retry-After longer than patrol waits ends the fetch at once.
	long, hits := counted(t, func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Retry-After", "3600")
		http.Error(w, "come back tomorrow", http.StatusTooManyRequests)
	})
	p = testFetcher(t, nil).Fetch(context.Background(), long.URL, Browser)
	if hits.Load() != 1 || p.Err == nil || p.Err.Reason != ReasonRateLimited || !strings.Contains(p.Failures[0].Detail, "Retry-After") {
		t.Fatalf("hits %d err %v failures %+v", hits.Load(), p.Err, p.Failures)
	}
}

func TestRetriesAfterConnectionReset(t *testing.T) {
	var n atomic.Int64
	srv, _ := counted(t, func(w http.ResponseWriter, r *http.Request) {
		if n.Add(1) == 1 {
			conn, _, _ := w.(http.Hijacker).Hijack()
			conn.(*net.TCPConn).SetLinger(0)
			conn.Close()
			return
		}
		w.Write([]byte("second time lucky"))
	})
	p := testFetcher(t, nil).Fetch(context.Background(), srv.URL, Browser)
	if p.Err != nil || string(p.Body) != "second time lucky" {
		t.Fatalf("err %v body %q", p.Err, p.Body)
	}
	if len(p.Failures) != 1 || p.Failures[0].Reason != ReasonReset {
		t.Fatalf("failures %+v, want one connection-reset", p.Failures)
	}
}

func TestContentEncodings(t *testing.T) {
	page := strings.Repeat("<p>关于做好秋季安全生产检查工作的通知</p>\n", 200)
	enc := map[string]func(io.Writer) io.WriteCloser{
		"gzip":         func(w io.Writer) io.WriteCloser { return gzip.NewWriter(w) },
		"deflate":      func(w io.Writer) io.WriteCloser { return zlib.NewWriter(w) },
		"deflate-raw":  func(w io.Writer) io.WriteCloser { z, _ := flate.NewWriter(w, 5); return z },
		"br":           func(w io.Writer) io.WriteCloser { return brotli.NewWriter(w) },
		"gzip-then-br": nil,
	}
	srv, _ := counted(t, func(w http.ResponseWriter, r *http.Request) {
		name := strings.TrimPrefix(r.URL.Path, "/")
		var buf bytes.Buffer
		switch name {
		case "gzip-then-br":
			var g bytes.Buffer
			z := gzip.NewWriter(&g)
			z.Write([]byte(page))
			z.Close()
			b := brotli.NewWriter(&buf)
			b.Write(g.Bytes())
			b.Close()
			w.Header().Set("Content-Encoding", "gzip, br")
		case "zstd":
			buf.WriteString("not really zstd")
			w.Header().Set("Content-Encoding", "zstd")
		default:
			z := enc[name](&buf)
			z.Write([]byte(page))
			z.Close()
			w.Header().Set("Content-Encoding", strings.TrimSuffix(name, "-raw"))
		}
		if !strings.Contains(r.Header.Get("Accept-Encoding"), "br") {
			t.Errorf("Accept-Encoding %q does not offer br", r.Header.Get("Accept-Encoding"))
		}
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Write(buf.Bytes())
	})
	f := testFetcher(t, nil)
	for name := range enc {
		p := f.Fetch(context.Background(), srv.URL+"/"+name, Browser)
		if p.Err != nil || string(p.Body) != page {
			t.Errorf("%s: err %v, %d bytes decoded, want %d", name, p.Err, len(p.Body), len(page))
		}
	}
	p := f.Fetch(context.Background(), srv.URL+"/zstd", Browser)
	if p.Err == nil || p.Err.Reason != ReasonEncoding {
		t.Errorf("unknown encoding: err %v, want %s", p.Err, ReasonEncoding)
	}
}

func TestOversizedPageIsCutAndMarked(t *testing.T) {
	const cap = 64 << 10
	var sent atomic.Int64
	srv, _ := counted(t, func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		chunk := []byte(strings.Repeat("<p>很长的页面内容。</p>", 100))
		for i := 0; i < 5<<20/len(chunk); i++ {
			n, err := w.Write(chunk)
			sent.Add(int64(n))
			if err != nil {
				return
			}
		}
	})
	p := testFetcher(t, func(c *Config) { c.MaxBytes = cap }).Fetch(context.Background(), srv.URL, Browser)
	if p.Err != nil || !p.Truncated || len(p.Body) != cap || p.Size != cap {
		t.Fatalf("err %v truncated %v body %d, want %d bytes kept and marked", p.Err, p.Truncated, len(p.Body), cap)
	}
	if p.SHA256 != SumHex(p.Body) {
		t.Fatal("hash is not of the bytes kept")
	}
	// A compression bomb: 64 MiB of zeros in 64 KiB of gzip.
	bomb, _ := counted(t, func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Encoding", "gzip")
		z := gzip.NewWriter(w)
		zero := make([]byte, 1<<20)
		for i := 0; i < 64; i++ {
			if _, err := z.Write(zero); err != nil {
				return
			}
		}
		z.Close()
	})
	p = testFetcher(t, func(c *Config) { c.MaxBytes = cap }).Fetch(context.Background(), bomb.URL, Browser)
	if !p.Truncated || len(p.Body) != cap {
		t.Fatalf("bomb: truncated %v, %d bytes kept", p.Truncated, len(p.Body))
	}
}

func TestSlowPages(t *testing.T) {
	release := make(chan struct{})
	t.Cleanup(func() { close(release) })
	srv, _ := counted(t, func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/late-headers":
			select {
			case <-release:
			case <-r.Context().Done():
			}
		case "/trickle":
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			w.Write([]byte("<html><body><p>开头部分"))
			w.(http.Flusher).Flush()
			select {
			case <-release:
			case <-r.Context().Done():
			}
		}
	})
	f := testFetcher(t, func(c *Config) { c.HeaderTimeout = 200 * time.Millisecond; c.FetchTimeout = 400 * time.Millisecond })
	p := f.Fetch(context.Background(), srv.URL+"/late-headers", Browser)
	if p.Err == nil || p.Err.Reason != ReasonHeaderTimeout {
		t.Fatalf("late headers: err %v, want %s", p.Err, ReasonHeaderTimeout)
	}
	p = f.Fetch(context.Background(), srv.URL+"/trickle", Browser)
	if p.Err == nil || p.Err.Reason != ReasonTimeout {
		t.Fatalf("trickle: err %v, want %s", p.Err, ReasonTimeout)
	}
	if !p.Truncated || !strings.Contains(string(p.Text), "开头部分") || p.Status != 200 {
		t.Fatalf("trickle: what arrived was not kept as a truncated page: %v %q", p.Truncated, p.Text)
	}
}

func TestRedirectChainIsFollowedAndRecorded(t *testing.T) {
	var srv string
	s, _ := counted(t, func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/start":
			http.Redirect(w, r, "/two", http.StatusMovedPermanently)
		case "/two":
			http.Redirect(w, r, srv+"/three", http.StatusFound)
		case "/three":
			fmt.Fprint(w, `<html><head><META HTTP-EQUIV="Refresh" CONTENT="1; URL='/four'"></head><body>跳转中</body></html>`)
		case "/four":
			fmt.Fprint(w, `<html><body><script>setTimeout(function(){ window.location.replace("/final?x=1"); }, 0);</script></body></html>`)
		case "/final":
			if r.Referer() != srv+"/four" {
				t.Errorf("final page referrer %q, want the script's page", r.Referer())
			}
			fmt.Fprint(w, `<html><body>终点</body></html>`)
		}
	})
	srv = s.URL
	p := testFetcher(t, nil).Fetch(context.Background(), srv+"/start", Browser)
	if p.Err != nil || p.FinalURL != srv+"/final?x=1" || !strings.Contains(string(p.Text), "终点") {
		t.Fatalf("err %v final %s", p.Err, p.FinalURL)
	}
	var kinds []string
	for _, h := range p.Redirects {
		kinds = append(kinds, h.Kind+":"+strings.TrimPrefix(h.To, srv))
	}
	if got, want := strings.Join(kinds, " "), "http:/two http:/three meta:/four js:/final?x=1"; got != want {
		t.Fatalf("redirects %q, want %q", got, want)
	}
	if p.Redirects[0].Status != 301 {
		t.Errorf("first hop status %d", p.Redirects[0].Status)
	}
}

func TestRedirectLoopsAndHopLimit(t *testing.T) {
	s, _ := counted(t, func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/a":
			http.Redirect(w, r, "/b", http.StatusFound)
		case "/b":
			http.Redirect(w, r, "/a", http.StatusFound)
		case "/m1":
			fmt.Fprint(w, `<html><meta http-equiv="refresh" content="0;url=/m2"></html>`)
		case "/m2":
			fmt.Fprint(w, `<html><script>location = '/m1'</script></html>`)
		case "/self":
			// A page that reloads itself every minute is not a loop.
			fmt.Fprint(w, `<html><head><meta http-equiv="refresh" content="60"><meta http-equiv="refresh" content="60;url=/self"></head><body>行情</body></html>`)
		default:
			var n int
			fmt.Sscanf(r.URL.Path, "/hop/%d", &n)
			http.Redirect(w, r, fmt.Sprintf("/hop/%d", n+1), http.StatusFound)
		}
	})
	f := testFetcher(t, func(c *Config) { c.MaxRedirects = 5 })
	for _, path := range []string{"/a", "/m1"} {
		p := f.Fetch(context.Background(), s.URL+path, Browser)
		if p.Err == nil || p.Err.Reason != ReasonRedirectLoop || len(p.Redirects) != 2 {
			t.Errorf("%s: err %v after %d hops, want a loop after 2", path, p.Err, len(p.Redirects))
		}
	}
	p := f.Fetch(context.Background(), s.URL+"/hop/0", Browser)
	if p.Err == nil || p.Err.Reason != ReasonTooManyHops || len(p.Redirects) != 6 {
		t.Fatalf("endless chain: err %v after %d hops", p.Err, len(p.Redirects))
	}
	p = f.Fetch(context.Background(), s.URL+"/self", Browser)
	if p.Err != nil || len(p.Redirects) != 0 {
		t.Fatalf("self-refresh: err %v hops %v", p.Err, p.Redirects)
	}
}

func TestConditionalScriptRedirectIsNotFollowed(t *testing.T) {
	s, _ := counted(t, func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprint(w, `<html><head><script>if (/baidu|sogou/.test(document.referrer)) { window.location.href = "http://pj-example.top/"; }</script></head><body>正常页面</body></html>`)
	})
	p := testFetcher(t, nil).Fetch(context.Background(), s.URL, BaiduReferrer)
	if p.Err != nil || len(p.Redirects) != 0 {
		t.Fatalf("err %v redirects %v: a referrer-dependent script is not a simple redirect", p.Err, p.Redirects)
	}
}
