package detect

import (
	"html"
	"unicode/utf8"
)

const (
	maxGap       = 3    // units of separators allowed between two characters of a word
	maxInvisible = 16   // invisible characters allowed between two characters
	maxTag       = 4096 // longest HTML tag skipped inside a word
	lookahead    = 64   // bytes a construct (rune, entity, annotation) may need past its start
)

type symPos struct {
	start int64
	flags uint16 // tricks seen on the character itself
	join  uint16 // tricks seen between it and the character before
}

type rawMatch struct {
	pat        int32
	start, end int64
	flags      Obfuscation
}

// scanState is the state of one scan: where the automaton is, the recent
// characters of a possible match and the matches found so far.
type scanState struct {
	m       *Matcher
	markup  bool
	s       int32
	gap     int
	invis   int
	inSpace bool
	pend    uint16
	n       uint64
	ring    [ringSize]symPos
	matches []rawMatch
}

func (st *scanState) reset() {
	st.s, st.gap, st.invis, st.pend = 0, 0, 0, 0
}

// run scans buf, whose first byte is at offset base of the input, and
// returns how many bytes it consumed. Unless final, it stops short of
// constructs that may continue past the end of buf; the caller passes the
// rest again with more bytes after it. lo is the offset of the first byte
// still available in buf, for word-boundary checks and to drop matches that
// start before it.
func (st *scanState) run(buf []byte, base int64, final bool) int {
	m := st.m
	table := m.table
	nsym := m.nsym
	bas, chk := m.base, m.check
	size := uint32(len(chk))
	s := st.s
	n := len(buf)
	limit := n
	if !final {
		limit = n - lookahead
	}
	i := 0
	for i < limit {
		b := buf[i]
		var e uint32
		w := 1
		if b < 0x80 {
			e = table[b]
		} else if b >= 0xE0 && b < 0xF0 && i+2 < n && buf[i+1]&0xC0 == 0x80 && buf[i+2]&0xC0 == 0x80 {
			e = table[rune(b&0x0F)<<12|rune(buf[i+1]&0x3F)<<6|rune(buf[i+2]&0x3F)]
			w = 3
		} else {
			r, sz := utf8.DecodeRune(buf[i:])
			w = sz
			if r == utf8.RuneError && sz <= 1 {
				e = 0
			} else if r < 0x10000 {
				e = table[r]
			} else {
				e = m.lookupSupp(r)
			}
		}
		sym := e & symMask
		if sym-1 < nsym {
			// The common case: a character of some term.
			for {
				t := bas[s] + int32(sym)
				if uint32(t) < size && chk[t] == s {
					s = t
					break
				}
				if s == 0 {
					break
				}
				s = m.fail[s]
			}
			p := &st.ring[st.n&(ringSize-1)]
			p.start, p.flags, p.join = base+int64(i), uint16(e>>24), st.pend
			st.n++
			st.gap, st.invis, st.pend, st.inSpace = 0, 0, 0, false
			if o := m.outHead[s]; o != 0 {
				st.report(o, base+int64(i+w))
			}
			i += w
			continue
		}
		if sym == 0 {
			s = 0 // a word character that no term continues with
			i += w
			continue
		}
		if s == 0 && sym >= symParen {
			i += w // nothing to join at the root
			continue
		}
		// Rare paths: separators inside a possible word, markup, entities.
		st.s = s
		adv, more := st.special(buf, base, i, w, sym, e, final)
		if more {
			return i
		}
		s = st.s
		i += adv
	}
	st.s = s
	return i
}

// special handles a non-word rune at buf[i:i+w] and returns how many bytes
// it took; more means the construct may continue past buf.
func (st *scanState) special(buf []byte, base int64, i, w int, sym, e uint32, final bool) (adv int, more bool) {
	switch sym {
	case symAmp:
		if r, sz := entityAt(buf[i:]); sz > 0 {
			var e2 uint32
			if r < 0x10000 {
				e2 = st.m.table[r]
			} else {
				e2 = st.m.lookupSupp(r)
			}
			st.symbol(e2, uint16(ObfEntity), base, i, sz)
			return sz, false
		}
		st.skip(1, uint16(ObfSeparator), false)
		return w, false
	case symLT:
		if st.markup {
			sz, brk, need := tagAt(buf[i:], final)
			if need {
				return 0, true
			}
			if sz > 0 {
				if brk {
					st.reset()
				} else {
					st.skip(1, uint16(ObfTag), false)
				}
				return sz, false
			}
		}
		st.skip(1, uint16(ObfSeparator), false)
		return w, false
	case symParen:
		if st.s != 0 {
			if sz := annotationAt(buf[i:]); sz > 0 {
				st.skip(1, uint16(ObfPinyin), false)
				return sz, false
			}
		}
		st.skip(1, uint16(ObfSeparator), false)
		return w, false
	case symSentence:
		st.reset()
	case symSpace:
		st.skip(1, uint16(ObfSeparator), true)
	case symInvisible:
		st.invis++
		st.pend |= uint16(ObfInvisible)
		if st.invis > maxInvisible {
			st.reset()
		}
	default:
		st.skip(1, uint16(ObfSeparator), false)
	}
	return w, false
}

func (st *scanState) skip(units int, flag uint16, space bool) {
	if st.s == 0 {
		return
	}
	if space && st.inSpace {
		return // a run of whitespace is one gap, as a browser shows it
	}
	st.inSpace = space
	st.gap += units
	st.pend |= flag
	if st.gap > maxGap {
		st.reset()
	}
}

// symbol feeds one decoded character (from an entity) to the automaton.
func (st *scanState) symbol(e uint32, flags uint16, base int64, i, w int) {
	m := st.m
	sym := e & symMask
	if sym-1 >= m.nsym {
		if sym == 0 || sym == symSentence {
			st.reset()
		} else {
			st.skip(1, uint16(ObfSeparator)|flags, false)
		}
		return
	}
	s := st.s
	for {
		t := m.base[s] + int32(sym)
		if uint32(t) < uint32(len(m.check)) && m.check[t] == s {
			s = t
			break
		}
		if s == 0 {
			break
		}
		s = m.fail[s]
	}
	st.s = s
	p := &st.ring[st.n&(ringSize-1)]
	p.start, p.flags, p.join = base+int64(i), uint16(e>>24)|flags, st.pend
	st.n++
	st.gap, st.invis, st.pend, st.inSpace = 0, 0, 0, false
	if o := m.outHead[s]; o != 0 {
		st.report(o, base+int64(i+w))
	}
}

// report records every pattern that ends at end, following the output chain.
func (st *scanState) report(o int32, end int64) {
	m := st.m
	for ; o != 0; o = m.outNext[o] {
		pi := m.outPat[o]
		L := uint64(m.patterns[pi].length)
		first := st.n - L
		var fl uint16
		for k := first; k < st.n; k++ {
			p := &st.ring[k&(ringSize-1)]
			fl |= p.flags
			if k != first {
				fl |= p.join
			}
		}
		st.matches = append(st.matches, rawMatch{pat: pi, start: st.ring[first&(ringSize-1)].start, end: end, flags: Obfuscation(fl)})
	}
}

// entityAt decodes an HTML character reference at the start of b.
func entityAt(b []byte) (rune, int) {
	end := -1
	for j := 1; j < len(b) && j < 34; j++ {
		c := b[j]
		if c == ';' {
			end = j
			break
		}
		if !(c == '#' || c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z') {
			break
		}
	}
	if end < 2 {
		return 0, 0
	}
	s := html.UnescapeString(string(b[:end+1]))
	r, sz := utf8.DecodeRuneInString(s)
	if sz != len(s) || r == utf8.RuneError || s == string(b[:end+1]) {
		return 0, 0
	}
	return r, end + 1
}

// tagAt measures an HTML tag or comment at the start of b. brk reports a
// block-level tag, which ends any word. need means b ends inside the tag.
func tagAt(b []byte, final bool) (size int, brk, need bool) {
	if len(b) < 2 {
		return 0, false, !final
	}
	c := b[1]
	if c == '!' && len(b) >= 4 && b[2] == '-' && b[3] == '-' {
		for j := 4; j+2 < len(b) && j < maxTag; j++ {
			if b[j] == '-' && b[j+1] == '-' && b[j+2] == '>' {
				return j + 3, false, false
			}
		}
		return 0, false, !final && len(b) < maxTag
	}
	if !(c == '/' || c == '!' || c == '?' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z') {
		return 0, false, false
	}
	for j := 1; j < len(b) && j < maxTag; j++ {
		if b[j] == '>' {
			return j + 1, isBlockTag(b[1:j]), false
		}
	}
	return 0, false, !final && len(b) < maxTag
}

var blockTags = map[string]bool{
	"p": true, "div": true, "br": true, "li": true, "ul": true, "ol": true, "td": true, "th": true, "tr": true,
	"table": true, "h1": true, "h2": true, "h3": true, "h4": true, "h5": true, "h6": true, "title": true,
	"head": true, "body": true, "section": true, "article": true, "header": true, "footer": true, "nav": true,
	"option": true, "select": true, "script": true, "style": true, "meta": true, "hr": true, "dd": true, "dt": true,
	"html": true, "blockquote": true, "form": true, "textarea": true, "main": true, "aside": true, "rt": true,
}

func isBlockTag(inner []byte) bool {
	if len(inner) > 0 && inner[0] == '/' {
		inner = inner[1:]
	}
	j := 0
	for j < len(inner) && j < 12 && (inner[j] >= 'a' && inner[j] <= 'z' || inner[j] >= 'A' && inner[j] <= 'Z' || inner[j] >= '0' && inner[j] <= '9') {
		j++
	}
	var name [12]byte
	for k := 0; k < j; k++ {
		c := inner[k]
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		name[k] = c
	}
	return blockTags[string(name[:j])]
}

// annotationAt measures a pinyin annotation such as "(lián)" or "（wǎng）"
// at the start of b, or returns 0.
func annotationAt(b []byte) int {
	_, w := utf8.DecodeRune(b)
	letters := 0
	for j := w; j < len(b) && j < 40; {
		r, sz := utf8.DecodeRune(b[j:])
		switch {
		case r == ')' || r == '）':
			if letters >= 1 {
				return j + sz
			}
			return 0
		case r >= 'a' && r <= 'z', r >= 'A' && r <= 'Z', r >= '1' && r <= '5', isToneVowel(r):
			letters++
		default:
			return 0
		}
		if letters > 7 {
			return 0
		}
		j += sz
	}
	return 0
}

func isToneVowel(r rune) bool {
	switch r {
	case 'ā', 'á', 'ǎ', 'à', 'ē', 'é', 'ě', 'è', 'ī', 'í', 'ǐ', 'ì', 'ō', 'ó', 'ǒ', 'ò',
		'ū', 'ú', 'ǔ', 'ù', 'ǖ', 'ǘ', 'ǚ', 'ǜ', 'ü', 'Ü', 'ń', 'ň', 'ǹ', 'ḿ', 'ê':
		return true
	}
	return false
}
