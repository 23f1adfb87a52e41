package patrol

import (
	"bytes"
	"net/url"
	"regexp"
	"strings"

	"golang.org/x/net/html"

	"github.com/pinggu/pinggu"
)

// Kinds of redirect hop.
const (
	HopHTTP = "http" // a 3xx response with Location
	HopMeta = "meta" // <meta http-equiv="refresh" content="0;url=…">
	HopJS   = "js"   // location = "…", location.href = "…", location.replace("…")
)

// HopKindLabels names the kinds of redirect hop.
var HopKindLabels = map[string]pinggu.Label{
	HopHTTP: {Zh: "HTTP 重定向", En: "HTTP redirect"},
	HopMeta: {Zh: "meta 刷新跳转", En: "Meta refresh"},
	HopJS:   {Zh: "脚本跳转", En: "Script redirect"},
}

// PageRedirect is a redirect written into a page rather than sent as a
// status code.
type PageRedirect struct {
	Kind   string // HopMeta or HopJS
	Target *url.URL
	Raw    string // the target as written
}

var (
	jsAssignRe = regexp.MustCompile(`(?:^|[^\w$.])(?:(?:window|document|top|self|parent)\s*\.\s*)?location(?:\s*\.\s*href)?\s*=\s*(?:"([^"\\\n]*(?:\\/[^"\\\n]*)*)"|'([^'\\\n]*(?:\\/[^'\\\n]*)*)'|` + "`" + `([^` + "`" + `\\$\n]*)` + "`" + `)`)
	jsCallRe   = regexp.MustCompile(`(?:^|[^\w$.])(?:(?:window|document|top|self|parent)\s*\.\s*)?location\s*\.\s*(?:replace|assign)\s*\(\s*(?:"([^"\\\n]*(?:\\/[^"\\\n]*)*)"|'([^'\\\n]*(?:\\/[^'\\\n]*)*)'|` + "`" + `([^` + "`" + `\\$\n]*)` + "`" + `)\s*\)`)
	// conditionalRe marks scripts whose redirect depends on who asks; patrol
	// does not run scripts, so it cannot tell which way such a branch goes
	// (detect reports them as cloaking-redirect signals instead).
	conditionalRe = regexp.MustCompile(`(?i)referrer|useragent|cookie|localstorage|sessionstorage|math\.random|date\(`)
)

// ExtractRedirect finds the first redirect written into an HTML page (UTF-8
// text): a meta refresh with a URL, or a script that assigns a string
// literal to location, location.href or calls location.replace/assign. It
// resolves the target against base and keeps only http and https targets
// that differ from base, so a page that merely reloads itself is not a
// redirect. Scripts whose redirect depends on the referrer, user agent,
// cookies or chance are left alone; they are not simple assignments.
func ExtractRedirect(page []byte, base *url.URL) (PageRedirect, bool) {
	if !mayRedirect(page) {
		return PageRedirect{}, false
	}
	z := html.NewTokenizer(bytes.NewReader(page))
	inScript, inNoscript := false, 0
	for {
		tt := z.Next()
		switch tt {
		case html.ErrorToken:
			return PageRedirect{}, false
		case html.StartTagToken, html.SelfClosingTagToken:
			name, hasAttr := z.TagName()
			switch string(name) {
			case "script":
				inScript = tt == html.StartTagToken
			case "noscript":
				if tt == html.StartTagToken {
					inNoscript++
				}
			case "meta":
				if !hasAttr || inNoscript > 0 {
					continue
				}
				var equiv, content string
				for more := true; more; {
					var k, v []byte
					k, v, more = z.TagAttr()
					switch string(k) {
					case "http-equiv":
						equiv = strings.ToLower(strings.TrimSpace(string(v)))
					case "content":
						content = string(v)
					}
				}
				if equiv != "refresh" {
					continue
				}
				if raw, ok := refreshURL(content); ok {
					if r, ok := resolveRedirect(HopMeta, raw, base); ok {
						return r, true
					}
				}
			}
		case html.EndTagToken:
			name, _ := z.TagName()
			switch string(name) {
			case "script":
				inScript = false
			case "noscript":
				if inNoscript > 0 {
					inNoscript--
				}
			}
		case html.TextToken:
			if !inScript {
				continue
			}
			if r, ok := scriptRedirect(z.Text(), base); ok {
				return r, true
			}
		}
	}
}

// mayRedirect is a cheap test that lets most pages skip tokenizing.
func mayRedirect(page []byte) bool {
	return bytes.Contains(page, []byte("efresh")) || bytes.Contains(page, []byte("EFRESH")) ||
		bytes.Contains(page, []byte("ocation")) || bytes.Contains(page, []byte("OCATION"))
}

// refreshURL reads the URL of a refresh declaration as the HTML standard
// parses it: a delay, a separator, an optional "url=", an optionally quoted
// URL.
func refreshURL(content string) (string, bool) {
	s := strings.TrimLeft(content, " \t\n\f\r")
	i := 0
	for i < len(s) && (s[i] >= '0' && s[i] <= '9' || s[i] == '.') {
		i++
	}
	s = strings.TrimLeft(s[i:], " \t\n\f\r")
	if s == "" {
		return "", false
	}
	if s[0] != ';' && s[0] != ',' {
		if i == 0 {
			return "", false
		}
	} else {
		s = strings.TrimLeft(s[1:], " \t\n\f\r")
	}
	if len(s) >= 3 && strings.EqualFold(s[:3], "url") {
		rest := strings.TrimLeft(s[3:], " \t\n\f\r")
		if strings.HasPrefix(rest, "=") {
			s = strings.TrimLeft(rest[1:], " \t\n\f\r")
		}
	}
	if s != "" && (s[0] == '"' || s[0] == '\'') {
		q := s[0]
		s = s[1:]
		if j := strings.IndexByte(s, q); j >= 0 {
			s = s[:j]
		}
	}
	s = strings.TrimSpace(s)
	return s, s != ""
}

// scriptRedirect finds an unconditional location assignment in a script.
func scriptRedirect(src []byte, base *url.URL) (PageRedirect, bool) {
	if !bytes.Contains(src, []byte("location")) || conditionalRe.Match(src) {
		return PageRedirect{}, false
	}
	first, firstAt := "", -1
	for _, re := range []*regexp.Regexp{jsAssignRe, jsCallRe} {
		m := re.FindSubmatchIndex(src)
		if m == nil || firstAt >= 0 && m[0] > firstAt {
			continue
		}
		for g := 1; g <= 3; g++ {
			if m[2*g] >= 0 {
				first, firstAt = string(src[m[2*g]:m[2*g+1]]), m[0]
				break
			}
		}
	}
	if firstAt < 0 {
		return PageRedirect{}, false
	}
	return resolveRedirect(HopJS, strings.ReplaceAll(first, `\/`, `/`), base)
}

// resolveRedirect resolves a written target against the page's URL.
func resolveRedirect(kind, raw string, base *url.URL) (PageRedirect, bool) {
	raw = strings.TrimSpace(raw)
	if raw == "" {
		return PageRedirect{}, false
	}
	u, err := base.Parse(raw)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return PageRedirect{}, false
	}
	u.Fragment, u.RawFragment = "", ""
	if sameURL(u, base) {
		return PageRedirect{}, false
	}
	return PageRedirect{Kind: kind, Target: u, Raw: raw}, true
}

// sameURL compares two URLs as a visit would, ignoring the fragment.
func sameURL(a, b *url.URL) bool {
	return canonicalURL(a) == canonicalURL(b)
}

// canonicalURL is the form of a URL that loop detection compares: scheme
// and host lower-case, default port dropped, no fragment.
func canonicalURL(u *url.URL) string {
	c := *u
	c.Fragment, c.RawFragment = "", ""
	c.Scheme = strings.ToLower(c.Scheme)
	host := strings.ToLower(c.Host)
	if c.Scheme == "http" && strings.HasSuffix(host, ":80") || c.Scheme == "https" && strings.HasSuffix(host, ":443") {
		host = host[:strings.LastIndexByte(host, ':')]
	}
	c.Host = host
	if c.Path == "" {
		c.Path = "/"
	}
	return c.String()
}
