package patrolsite

import (
	"bytes"
	"fmt"
	"strings"
)

// rng is a small reproducible generator for one page.
type rng struct{ x uint64 }

func (r *rng) next() uint64 { r.x = mix(r.x); return r.x }
func (r *rng) n(k int) int  { return int(r.next() % uint64(k)) }

func pick(r *rng, s []string) string { return s[r.n(len(s))] }

// pageSpec is everything that varies on one generated page.
type pageSpec struct {
	i         int
	host      string
	trad      bool   // traditional Chinese (Big5 pages)
	metaEarly string // charset declared in <meta> at the top of <head>
	metaLate  string // charset declared in <meta> after a long <head>
	spam      int    // -1: clean; otherwise the disguise of the spam
	extraHead string // more markup for <head>, such as a cloaking script
}

// Disguises of spam on hacked pages.
const (
	spamSEO        = iota // spam title, keywords and description over a normal body
	spamLinkFarm          // links to gambling sites pushed off-screen by a CSS class
	spamHiddenDiv         // promotions in a display:none block
	spamTradWidth         // visible promotions in traditional and full-width characters
	spamSeparators        // 百*家*乐: characters split by symbols
	spamPinyin            // baijiale888: terms spelled in pinyin
	spamEntities          // &#30334;&#23478;&#20048;: characters as HTML entities
	spamInvisible         // zero-width spaces between characters, with a referrer-cloaking script
	spamFraud             // task-scam recruitment in the body
	spamStyles
)

// writePage writes an HTML page: a company or bureau page with its news
// article, carrying spam in one disguise when spec.spam ≥ 0.
func writePage(b *bytes.Buffer, spec pageSpec) {
	r := &rng{x: uint64(spec.i)*2654435761 + 17}
	hl, sn, pl, tr, ch := headlines, sentences, places, trades, chromeSimp
	if spec.trad {
		hl, sn, pl, tr, ch = headlinesTrad, sentencesTrad, placesTrad, tradesTrad, chromeTrad
	}
	org := pick(r, pl) + pick(r, tr) + pick(r, ch.suffix)
	headline := pick(r, hl)
	title := headline + "_" + org
	keywords := org + "," + pick(r, tr) + "," + pick(r, pl)
	desc := org + ch.site + pick(r, sn)
	spam := spec.spam
	if spam == spamSEO {
		if spec.trad {
			title = pick(r, spamTitlesTrad)
		} else {
			title = pick(r, spamTitles)
			keywords = pick(r, spamKeywords)
			desc = pick(r, spamLines)
		}
	}

	b.WriteString("<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n")
	if spec.metaEarly != "" {
		fmt.Fprintf(b, "<meta charset=\"%s\">\n", spec.metaEarly)
	}
	fmt.Fprintf(b, "<title>%s</title>\n<meta name=\"keywords\" content=\"%s\">\n<meta name=\"description\" content=\"%s\">\n", title, keywords, desc)
	b.WriteString("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<link rel=\"stylesheet\" href=\"/static/site.css\">\n")
	b.WriteString(siteCSS)
	if spam == spamLinkFarm {
		b.WriteString("<style>.lk{position:absolute;left:-9999px;top:-9999px}</style>\n")
	}
	if spec.metaLate != "" {
		fmt.Fprintf(b, "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=%s\">\n", spec.metaLate)
	}
	b.WriteString("<script>var _hmt = _hmt || []; (function() { var hm = document.createElement(\"script\"); hm.async = true; })();</script>\n")
	if spam == spamInvisible {
		b.WriteString("<script>\nvar ref = document.referrer;\nif (/baidu|sogou|so\\.com|sm\\.cn/i.test(ref)) { window.location.href = \"https://pj-example.top/?from=seo\"; }\n</script>\n")
	}
	b.WriteString(spec.extraHead)
	b.WriteString("</head>\n<body>\n<div class=\"header\"><div class=\"logo\"><h1>")
	b.WriteString(org)
	b.WriteString("</h1></div>\n<ul class=\"nav\">")
	for k, item := range ch.nav {
		fmt.Fprintf(b, "<li><a href=\"/c/%d/\">%s</a></li>", k, item)
	}
	fmt.Fprintf(b, "</ul></div>\n<div class=\"main\">\n<div class=\"crumb\">%s<a href=\"/\">%s</a> &gt; <a href=\"/c/2/\">%s</a></div>\n", ch.here, ch.home, ch.news)
	fmt.Fprintf(b, "<h2 class=\"title\">%s</h2>\n<div class=\"info\">%s2026-%02d-%02d %s%d</div>\n<div class=\"content\">\n",
		headline, ch.date, 1+r.n(12), 1+r.n(28), ch.source, 100+r.n(5000))
	paras := 6 + r.n(5)
	for p := 0; p < paras; p++ {
		b.WriteString("<p>")
		for s := 0; s < 2+r.n(3); s++ {
			line := pick(r, sn)
			if spam >= 0 && strings.Contains(line, "反诈") {
				// Warning words near spam make detect read it as a warning;
				// planted pages keep to plain spam so the truth is plain.
				line = sn[3]
			}
			b.WriteString(line)
		}
		b.WriteString("</p>\n")
		if p == 2 && spam >= 0 {
			writeSpam(b, r, spam, spec.trad)
		}
	}
	fmt.Fprintf(b, "</div>\n<div class=\"related\"><h3>%s</h3><ul>\n", ch.related)
	for k := 0; k < 6; k++ {
		fmt.Fprintf(b, "<li><a href=\"/n/%d.html\">%s</a><span>2026-%02d-%02d</span></li>\n", r.n(1<<20), pick(r, hl), 1+r.n(12), 1+r.n(28))
	}
	b.WriteString("</ul></div>\n</div>\n")
	if spam == spamLinkFarm {
		anchors := spamAnchors
		if spec.trad {
			anchors = spamAnchorsTrad
		}
		b.WriteString("<div class=\"lk\">")
		for k := 0; k < 8; k++ {
			fmt.Fprintf(b, "<a href=\"http://%s/?k=%d\">%s</a> ", pick(r, spamDomains), k, pick(r, anchors))
		}
		b.WriteString("</div>\n")
	}
	fmt.Fprintf(b, "<div class=\"footer\"><p>%s %s</p><p>%s　%s　%s</p></div>\n</body>\n</html>\n",
		org, ch.footer[0], ch.footer[1], ch.footer[2], ch.footer[3])
}

// writeSpam writes the spam of one disguise into the article. Injected
// spam comes with its call to action (a WeChat id, a customer-service
// line), as it does in the wild; without one, detect reads spam inside an
// official notice as part of the notice (see the package comment).
func writeSpam(b *bytes.Buffer, r *rng, style int, trad bool) {
	line := pick(r, spamLines)
	contact := pick(r, spamContacts)
	if trad {
		line = pick(r, spamLinesTrad)
		contact = pick(r, spamContactsTrad)
	}
	if style != spamSEO && style != spamLinkFarm && style != spamHiddenDiv {
		// Before and after: entity-encoded spam is long, and context is
		// read within a few hundred bytes.
		fmt.Fprintf(b, "<p class=\"kf\">%s</p>\n", contact)
		defer fmt.Fprintf(b, "<p class=\"kf\">%s</p>\n", contact)
	}
	switch style {
	case spamHiddenDiv:
		anchor := pick(r, spamAnchors)
		if trad {
			anchor = pick(r, spamAnchorsTrad)
		}
		fmt.Fprintf(b, "<div style=\"display:none\">%s%s<a href=\"http://%s/\">%s</a></div>\n", line, contact, pick(r, spamDomains), anchor)
	case spamTradWidth:
		if !trad {
			line = "澳門新葡京官方直營，真人荷官線上發牌，註冊送彩金，ｐｋ１０精準計劃，無限返水。"
		}
		fmt.Fprintf(b, "<p class=\"ad\">%s</p>\n", line)
	case spamSeparators:
		fmt.Fprintf(b, "<p>%s</p>\n", splitRunes(line, []string{"*", " ", "_", "·"}[r.n(4)]))
	case spamPinyin:
		fmt.Fprintf(b, "<p class=\"tags\"><a href=\"http://%s/\">baijiale888.com</a> <a href=\"http://%s/\">BeiJingSaiChe</a> shishicai zhenren heguan, zhuce song caijin</p>\n",
			pick(r, spamDomains), pick(r, spamDomains))
		fmt.Fprintf(b, "<div style=\"display:none\">%s</div>\n", line)
	case spamEntities:
		b.WriteString("<p>")
		for _, c := range line {
			if c >= 0x4e00 {
				fmt.Fprintf(b, "&#%d;", c)
			} else {
				b.WriteRune(c)
			}
		}
		b.WriteString("</p>\n")
	case spamInvisible:
		fmt.Fprintf(b, "<p>%s</p>\n", splitRunes(line, "\u200b"))
	case spamFraud:
		fmt.Fprintf(b, "<p>%s联系QQ：000000，名额有限，先到先得。</p>\n<p>%s</p>\n", spamLines[3], spamLines[3])
	case spamSEO, spamLinkFarm:
		// spam lives in <head> or after the article
	}
}

func splitRunes(s, sep string) string {
	var b strings.Builder
	for i, c := range s {
		if i > 0 && c >= 0x4e00 {
			b.WriteString(sep)
		}
		b.WriteRune(c)
	}
	return b.String()
}

// writeLanding writes the gambling page that referrer cloaking sends
// search visitors to.
func writeLanding(b *bytes.Buffer, i int) {
	r := &rng{x: uint64(i) + 99}
	fmt.Fprintf(b, "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>%s</title></head>\n<body>\n<h1>%s</h1>\n", spamTitles[0], pick(r, spamAnchors))
	for k := 0; k < 4; k++ {
		fmt.Fprintf(b, "<p>%s</p>\n", pick(r, spamLines))
	}
	b.WriteString("<p><a href=\"/register\">立即注册</a></p>\n</body></html>\n")
}

// writeRedirectPage writes a page that redirects by meta refresh or script.
func writeRedirectPage(b *bytes.Buffer, kind, target string) {
	b.WriteString("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>页面跳转中</title>\n")
	if kind == "meta" {
		fmt.Fprintf(b, "<meta http-equiv=\"refresh\" content=\"0; url=%s\">\n</head><body><p>页面已迁移，正在跳转……</p>", target)
	} else {
		fmt.Fprintf(b, "</head><body><p>正在跳转……</p>\n<script type=\"text/javascript\">\nwindow.location.replace(\"%s\");\n</script>", target)
	}
	b.WriteString("</body></html>\n")
}

// writeIndex writes the front page, linking to a sample of pages.
func (s *Site) writeIndex(b *bytes.Buffer) {
	b.WriteString("<!DOCTYPE html>\n<html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><title>巡查演示站点</title></head><body>\n<h1>巡查演示站点</h1>\n<ul>\n")
	for i := 0; i < min(s.opt.Pages, 200); i++ {
		t := s.Truth(i)
		fmt.Fprintf(b, "<li><a href=\"%s\">第 %d 页</a>（%s，%s）</li>\n", s.URL(i), i, t.Kind, t.Charset)
	}
	b.WriteString("</ul></body></html>\n")
}

const siteCSS = `<style>
body{margin:0;font-family:"Microsoft YaHei",SimSun,sans-serif;font-size:14px;color:#333;background:#f5f5f5}
.header{background:#1e50a2;color:#fff;padding:10px 40px}.nav{list-style:none;margin:0;padding:0}.nav li{display:inline-block;margin-right:18px}
.nav a{color:#fff;text-decoration:none}.main{width:1000px;margin:20px auto;background:#fff;padding:20px 30px}
.title{text-align:center;font-size:22px}.info{text-align:center;color:#888;border-bottom:1px dashed #ccc;padding-bottom:10px}
.content p{text-indent:2em;line-height:2}.related li{line-height:1.8}.related span{float:right;color:#999}
.footer{text-align:center;color:#666;padding:20px;border-top:2px solid #1e50a2}
</style>
`
