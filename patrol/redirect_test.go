package patrol

import (
	"net/url"
	"strings"
	"testing"
)

func TestExtractRedirect(t *testing.T) {
	base, _ := url.Parse("http://www.example.cn/dir/page.html")
	cases := []struct{ page, kind, want string }{
		{`<meta http-equiv="refresh" content="0;url=http://a.example/x">`, HopMeta, "http://a.example/x"},
		{`<META HTTP-EQUIV=REFRESH CONTENT="3; URL='next.html'">`, HopMeta, "http://www.example.cn/dir/next.html"},
		{`<meta http-equiv="refresh" content="0, url=/root#frag">`, HopMeta, "http://www.example.cn/root"},
		{`<meta http-equiv="refresh" content="5;/plain">`, HopMeta, "http://www.example.cn/plain"},
		{`<meta http-equiv="refresh" content="0;url=&quot;http://q.example/&quot;">`, HopMeta, "http://q.example/"},
		{`<script>location.href="https://b.example/"</script>`, HopJS, "https://b.example/"},
		{`<script>window.location = 'https:\/\/c.example\/p'</script>`, HopJS, "https://c.example/p"},
		{`<script>top.location.replace( "/r" );</script>`, HopJS, "http://www.example.cn/r"},
		{"<script>document.location.assign(`/tpl`)</script>", HopJS, "http://www.example.cn/tpl"},
		{`<script>var a=1;self.location.href = "/first"; location = "/second"</script>`, HopJS, "http://www.example.cn/first"},
		{`<script>location.replace("/b")</script><meta http-equiv="refresh" content="0;url=/a">`, HopJS, "http://www.example.cn/b"},
		// Not redirects:
		{`<meta http-equiv="refresh" content="30">`, "", ""},
		{`<meta http-equiv="refresh" content="0;url=javascript:alert(1)">`, "", ""},
		{`<meta http-equiv="refresh" content="0;url=page.html">`, "", ""}, // itself
		{`<noscript><meta http-equiv="refresh" content="0;url=/nojs"></noscript>`, "", ""},
		{`<script>if (x == location.href) {}</script>`, "", ""},
		{`<script>var u = location.href; foo.location = "/x";</script>`, "", ""},
		{`<script>location.href = target;</script>`, "", ""},
		{"<script>location.href = `/p/${id}`</script>", "", ""},
		{`<script>if (navigator.userAgent.indexOf("Baiduspider")<0) location.href="/spam"</script>`, "", ""},
		{`<p>location.href = "/text-not-script"</p>`, "", ""},
		{`<script>window.location = "data:text/html,hi"</script>`, "", ""},
	}
	for _, c := range cases {
		r, ok := ExtractRedirect([]byte("<html><head>"+c.page+"</head><body>x</body></html>"), base)
		got := ""
		if ok {
			got = r.Target.String()
		}
		if got != c.want || ok && r.Kind != c.kind {
			t.Errorf("%s\n  got %q (%s), want %q (%s)", c.page, got, r.Kind, c.want, c.kind)
		}
	}
}

func FuzzExtractRedirect(f *testing.F) {
	f.Add([]byte(`<meta http-equiv="refresh" content="0;url=http://a.example/x">`))
	f.Add([]byte(`<script>window.location.replace("/r")</script>`))
	f.Add([]byte(`<script>location.href='//evil.example/'</script><meta http-equiv=refresh content=";url=">`))
	f.Add([]byte("<noscript><meta http-equiv=\"refresh\" content=\"0;url=x\"></noscript><script>location=`a`"))
	base, _ := url.Parse("http://www.example.cn/a/b?c=d")
	f.Fuzz(func(t *testing.T, page []byte) {
		r, ok := ExtractRedirect(page, base)
		if !ok {
			return
		}
		if r.Kind != HopMeta && r.Kind != HopJS {
			t.Fatalf("kind %q", r.Kind)
		}
		if r.Target.Scheme != "http" && r.Target.Scheme != "https" || r.Target.Host == "" || r.Target.Fragment != "" {
			t.Fatalf("target %q is not an absolute http(s) URL without fragment", r.Target)
		}
		if sameURL(r.Target, base) {
			t.Fatalf("target %q is the page itself", r.Target)
		}
	})
}

// FuzzRedirectRoundTrip writes a URL into each kind of page redirect and
// checks the extractor reads back the same URL.
func FuzzRedirectRoundTrip(f *testing.F) {
	f.Add("http://a.example/x?y=1", uint8(0))
	f.Add("/relative/path", uint8(3))
	f.Add("https://例子.中国/路径", uint8(5))
	base, _ := url.Parse("http://www.example.cn/")
	forms := []string{
		`<meta http-equiv="refresh" content="0;url=%s">`,
		`<meta http-equiv="Refresh" content="2; URL='%s'">`,
		`<script>location.href = "%s";</script>`,
		`<script>window.location='%s'</script>`,
		`<script>location.replace("%s")</script>`,
		"<script>top.location.assign(`%s`)</script>",
	}
	f.Fuzz(func(t *testing.T, target string, form uint8) {
		if target == "" || strings.ContainsAny(target, "\"'`\\<>&\n\r\t $;,{}") || strings.TrimSpace(target) != target {
			return
		}
		want, err := base.Parse(target)
		if err != nil || (want.Scheme != "http" && want.Scheme != "https") || want.Host == "" || want.Fragment != "" || sameURL(want, base) {
			return
		}
		if i := strings.IndexAny(target, "0123456789"); i == 0 || strings.HasPrefix(strings.ToLower(target), "url") {
			return // the refresh syntax reads a leading delay or "url"
		}
		page := "<html><head>" + strings.Replace(forms[int(form)%len(forms)], "%s", target, 1) + "</head></html>"
		r, ok := ExtractRedirect([]byte(page), base)
		if !ok || r.Target.String() != want.String() {
			t.Fatalf("%s\n  read %v (%v), want %s", page, r.Target, ok, want)
		}
	})
}
