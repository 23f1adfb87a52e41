package detect

import (
	"bytes"
	"fmt"
	"net/url"
	"regexp"
	"slices"
	"sort"
	"strings"
	"unicode/utf8"

	"html"
)

// span says where in a page a stretch of bytes stands.
type span struct {
	start, end int64
	loc        string
	tag        bool // the bytes of a tag, not text
}

type pageLink struct {
	href, text string
	start, end int64
	hidden     bool
}

// page is what the engine learns about an HTML document's structure.
type page struct {
	spans    []span
	attrs    []span // attribute values to scan: meta content, alt, title
	hrefs    []span // link targets, where contact handles count
	links    []*pageLink
	signals0 []Signal // signals known from structure alone
	host     string

	hanRunes, tradRunes, simpRunes int
	tradSample                     []rune
	tradAt                         int64
	annotations, doubled           int
	annotationAt, doubledAt        int64

	stack []elem // analyzePage's open elements, kept for the next page
}

var voidTags = map[string]bool{"area": true, "base": true, "br": true, "col": true, "embed": true, "hr": true,
	"img": true, "input": true, "link": true, "meta": true, "source": true, "track": true, "wbr": true}

type elem struct {
	name   string
	hidden bool
	link   *pageLink
}

// analyzePage walks the page's tokens once, keeping byte offsets, to learn
// where text stands (title, meta, body, hidden, links, scripts) and to
// collect structural signals.
//
// pg is reused: its slices keep their room from the page before.
func analyzePage(data []byte, pageURL string, pg *page) *page {
	*pg = page{spans: pg.spans[:0], attrs: pg.attrs[:0], hrefs: pg.hrefs[:0], links: pg.links[:0], signals0: pg.signals0[:0],
		tradSample: pg.tradSample[:0], stack: pg.stack[:0]}
	if u, err := url.Parse(pageURL); err == nil {
		pg.host = strings.ToLower(u.Hostname())
	}
	hiddenClasses := map[string]bool{}
	z := &pageTokenizer{data: data}
	stack := pg.stack
	defer func() { pg.stack = stack[:0] }()
	top := func() elem {
		if len(stack) == 0 {
			return elem{}
		}
		return stack[len(stack)-1]
	}
	inTag := func(name string) bool {
		for i := len(stack) - 1; i >= 0; i-- {
			if stack[i].name == name {
				return true
			}
		}
		return false
	}
	for {
		tt, s, e, tag, ok := z.next()
		if !ok {
			break
		}
		raw := data[s:e]
		start, end := int64(s), int64(e)
		switch tt {
		case tokStart, tokSelfClosing:
			attrs := tagAttrs(raw)
			parent := top()
			e := elem{name: tag, hidden: parent.hidden || isHiddenElem(attrs, raw, hiddenClasses), link: parent.link}
			loc := pg.textLoc(e, inTag)
			switch tag {
			case "meta":
				nameAttr := strings.ToLower(attrs.get(raw, "name"))
				equiv := strings.ToLower(attrs.get(raw, "http-equiv"))
				if a, ok := attrs.find("content"); ok {
					switch {
					case nameAttr == "keywords" || nameAttr == "description" || strings.HasPrefix(attrs.get(raw, "property"), "og:"):
						pg.attrs = append(pg.attrs, span{start + int64(a.vs), start + int64(a.ve), "meta", false})
					case equiv == "refresh":
						content := string(raw[a.vs:a.ve])
						if _, target, ok := strings.Cut(strings.ToLower(content), "url="); ok {
							pg.signals0 = append(pg.signals0, Signal{Kind: "meta-refresh", Location: "meta",
								Detail: "meta refresh to " + strings.Trim(content[len(content)-len(target):], `'" `), Start: start, End: end})
						}
					}
				}
			case "a":
				l := &pageLink{href: html.UnescapeString(attrs.get(raw, "href")), start: start, hidden: e.hidden}
				pg.links = append(pg.links, l)
				if a, ok := attrs.find("href"); ok && a.ve > a.vs {
					l := "link"
					if e.hidden {
						l = "hidden"
					}
					pg.hrefs = append(pg.hrefs, span{start: start + int64(a.vs), end: start + int64(a.ve), loc: l})
				}
				e.link = l
			}
			for _, an := range []string{"title", "alt"} {
				if a, ok := attrs.find(an); ok && a.ve > a.vs {
					l := "attribute"
					if e.hidden {
						l = "hidden"
					}
					pg.attrs = append(pg.attrs, span{start + int64(a.vs), start + int64(a.ve), l, false})
				}
			}
			pg.spans = append(pg.spans, span{start, end, loc, true})
			if tt == tokStart && !voidTags[tag] {
				stack = append(stack, e)
			}
		case tokEnd:
			pg.spans = append(pg.spans, span{start, end, pg.textLoc(top(), inTag), true})
			for i := len(stack) - 1; i >= 0; i-- {
				if stack[i].name == tag {
					if tag == "a" && stack[i].link != nil {
						stack[i].link.end = end
					}
					stack = stack[:i]
					break
				}
			}
		case tokText:
			e := top()
			loc := pg.textLoc(e, inTag)
			pg.spans = append(pg.spans, span{start, end, loc, false})
			switch loc {
			case "script":
				pg.script(raw, start, end)
			case "style":
				collectHiddenSelectors(raw, hiddenClasses)
			default:
				if e.link != nil && len(e.link.text) < 200 {
					e.link.text += strings.TrimSpace(html.UnescapeString(string(raw)))
				}
				if loc != "hidden" {
					pg.countText(raw, start)
				}
			}
		default:
			pg.spans = append(pg.spans, span{start, end, pg.textLoc(top(), inTag), true})
		}
	}
	sort.SliceStable(pg.attrs, func(i, j int) bool { return pg.attrs[i].start < pg.attrs[j].start })
	return pg
}

func (pg *page) textLoc(e elem, inTag func(string) bool) string {
	switch {
	case e.name == "script":
		return "script"
	case e.name == "style":
		return "style"
	case e.name == "title" || inTag("title"):
		return "title"
	case e.hidden:
		return "hidden"
	case e.link != nil:
		return "link"
	case inTag("head"):
		return "head"
	}
	return "body"
}

// keepContacts keeps the handles a reader of the page meets: in its text,
// in attribute values it shows (meta, title, alt) and in link targets, but
// not in scripts, styles and tag markup, and not links to the page's own
// host. It sets their locations.
func (pg *page) keepContacts(cs []Contact) []Contact {
	out := cs[:0]
	for _, c := range cs {
		if (c.Kind == ContactURL || c.Kind == ContactDomain) && pg.host != "" &&
			(c.Host == pg.host || c.Host == "www."+pg.host || "www."+c.Host == pg.host) {
			continue
		}
		if sp, ok := spanAt(pg.hrefs, c.Start); ok {
			c.Location = sp.loc
			out = append(out, c)
			continue
		}
		if sp, ok := spanAt(pg.attrs, c.Start); ok {
			c.Location = sp.loc
			out = append(out, c)
			continue
		}
		i := sort.Search(len(pg.spans), func(i int) bool { return pg.spans[i].end > c.Start })
		if i < len(pg.spans) && !pg.spans[i].tag && pg.spans[i].loc != "script" && pg.spans[i].loc != "style" {
			c.Location = pg.spans[i].loc
			out = append(out, c)
		}
	}
	return out
}

// spanAt finds the span of sorted, disjoint spans that holds off.
func spanAt(spans []span, off int64) (span, bool) {
	j := sort.Search(len(spans), func(i int) bool { return spans[i].end > off })
	if j < len(spans) && spans[j].start <= off {
		return spans[j], true
	}
	return span{}, false
}

// locationAt finds the location of the byte at off.
func (pg *page) locationAt(off int64) string {
	// Attribute values are in document order, so a binary search finds the
	// one that may hold off.
	if j := sort.Search(len(pg.attrs), func(i int) bool { return pg.attrs[i].end > off }); j < len(pg.attrs) && pg.attrs[j].start <= off {
		return pg.attrs[j].loc
	}
	i := sort.Search(len(pg.spans), func(i int) bool { return pg.spans[i].end > off })
	if i < len(pg.spans) {
		return pg.spans[i].loc
	}
	return "body"
}

var (
	redirectRe = regexp.MustCompile(`(?i)(window\.|document\.|top\.|self\.|parent\.)?location(\.href)?\s*=|location\.(replace|assign)\s*\(|window\.open\s*\(|http-equiv\s*=\s*["']?refresh`)
	cloakRe    = regexp.MustCompile(`(?i)document\.referrer|navigator\.useragent|baidu|sogou|so\.com|sm\.cn|spider|bot`)
	urlRe      = regexp.MustCompile(`https?://[^\s"'<>)]+`)
)

// script looks for redirects, and for redirects that depend on who asks.
func (pg *page) script(raw []byte, start, end int64) {
	// Most scripts never touch location: skip the regular expression.
	if !bytes.Contains(raw, []byte("location")) && !bytes.Contains(raw, []byte("open(")) && !bytes.Contains(raw, []byte("efresh")) {
		return
	}
	loc := redirectRe.FindIndex(raw)
	if loc == nil {
		return
	}
	target := ""
	if u := urlRe.Find(raw); u != nil {
		target = " to " + string(u)
	}
	if c := cloakRe.Find(raw); c != nil {
		pg.signals0 = append(pg.signals0, Signal{Kind: "cloaking-redirect", Location: "script",
			Detail: fmt.Sprintf("script redirect%s that depends on %q (search-engine visitors see another page)", target, string(c)), Start: start, End: end})
		return
	}
	pg.signals0 = append(pg.signals0, Signal{Kind: "js-redirect", Location: "script",
		Detail: fmt.Sprintf("script redirect%s: %s", target, string(raw[loc[0]:loc[1]])), Start: start, End: end})
}

// countText gathers statistics of visible text: pinyin annotations, doubled
// punctuation between characters, traditional characters among simplified.
// It runs on every character of a page, so it keeps to bit tests and a
// small state machine.
func (pg *page) countText(raw []byte, start int64) {
	d := sharedTables()
	// Doubled punctuation is Han, P, P, Han with the same P twice.
	const (
		dpNone = iota
		dpHan
		dpOne
		dpTwo
	)
	dp, dpRune := dpNone, rune(0)
	prevHan := false
	// Counters live in registers while the loop runs.
	han, simp := 0, 0
	defer func() { pg.hanRunes += han; pg.simpRunes += simp }()
	tradBits, simpBits := &d.tradBits, &d.simpBits
	for i := 0; i < len(raw); {
		c := raw[i]
		if c < 0x80 {
			switch {
			case c == '(' && prevHan:
				if n := annotationAt(raw[i:]); n > 0 {
					pg.annotations++
					pg.annotationAt = start + int64(i)
					i += n
					continue // the character before stays the last one
				}
				dp, prevHan = dpNone, false
			case c == ' ' || c == '\n' || c == '\t' || c == '\r':
				// whitespace does not break a pattern
			case d.class[c] == classSkip || d.class[c] == classSentence:
				dp = punct(dp, dpRune, rune(c))
				dpRune, prevHan = rune(c), false
			default:
				dp, prevHan = dpNone, false
			}
			i++
			continue
		}
		var r rune
		w := 3
		if c >= 0xE0 && c < 0xF0 && i+2 < len(raw) {
			r = rune(c&0x0F)<<12 | rune(raw[i+1]&0x3F)<<6 | rune(raw[i+2]&0x3F)
		} else {
			r, w = utf8.DecodeRune(raw[i:])
		}
		if r >= 0x3400 && r <= 0x9FFF || r >= 0xF900 && r <= 0xFAFF {
			han++
			if tradBits[r>>6]&(1<<(r&63)) != 0 {
				pg.tradRunes++
				if pg.tradRunes == 1 {
					pg.tradAt = start + int64(i)
				}
				if len(pg.tradSample) < 8 && !strings.ContainsRune(string(pg.tradSample), r) {
					pg.tradSample = append(pg.tradSample, r)
				}
			} else if simpBits[r>>6]&(1<<(r&63)) != 0 {
				simp++
			}
			if dp == dpTwo {
				pg.doubled++
				pg.doubledAt = start + int64(i)
			}
			dp, prevHan = dpHan, true
			// The Han characters that follow, none traditional, are only
			// counted: a loop of their own.
			for i += w; i+2 < len(raw) && raw[i]&0xF0 == 0xE0; i += 3 {
				r := rune(raw[i]&0x0F)<<12 | rune(raw[i+1]&0x3F)<<6 | rune(raw[i+2]&0x3F)
				if r < 0x3400 || r > 0x9FFF || tradBits[r>>6]&(1<<(r&63)) != 0 {
					break
				}
				han++
				simp += int(simpBits[r>>6] >> (r & 63) & 1)
			}
			continue
		} else if r == '（' && prevHan {
			if n := annotationAt(raw[i:]); n > 0 {
				pg.annotations++
				pg.annotationAt = start + int64(i)
				i += n
				continue
			}
			dp, prevHan = dpNone, false
		} else if r < 0x10000 && (d.class[r] == classSkip || d.class[r] == classSentence) {
			dp = punct(dp, dpRune, r)
			dpRune, prevHan = r, false
		} else if r < 0x10000 && d.class[r] == classSpace {
			// ideographic space: like whitespace
		} else {
			dp, prevHan = dpNone, false
		}
		i += w
	}
}

// punct advances the doubled-punctuation state machine by one mark.
func punct(state int, last, r rune) int {
	switch {
	case state == 1: // after Han
		return 2
	case state == 2 && r == last:
		return 3
	}
	return 0
}

// signals combines the structural signals with what the findings say.
func (pg *page) signals(findings []Finding) []Signal {
	out := append([]Signal{}, pg.signals0...)
	byLoc := map[string][]string{}
	for _, f := range findings {
		if f.Context != "warning" {
			byLoc[f.Location] = append(byLoc[f.Location], f.Term)
		}
	}
	if head := append(append([]string{}, byLoc["title"]...), byLoc["meta"]...); len(head) > 0 &&
		len(byLoc["body"])+len(byLoc["link"]) == 0 && pg.hanRunes > 0 {
		loc := "title"
		if len(byLoc["title"]) == 0 {
			loc = "meta"
		}
		out = append(out, Signal{Kind: "seo-hijack", Location: loc,
			Detail: "harmful terms in title/meta (" + strings.Join(uniq(head, 6), "、") + ") over a visible body about something else"})
	}
	if t := byLoc["hidden"]; len(t) > 0 {
		out = append(out, Signal{Kind: "hidden-text", Location: "hidden", Detail: "harmful terms in hidden elements: " + strings.Join(uniq(t, 6), "、")})
	}
	for _, l := range pg.links {
		if !l.hidden {
			continue
		}
		u, err := url.Parse(strings.TrimSpace(l.href))
		if err != nil || u.Host == "" || strings.EqualFold(u.Hostname(), pg.host) {
			continue
		}
		out = append(out, Signal{Kind: "hidden-link", Location: "hidden", Start: l.start, End: l.end,
			Detail: fmt.Sprintf("hidden link to foreign domain %s (%q)", u.Hostname(), truncate(l.text, 40))})
	}
	if pg.annotations >= 3 {
		out = append(out, Signal{Kind: "pinyin-annotation", Location: "body", Start: pg.annotationAt,
			Detail: fmt.Sprintf("%d pinyin annotations after characters, a way to split words", pg.annotations)})
	}
	if pg.doubled >= 3 {
		out = append(out, Signal{Kind: "doubled-punctuation", Location: "body", Start: pg.doubledAt,
			Detail: fmt.Sprintf("%d doubled punctuation marks between characters", pg.doubled)})
	}
	if pg.tradRunes >= 2 && pg.simpRunes >= 10 && pg.tradRunes*4 < pg.simpRunes {
		out = append(out, Signal{Kind: "traditional-mix", Location: "body", Start: pg.tradAt,
			Detail: fmt.Sprintf("%d traditional characters (%s) on a page otherwise in simplified Chinese", pg.tradRunes, string(pg.tradSample))})
	}
	return out
}

func uniq(s []string, max int) []string {
	var out []string
	for _, v := range s {
		if !slices.Contains(out, v) && len(out) < max {
			out = append(out, v)
		}
	}
	return out
}

func truncate(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	return string([]rune(s)[:n]) + "…"
}

// attr is one attribute of a raw tag, with its value's offsets in the tag.
type attr struct {
	name   string
	vs, ve int
}

type attrList []attr

func (l attrList) find(name string) (attr, bool) {
	for _, a := range l {
		if a.name == name {
			return a, true
		}
	}
	return attr{}, false
}

func (l attrList) get(raw []byte, name string) string {
	if a, ok := l.find(name); ok {
		return string(raw[a.vs:a.ve])
	}
	return ""
}

// tagAttrs parses the attributes of a raw start tag, keeping where each
// value stands so matches inside it get offsets into the input.
func tagAttrs(raw []byte) attrList {
	var out attrList
	i := 1
	for i < len(raw) && !isSpaceByte(raw[i]) && raw[i] != '>' && raw[i] != '/' {
		i++
	}
	for i < len(raw) {
		for i < len(raw) && (isSpaceByte(raw[i]) || raw[i] == '/') {
			i++
		}
		if i >= len(raw) || raw[i] == '>' {
			break
		}
		ns := i
		for i < len(raw) && !isSpaceByte(raw[i]) && raw[i] != '=' && raw[i] != '>' {
			i++
		}
		name := strings.ToLower(string(raw[ns:i]))
		for i < len(raw) && isSpaceByte(raw[i]) {
			i++
		}
		if i >= len(raw) || raw[i] != '=' {
			out = append(out, attr{name, i, i})
			continue
		}
		i++
		for i < len(raw) && isSpaceByte(raw[i]) {
			i++
		}
		if i < len(raw) && (raw[i] == '"' || raw[i] == '\'') {
			q := raw[i]
			vs := i + 1
			j := bytes.IndexByte(raw[vs:], q)
			if j < 0 {
				out = append(out, attr{name, vs, len(raw)})
				break
			}
			out = append(out, attr{name, vs, vs + j})
			i = vs + j + 1
			continue
		}
		vs := i
		for i < len(raw) && !isSpaceByte(raw[i]) && raw[i] != '>' {
			i++
		}
		out = append(out, attr{name, vs, i})
	}
	return out
}

func isSpaceByte(b byte) bool { return b == ' ' || b == '\t' || b == '\n' || b == '\r' || b == '\f' }

var (
	offscreenRe = regexp.MustCompile(`(left|top|right|text-indent|margin-left|margin-top):-\d{3,}`)
	colorRe     = regexp.MustCompile(`(?:^|;)color:([^;]+)`)
	bgRe        = regexp.MustCompile(`background(?:-color)?:([^;]+)`)
	cssRuleRe   = regexp.MustCompile(`([^{}]+)\{([^{}]*)\}`)
)

// hiddenStyle reports an inline style that keeps text from view.
func hiddenStyle(style string) bool {
	s := strings.ToLower(strings.Join(strings.Fields(style), ""))
	if s == "" {
		return false
	}
	switch {
	case strings.Contains(s, "display:none"), strings.Contains(s, "visibility:hidden"),
		strings.Contains(s, "font-size:0"), strings.Contains(s, "opacity:0;"), strings.HasSuffix(s, "opacity:0"),
		strings.Contains(s, "height:0") && strings.Contains(s, "overflow:hidden"),
		strings.Contains(s, "width:0") && strings.Contains(s, "overflow:hidden"),
		offscreenRe.MatchString(s):
		return true
	}
	if c, b := colorRe.FindStringSubmatch(s), bgRe.FindStringSubmatch(s); c != nil && b != nil && c[1] == b[1] {
		return true
	}
	return false
}

func isHiddenElem(attrs attrList, raw []byte, hiddenClasses map[string]bool) bool {
	if _, ok := attrs.find("hidden"); ok {
		return true
	}
	if hiddenStyle(attrs.get(raw, "style")) {
		return true
	}
	if len(hiddenClasses) > 0 {
		if id := attrs.get(raw, "id"); id != "" && hiddenClasses["#"+id] {
			return true
		}
		for _, c := range strings.Fields(attrs.get(raw, "class")) {
			if hiddenClasses["."+c] {
				return true
			}
		}
	}
	return false
}

// collectHiddenSelectors notes simple .class and #id selectors whose rules
// hide their elements, as hacked pages often hide link farms that way.
func collectHiddenSelectors(css []byte, into map[string]bool) {
	for _, m := range cssRuleRe.FindAllSubmatch(css, -1) {
		if !hiddenStyle(string(m[2])) {
			continue
		}
		for _, sel := range strings.Split(string(m[1]), ",") {
			sel = strings.TrimSpace(sel)
			if len(sel) > 1 && (sel[0] == '.' || sel[0] == '#') && !strings.ContainsAny(sel[1:], " .#:>[") {
				into[sel] = true
			}
		}
	}
}

// release drops what the page points to and forgets slices grown by a
// huge page, so that a page kept for the next scan holds on to nothing.
func (pg *page) release() {
	const keep = 1 << 14
	clear(pg.spans[:cap(pg.spans)])
	clear(pg.attrs[:cap(pg.attrs)])
	clear(pg.hrefs[:cap(pg.hrefs)])
	clear(pg.links[:cap(pg.links)])
	clear(pg.signals0[:cap(pg.signals0)])
	clear(pg.stack[:cap(pg.stack)])
	if cap(pg.spans) > keep || cap(pg.attrs) > keep || cap(pg.hrefs) > keep || cap(pg.links) > keep || cap(pg.stack) > keep {
		*pg = page{}
	}
	pg.host = ""
}
