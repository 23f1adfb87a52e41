package detect

import (
	"os"
	"slices"
	"strings"
	"testing"
)

var builtin *Matcher

func builtinMatcher(t testing.TB) *Matcher {
	t.Helper()
	if builtin == nil {
		m, err := Compile(Builtin()...)
		if err != nil {
			t.Fatal(err)
		}
		builtin = m
	}
	return builtin
}

func signalKinds(res *Result) map[string]Signal {
	out := map[string]Signal{}
	for _, s := range res.Signals {
		if _, ok := out[s.Kind]; !ok {
			out[s.Kind] = s
		}
	}
	return out
}

func TestHackedPageIsRiskyWithSignals(t *testing.T) {
	m := builtinMatcher(t)
	data, err := os.ReadFile("testdata/hacked.html")
	if err != nil {
		t.Fatal(err)
	}
	res := m.ScanWith(data, Options{PageURL: "http://nongye.example.gov.cn/"})
	if !res.HTML || res.Verdict != Risky {
		t.Fatalf("hacked page: html %v verdict %s score %d, want risky HTML", res.HTML, res.Verdict, res.Score)
	}
	kinds := signalKinds(res)
	for _, want := range []struct{ kind, loc, detail string }{
		{"seo-hijack", "title", "澳门新葡京"},
		{"hidden-link", "hidden", "pj-example.top"},
		{"cloaking-redirect", "script", "document.referrer"},
		{"hidden-text", "hidden", ""},
	} {
		s, ok := kinds[want.kind]
		if !ok {
			t.Errorf("missing signal %s; got %+v", want.kind, res.Signals)
			continue
		}
		if s.Location != want.loc || !strings.Contains(s.Detail, want.detail) {
			t.Errorf("signal %s at %s: %q, want at %s mentioning %q", s.Kind, s.Location, s.Detail, want.loc, want.detail)
		}
	}
	hidden := 0
	for _, s := range res.Signals {
		if s.Kind == "hidden-link" {
			hidden++
		}
	}
	if hidden != 4 {
		t.Errorf("want the 4 hidden foreign links (off-screen class and display:none), got %d", hidden)
	}
	locs := map[string]bool{}
	for _, f := range res.Findings {
		locs[f.Location] = true
		if string(data[f.Start:f.End]) != f.Text {
			t.Errorf("finding %q does not slice the page", f.Text)
		}
	}
	for _, l := range []string{"title", "meta", "hidden"} {
		if !locs[l] {
			t.Errorf("want findings located in %s, got %v", l, locs)
		}
	}
	if locs["body"] {
		t.Errorf("the ordinary body should have no findings")
	}
}

func TestSamePageWithoutSpamIsClean(t *testing.T) {
	data, err := os.ReadFile("testdata/hacked_clean.html")
	if err != nil {
		t.Fatal(err)
	}
	res := builtinMatcher(t).ScanWith(data, Options{PageURL: "http://nongye.example.gov.cn/"})
	if res.Verdict != Clean || len(res.Findings) != 0 || len(res.Signals) != 0 {
		t.Errorf("clean page: verdict %s, findings %v, signals %v", res.Verdict, res.Findings, res.Signals)
	}
}

func TestPageSignals(t *testing.T) {
	m := builtinMatcher(t)
	body := "<p>我们的合作社主要种植有机蔬菜和水果，产品销往全国各地，欢迎各地客商前来参观洽谈。</p>"
	for _, tc := range []struct {
		name, page, kind, loc string
	}{
		{"meta refresh", `<html><head><meta http-equiv="refresh" content="0;url=http://x-example.top/"></head><body>` + body + `</body></html>`, "meta-refresh", "meta"},
		{"plain script redirect", `<html><body>` + body + `<script>setTimeout(function(){location.replace("http://x-example.top/")},10)</script></body></html>`, "js-redirect", "script"},
		{"user-agent cloaking", `<html><head><script>if(navigator.userAgent.indexOf("Baiduspider")<0){top.location="http://x-example.top"}</script></head><body>` + body + `</body></html>`, "cloaking-redirect", "script"},
		{"colour equal to background", `<html><body>` + body + `<p style="color:#fff;background-color:#fff"><a href="http://x-example.top/">链接</a></p></body></html>`, "hidden-link", "hidden"},
		{"zero font size", `<html><body>` + body + `<span style="font-size:0px"><a href="https://x-example.top/">链接</a></span></body></html>`, "hidden-link", "hidden"},
		{"visibility hidden", `<html><body>` + body + `<div style="visibility: hidden"><a href="//x-example.top/">链接</a></div></body></html>`, "hidden-link", "hidden"},
		{"pinyin annotations", `<html><body><p>欢(huān)迎(yíng)来(lái)到(dào)本(běn)站(zhàn)，今天天气很好。</p></body></html>`, "pinyin-annotation", "body"},
		{"doubled punctuation", `<html><body><p>点，，击，，进，，入，，本站查看最新消息。</p></body></html>`, "doubled-punctuation", "body"},
		{"traditional on simplified page", `<html><body>` + body + `<p>这里是我们的产品介绍，欢迎联系购买。點擊進入</p></body></html>`, "traditional-mix", "body"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			res := m.ScanWith([]byte(tc.page), Options{PageURL: "http://farm.example.cn/"})
			s, ok := signalKinds(res)[tc.kind]
			if !ok || s.Location != tc.loc || s.Detail == "" {
				t.Errorf("want %s at %s, got %+v", tc.kind, tc.loc, res.Signals)
			}
		})
	}
	// A visible link to another site, and a hidden link to the page's own
	// host, are ordinary.
	page := `<html><body>` + body + `<a href="http://gov-example.cn/">友情链接</a><div style="display:none"><a href="http://farm.example.cn/a">内部</a></div></body></html>`
	if res := m.ScanWith([]byte(page), Options{PageURL: "http://farm.example.cn/"}); len(res.Signals) != 0 {
		t.Errorf("ordinary links gave signals %+v", res.Signals)
	}
}

func TestAttributesAreScannedWithOffsets(t *testing.T) {
	page := []byte(`<html><head><meta name="description" content="百&#23478;乐 在线"></head><body><img alt="网上赌场" src="a.png"><p>你好</p></body></html>`)
	res := builtinMatcher(t).Scan(page)
	got := map[string]string{}
	for _, f := range res.Findings {
		got[f.Term] = f.Location
		if string(page[f.Start:f.End]) != f.Text {
			t.Errorf("%q does not slice the page", f.Text)
		}
	}
	if got["百家乐"] != "meta" || got["网上赌场"] != "attribute" {
		t.Errorf("want 百家乐 in meta and 网上赌场 in an attribute, got %v", got)
	}
}

func TestRubyAnnotationsInsideAWord(t *testing.T) {
	page := []byte(`<html><body><p><ruby>百<rp>(</rp><rt>bǎi</rt><rp>)</rp>家<rt>jiā</rt>乐<rt>lè</rt></ruby>在线</p></body></html>`)
	res := builtinMatcher(t).Scan(page)
	for _, f := range res.Findings {
		if f.Term == "百家乐" && slices.Contains(f.Obfuscations, "pinyin") && string(page[f.Start:f.End]) == f.Text {
			return
		}
	}
	t.Errorf("百家乐 written with ruby pinyin not found: %s", describe(res))
}

// TestNewsPageAboutACaseIsClean: a news page whose title and body report a
// gambling case names the scheme's terms but is not harmful.
func TestNewsPageAboutACaseIsClean(t *testing.T) {
	data, err := os.ReadFile("testdata/news.html")
	if err != nil {
		t.Fatal(err)
	}
	res := builtinMatcher(t).ScanWith(data, Options{PageURL: "http://news.example.cn/fazhi/1.html"})
	if res.Verdict != Clean || len(res.Signals) != 0 {
		t.Errorf("news page: %s (score %d), signals %+v\n%s", res.Verdict, res.Score, res.Signals, describeCtx(res))
	}
	locs := map[string]bool{}
	for _, f := range res.Findings {
		locs[f.Location] = true
		if f.Context != "warning" {
			t.Errorf("%q in %s lacks the warning context", f.Term, f.Location)
		}
	}
	if !locs["title"] || !locs["body"] {
		t.Errorf("terms in the title and the body should still be listed, got locations %v", locs)
	}
}

func TestMetaKeywordsDoNotJoinAcrossCommas(t *testing.T) {
	page := []byte(`<html><head><meta name="keywords" content="网上赌场,注册送彩金"></head><body><p>你好</p></body></html>`)
	for _, f := range builtinMatcher(t).Scan(page).Findings {
		if f.Term == "赌场注册" {
			t.Errorf("a word ran on from one keyword into the next: %q", f.Text)
		}
	}
}
