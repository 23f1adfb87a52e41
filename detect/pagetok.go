package detect

import "bytes"

// Token kinds of the page tokenizer.
const (
	tokText = iota
	tokStart
	tokSelfClosing
	tokEnd
	tokOther // comments, doctype, processing instructions
)

// pageTokenizer splits a page into tags and text, keeping every byte, in
// one pass that jumps from '<' to '<'. It knows what the structure analysis
// needs and no more: tag names, raw text in script and style, comments.
// It is several times faster than a full HTML tokenizer, which matters
// because pages are a large share of what patrol scans.
type pageTokenizer struct {
	data    []byte
	pos     int
	rawEnd  string // after <script> or <style>: the end tag that ends raw text
	nameBuf [16]byte
}

// next returns the next token as its kind, byte range and lower-cased tag
// name (empty for text); ok is false at the end.
func (z *pageTokenizer) next() (kind, start, end int, name string, ok bool) {
	d, i := z.data, z.pos
	if i >= len(d) {
		return 0, 0, 0, "", false
	}
	if z.rawEnd != "" {
		end := indexFold(d[i:], z.rawEnd)
		z.rawEnd = ""
		if end < 0 {
			end = len(d) - i
		}
		if end > 0 {
			z.pos = i + end
			return tokText, i, i + end, "", true
		}
	}
	if d[i] != '<' {
		j := bytes.IndexByte(d[i+1:], '<')
		end := len(d)
		if j >= 0 {
			end = i + 1 + j
		}
		z.pos = end
		return tokText, i, end, "", true
	}
	rest := d[i:]
	switch {
	case bytes.HasPrefix(rest, []byte("<!--")):
		e := bytes.Index(rest[4:], []byte("-->"))
		end := len(d)
		if e >= 0 {
			end = i + 4 + e + 3
		}
		z.pos = end
		return tokOther, i, end, "", true
	case len(rest) > 1 && (rest[1] == '!' || rest[1] == '?'):
		end := tagEnd(d, i+1)
		z.pos = end
		return tokOther, i, end, "", true
	case len(rest) > 2 && rest[1] == '/' && isLetter(rest[2]):
		name := z.name(d, i+2)
		end := tagEnd(d, i+2)
		z.pos = end
		return tokEnd, i, end, name, true
	case len(rest) > 1 && isLetter(rest[1]):
		name := z.name(d, i+1)
		end := tagEnd(d, i+1)
		z.pos = end
		kind := tokStart
		if end-2 > i && d[end-1] == '>' && d[end-2] == '/' {
			kind = tokSelfClosing
		}
		if kind == tokStart && (name == "script" || name == "style" || name == "textarea" || name == "title") {
			z.rawEnd = "</" + name
		}
		return kind, i, end, name, true
	}
	// A '<' that starts no tag is text.
	j := bytes.IndexByte(d[i+1:], '<')
	e := len(d)
	if j >= 0 {
		e = i + 1 + j
	}
	z.pos = e
	return tokText, i, e, "", true
}

var knownNames = map[string]string{}

func init() {
	for _, n := range []string{"a", "b", "i", "p", "div", "span", "li", "ul", "ol", "td", "tr", "th", "table", "tbody", "thead",
		"img", "br", "hr", "meta", "link", "title", "head", "body", "html", "script", "style", "font", "strong", "em",
		"h1", "h2", "h3", "h4", "h5", "h6", "section", "article", "header", "footer", "nav", "main", "aside", "form",
		"input", "button", "label", "select", "option", "textarea", "iframe", "noscript", "center", "marquee", "small",
		"u", "s", "sup", "sub", "dl", "dt", "dd", "figure", "figcaption", "source", "video", "audio", "canvas", "svg", "path"} {
		knownNames[n] = n
	}
}

// name reads a tag name at d[i:], lower-cased, without allocating for the
// common names.
func (z *pageTokenizer) name(d []byte, i int) string {
	n := 0
	for j := i; j < len(d) && n < len(z.nameBuf); j++ {
		c := d[j]
		if !isLetter(c) && !(c >= '0' && c <= '9') && c != '-' && c != ':' {
			break
		}
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		z.nameBuf[n] = c
		n++
	}
	if s, ok := knownNames[string(z.nameBuf[:n])]; ok {
		return s
	}
	return string(z.nameBuf[:n])
}

// tagEnd finds the end of a tag that starts before i, past its '>' and
// minding quoted attribute values.
func tagEnd(d []byte, i int) int {
	var q byte
	for ; i < len(d); i++ {
		c := d[i]
		switch {
		case q != 0:
			if c == q {
				q = 0
			}
		case c == '"' || c == '\'':
			if i > 0 && (d[i-1] == '=' || d[i-1] == ' ') {
				q = c
			}
		case c == '>':
			return i + 1
		}
	}
	return len(d)
}

func isLetter(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }

// indexFold finds an ASCII needle in d, ignoring case.
func indexFold(d []byte, needle string) int {
	for off := 0; ; {
		j := bytes.IndexByte(d[off:], '<')
		if j < 0 {
			return -1
		}
		k := off + j
		if len(d)-k >= len(needle) && bytes.EqualFold(d[k:k+len(needle)], []byte(needle)) {
			return k
		}
		off = k + 1
	}
}
