package detect

import (
	"bytes"
	"encoding/binary"
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
	join  uint16 // tricks seen between this character and the one before
}

// junction is what lies between the last character of a possible word and
// the next: how much gap, and which tricks.
type junction struct {
	gap, invis uint8
	space      bool
	pend       uint16
}

type rawMatch struct {
	pat        int32
	start, end int64
	flags      Obfuscation
	done       bool // a streamed term already reported; kept as a neighbour
}

// scanState is the state of one scan: where the automaton is, the recent
// characters of a possible match and the matches found so far.
type scanState struct {
	m       *Matcher
	markup  bool
	list    bool // a keyword list: commas and bars end a word
	s       int32
	jn      junction
	n       uint64 // characters fed to the automaton so far
	ring    [ringSize]symPos
	matches []rawMatch
	buf     []byte // the bytes being scanned, to read matched characters back
	base    int64  // offset of buf[0] in the input

	// noteStarts has the scan record in starts where contact handles may
	// begin: characters flagged in the table, ASCII ones at the start of a
	// word only.
	noteStarts bool
	starts     []int64
}

func (st *scanState) reset() {
	st.s = 0
	st.jn = junction{}
}

// run scans buf[from:], where buf[0] is at offset base of the input, and
// returns the index it got to. Unless final, it stops short of constructs
// that may continue past the end of buf; the caller calls again with more
// bytes after them. Bytes before from stay readable for reports.
func (st *scanState) run(buf []byte, from int, base int64, final bool) int {
	m := st.m
	st.buf, st.base = buf, base
	table := m.table
	nsym := m.nsym
	da, fail := m.da, m.fail
	s := st.s
	nc := st.n // characters fed, kept in a register
	ring := &st.ring
	dirty := true // st.jn may hold a pending junction
	note := st.noteStarts
	starts := st.starts // noted here, kept in a register, stored back on return
	n := len(buf)
	limit := n
	if !final {
		limit = n - lookahead
	}
	i := from
	plainEnd := min(limit, n-2) // a three-byte character starting before it is whole
	for i < limit {
		if !dirty && i < plainEnd && buf[i]-0xE0 < 0x10 {
			// Most of Chinese text: characters of terms, one after the
			// other, taken by a loop of its own.
			var hit bool
			i, s, nc, hit = m.plainRun(buf, i, plainEnd, s, nc, ring, base)
			if hit {
				st.n, st.starts = nc, starts
				st.report(m.out[s], base+int64(i))
				starts = st.starts
				continue
			}
			if i >= limit {
				break
			}
		}
		b := buf[i]
		var sym uint32
		w := 1
		if b < 0x80 {
			sym = uint32(table[b])
			if sym == 0 {
				// ASCII word characters that no term continues with (in
				// many rule sets all digits and most letters) only send
				// the automaton to the root: a run of them is taken here,
				// noting where a contact handle may begin.
				s = 0
				for {
					if note && (b-'0' < 10 || (b|0x20)-'a' < 26) && (i == 0 || !isWordByte(buf[i-1])) {
						starts = append(starts, base+int64(i))
					}
					i++
					if i >= limit {
						break
					}
					if b = buf[i]; b >= 0x80 || table[b] != 0 {
						break
					}
				}
				continue
			}
			// An ASCII letter or digit after a non-word byte may begin a
			// contact handle (www.…, 138…, kf8899@…).
			if note && (b-'0' < 10 || (b|0x20)-'a' < 26) && (i == 0 || !isWordByte(buf[i-1])) {
				starts = append(starts, base+int64(i))
			}
		} else if b >= 0xE0 && b < 0xF0 && i+2 < n && buf[i+1]&0xC0 == 0x80 && buf[i+2]&0xC0 == 0x80 {
			sym = uint32(table[rune(b&0x0F)<<12|rune(buf[i+1]&0x3F)<<6|rune(buf[i+2]&0x3F)])
			w = 3
		} else {
			r, sz := utf8.DecodeRune(buf[i:])
			w = sz
			if r == utf8.RuneError && sz <= 1 {
				sym = 0
			} else if r < 0x10000 {
				sym = uint32(table[r])
			} else {
				sym = uint32(m.lookupSupp(r))
			}
		}
		if sym-1 >= nsym {
			// Not a plain symbol: a character flagged as one a contact
			// handle may begin with (noted, then taken for what it is),
			// one no term uses, or a separator.
			if sym >= flagContact && sym < symAmp {
				// A letter or digit in disguise (ｗ, ８, ①) may begin a handle.
				sym -= flagContact
				if note {
					starts = append(starts, base+int64(i))
				}
			}
			if sym == 0 {
				s = 0 // a word character that no term continues with
				i += w
				continue
			}
			if sym-1 >= nsym {
				if s == 0 && sym >= symParen {
					i += w // nothing to join at the root
					continue
				}
				// Separators inside a possible word, the most common of
				// the rare paths, are taken here as special takes them.
				switch {
				case sym == symSentence:
					s, st.jn, dirty = 0, junction{}, false // a sentence end breaks the word
					i += w
					continue
				case sym == symSpace, sym == symSkip && !st.list:
					// One unit of gap; a run of whitespace is one.
					if space := sym == symSpace; !space || !st.jn.space {
						st.jn.space = space
						st.jn.gap++
						st.jn.pend |= uint16(ObfSeparator)
						if st.jn.gap > maxGap {
							s, st.jn = 0, junction{}
						}
					}
					dirty = true
					i += w
					continue
				}
				// Rare paths: separators inside a possible word, markup, entities.
				st.s, st.n, st.starts = s, nc, starts
				adv, more := st.special(buf, base, i, w, sym, final)
				s, nc, dirty, starts = st.s, st.n, true, st.starts
				if more {
					return i
				}
				i += adv
				continue
			}
		}
		// The common case: a character of some term.
		var chk int32
		s, chk = step(da, fail, s, sym)
		if s == 0 {
			// No term continues here, so this character can be part
			// of no later match either: nothing to remember.
			i += w
			continue
		}
		// Only a separator path (special) dirties the junction, so the
		// common case writes the ring entry and nothing else.
		var join uint16
		if dirty {
			join = st.jn.pend
			st.jn = junction{}
			dirty = false
		}
		ring[nc&(ringSize-1)] = symPos{base + int64(i), join}
		nc++
		if chk < 0 {
			st.n, st.starts = nc, starts
			st.report(m.out[s], base+int64(i+w))
			starts = st.starts
		}
		i += w
		if w == 1 && isAlnum(b) {
			// The rest of an ASCII word (bet365, 19771): a letter or
			// digit after one begins no contact handle, and nothing
			// comes between them, so they are stepped here.
			for ; i < limit; i++ {
				b := buf[i]
				if !isAlnum(b) {
					break
				}
				sym := uint32(table[b])
				if sym == 0 {
					s = 0
					continue
				}
				s, chk = step(da, fail, s, sym)
				if s == 0 {
					continue
				}
				ring[nc&(ringSize-1)] = symPos{base + int64(i), 0}
				nc++
				if chk < 0 {
					st.n, st.starts = nc, starts
					st.report(m.out[s], base+int64(i+1))
					starts = st.starts
				}
			}
		}
	}
	st.s, st.n, st.starts = s, nc, starts
	return i
}

// isAlnum reports an ASCII letter or digit.
func isAlnum(b byte) bool {
	return b-'0' < 10 || (b|0x20)-'a' < 26
}

// step moves the automaton from state s by symbol sym, following failure
// links, and returns the state reached with its check, negative when the
// state has output (0 at the root).
func step(da []cell, fail []int32, s int32, sym uint32) (int32, int32) {
	for {
		c := da[s]
		if t := uint(uint32(c.base + int32(sym))); t < uint(len(da)) {
			if chk := da[t].check; chk&idMask == s {
				return int32(t), chk
			}
		}
		switch {
		case s == 0:
			return 0, 0
		case c.check&failDeep == 0:
			s = 0 // the failure link is the root: no need to read it
		default:
			s = fail[s]
		}
	}
}

// plainRun feeds the automaton the three-byte characters from buf[i] on
// (i < end <= len(buf)-2) while each is a plain symbol of the rule set or
// a character no term uses, and no junction is pending: the bulk of
// Chinese text. It returns where it stopped (before a character it does
// not take, or after one that completes a match, hit) and the state and
// count of characters fed. The same steps as run's, in a loop with few
// enough variables to keep them all in registers, which run's, with
// every path in it, cannot.
func (m *Matcher) plainRun(buf []byte, i, end int, s int32, nc uint64, ring *[ringSize]symPos, base int64) (int, int32, uint64, bool) {
	da := m.da
	// The state is carried with its cell: its base, to step without
	// reading it again, and its check word, for the output and
	// failure-link flags. The root's base is 0 and its word 0: no output.
	var sb, w int32
	if s != 0 {
		c := da[s]
		sb, w = c.base, c.check
	}
	// The ring entries of the characters taken are written at the end,
	// for those since the automaton last left the root (p was rest long
	// then), at most as many as the state's depth: a match that ends
	// here or later and takes an older one would have left the automaton
	// deeper, so they are never read.
	buf = buf[:min(end+2, len(buf))]
	p := buf[i:]
	rest := len(p)
	hit := false
	for {
		var why int
		p, s, sb, w, rest, why = plainSteps(p, (*[0x10000]uint16)(m.table), da, s, sb, w, rest)
		if why != whyDeep {
			hit = why == whyHit
			break
		}
		// A failure link other than the root: followed by step.
		u := binary.LittleEndian.Uint32(p)
		sym := uint32(m.table[uint16(u&0x0F<<12|u>>2&0xFC0|u>>16&0x3F)])
		p = p[3:]
		var c cell
		s, _ = step(da, m.fail, m.fail[s], sym)
		if s != 0 {
			c = da[s]
		} else {
			rest = len(p)
		}
		sb, w = c.base, c.check
		if w < 0 {
			hit = true
			break
		}
	}
	i = len(buf) - len(p)
	if s != 0 {
		// The characters since rest: three bytes each, all fed with the
		// automaton away from the root.
		k := (rest - len(p)) / 3
		from := len(buf) - rest
		for j := max(0, k-int(m.depth[s])); j < k; j++ {
			ring[(nc+uint64(j))&(ringSize-1)] = symPos{base + int64(from+3*j), 0}
		}
		nc += uint64(k)
	}
	return i, s, nc, hit
}

// Why plainSteps stopped.
const (
	whyOther = iota // the end, or a character that is not for it
	whyHit          // a match ends at the character before p
	whyDeep         // the character at p fails from a state whose failure link is not the root
)

// plainSteps is plainRun's loop, a function of its own so that what it
// keeps fits in registers: it walks p and keeps no index, and steps by
// the cell of the state, its base and check word at hand.
func plainSteps(p []byte, table *[0x10000]uint16, da []cell, s, sb, w int32, rest int) ([]byte, int32, int32, int32, int, int) {
	for len(p) >= 4 {
		// Four bytes read at once: the character's three and one after it.
		u := binary.LittleEndian.Uint32(p)
		if u&0xC0C0F0 != 0x8080E0 {
			break // not a three-byte character
		}
		sym := uint32(table[uint16(u&0x0F<<12|u>>2&0xFC0|u>>16&0x3F)])
		// Table entries are 0, a symbol (1 to nsym), or flagContact and
		// above: a separator, markup, or a character a handle may begin
		// with. Those that only send the automaton to its root are taken
		// here (no junction is pending, so there is none to clear); run
		// takes the others.
		if sym-1 >= flagContact-1 {
			switch {
			case sym == 0, sym == symSentence:
				s, sb, w = 0, 0, 0 // a word character no term continues with, or a sentence end
			case s == 0 && sym >= symParen:
				// a separator at the root: nothing to join
			default:
				return p, s, sb, w, rest, whyOther
			}
			p = p[3:]
			rest = len(p)
			continue
		}
		// The child by sym, else, when the failure link is the root, the
		// root's child.
		c := cell{check: -1}
		t := uint(uint32(sb + int32(sym)))
		if t < uint(len(da)) {
			c = da[t]
		}
		if c.check&idMask != s {
			if w&failDeep != 0 {
				return p, s, sb, w, rest, whyDeep
			}
			t, c = 0, cell{}
			if uint(sym) < uint(len(da)) {
				if r := da[sym]; r.check&idMask == 0 {
					t, c = uint(sym), r
				}
			}
		}
		p = p[3:]
		s, sb, w = int32(t), c.base, c.check
		if s == 0 {
			rest = len(p)
		}
		if w < 0 {
			return p, s, sb, w, rest, whyHit
		}
	}
	return p, s, sb, w, rest, whyOther
}

// special handles a non-word rune at buf[i:i+w] and returns how many bytes
// it took; more means the construct may continue past buf.
func (st *scanState) special(buf []byte, base int64, i, w int, sym uint32, final bool) (adv int, more bool) {
	switch sym {
	case symAmp:
		if r, sz := entityAt(buf[i:]); sz > 0 {
			var e uint16
			if r < 0x10000 {
				e = st.m.table[r]
			} else {
				e = st.m.lookupSupp(r)
			}
			if e >= flagContact && e < symAmp {
				e -= flagContact
			}
			st.symbol(uint32(e), base, i, sz)
			return sz, false
		}
		st.skip(uint16(ObfSeparator), false)
		return w, false
	case symLT:
		if st.markup {
			if sz := rubyAt(buf[i:]); sz > 0 && st.s != 0 {
				st.skip(uint16(ObfPinyin|ObfTag), false)
				return sz, false
			}
			sz, brk, need := tagAt(buf[i:], final)
			if need {
				return 0, true
			}
			if sz > 0 && st.noteStarts {
				st.noteTagStarts(buf[i:i+sz], base+int64(i))
			}
			if sz > 0 {
				if brk {
					st.reset()
				} else {
					st.skip(uint16(ObfTag), false)
				}
				return sz, false
			}
		}
		st.skip(uint16(ObfSeparator), false)
		return w, false
	case symParen:
		if st.s != 0 {
			if sz := annotationAt(buf[i:]); sz > 0 {
				st.skip(uint16(ObfPinyin), false)
				return sz, false
			}
		}
		st.skip(uint16(ObfSeparator), false)
		return w, false
	case symSentence:
		st.reset()
	case symSpace:
		st.skip(uint16(ObfSeparator), true)
	case symInvisible:
		st.jn.invis++
		st.jn.pend |= uint16(ObfInvisible)
		if st.jn.invis > maxInvisible {
			st.reset()
		}
	default:
		if st.list && isListSep(buf[i:]) {
			st.reset()
			break
		}
		st.skip(uint16(ObfSeparator), false)
	}
	return w, false
}

// isWordByte reports an ASCII letter, digit or underscore: a handle does
// not begin after one.
func isWordByte(b byte) bool {
	return b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' || b >= '0' && b <= '9' || b == '_'
}

// noteTagStarts records the word starts inside a tag consumed whole in
// the middle of a word (百<a href="http://x.com">家), which the main loop
// does not see.
func (st *scanState) noteTagStarts(tag []byte, at int64) {
	for j := 1; j < len(tag); j++ {
		if isWordByte(tag[j]) && tag[j] != '_' && !isWordByte(tag[j-1]) {
			st.starts = append(st.starts, at+int64(j))
		}
	}
}

// isListSep reports the separators of a keyword list: , ， | 、
func isListSep(b []byte) bool {
	return b[0] == ',' || b[0] == '|' || bytes.HasPrefix(b, []byte("，")) || bytes.HasPrefix(b, []byte("、"))
}

// skip counts one unit of gap between the characters of a possible word.
func (st *scanState) skip(flag uint16, space bool) {
	if st.s == 0 {
		return
	}
	if space && st.jn.space {
		return // a run of whitespace is one gap, as a browser shows it
	}
	st.jn.space = space
	st.jn.gap++
	st.jn.pend |= flag
	if st.jn.gap > maxGap {
		st.reset()
	}
}

// symbol feeds one decoded character (from an entity) to the automaton.
func (st *scanState) symbol(sym uint32, base int64, i, w int) {
	m := st.m
	if sym-1 >= m.nsym {
		if sym == 0 || sym == symSentence {
			st.reset()
		} else {
			st.skip(uint16(ObfSeparator|ObfEntity), false)
		}
		return
	}
	s, _ := step(m.da, m.fail, st.s, sym)
	st.s = s
	p := &st.ring[st.n&(ringSize-1)]
	p.start, p.join = base+int64(i), st.jn.pend
	st.n++
	st.jn = junction{}
	if o := m.out[s]; o != 0 {
		st.report(o, base+int64(i+w))
	}
}

// report records every pattern that ends at end, following the output
// chain. The tricks on each character are read back from the input here,
// off the hot path, so the scan loop needs only the symbol.
func (st *scanState) report(o int32, end int64) {
	m := st.m
	for ; o != 0; o = m.outs[o].next {
		e := &m.outs[o]
		pi := e.pat
		L := uint64(e.length)
		first := st.n - L
		if e.kind == kindNote {
			if st.noteStarts {
				st.starts = append(st.starts, st.ring[first&(ringSize-1)].start)
			}
			continue
		}
		var fl Obfuscation
		for k := first; k < st.n; k++ {
			p := &st.ring[k&(ringSize-1)]
			fl |= st.charTricks(p.start)
			if k != first {
				fl |= Obfuscation(p.join)
			}
		}
		fl |= e.flags
		st.matches = append(st.matches, rawMatch{pat: pi, start: st.ring[first&(ringSize-1)].start, end: end, flags: fl})
	}
}

// charTricks says which tricks the character at offset off was written with.
func (st *scanState) charTricks(off int64) Obfuscation {
	i := off - st.base
	if i < 0 || i >= int64(len(st.buf)) {
		return 0
	}
	b := st.buf[i:]
	if b[0] == '&' {
		if r, sz := entityAt(b); sz > 0 {
			_, k := canonical(r)
			return k | ObfEntity
		}
	}
	var r rune
	if c := b[0]; c > 0xE0 && c < 0xF0 && c != 0xED && len(b) > 2 && b[1]&0xC0 == 0x80 && b[2]&0xC0 == 0x80 {
		// A three-byte character that is neither overlong nor a
		// surrogate: most of Chinese, decoded in place.
		r = rune(c&0x0F)<<12 | rune(b[1]&0x3F)<<6 | rune(b[2]&0x3F)
	} else {
		r, _ = utf8.DecodeRune(b)
	}
	if uint32(r) < 0x10000 && sharedTables().tricked[r>>6]&(1<<(r&63)) == 0 {
		return 0 // written as it is read: most characters
	}
	_, k := canonical(r)
	return k
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
	window := b[:min(len(b), maxTag)]
	c := b[1]
	if c == '!' && len(b) >= 4 && b[2] == '-' && b[3] == '-' {
		if j := bytes.Index(window[4:], []byte("-->")); j >= 0 {
			return 4 + j + 3, false, false
		}
		return 0, false, !final && len(b) < maxTag
	}
	if !(c == '/' || c == '!' || c == '?' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z') {
		return 0, false, false
	}
	if j := bytes.IndexByte(window[1:], '>'); j >= 0 {
		return j + 2, isBlockTag(b[1 : j+1]), false
	}
	return 0, false, !final && len(b) < maxTag
}

var blockTags = map[string]bool{
	"p": true, "div": true, "br": true, "li": true, "ul": true, "ol": true, "td": true, "th": true, "tr": true,
	"table": true, "h1": true, "h2": true, "h3": true, "h4": true, "h5": true, "h6": true, "title": true,
	"head": true, "body": true, "section": true, "article": true, "header": true, "footer": true, "nav": true,
	"option": true, "select": true, "script": true, "style": true, "meta": true, "hr": true, "dd": true, "dt": true,
	"html": true, "blockquote": true, "form": true, "textarea": true, "main": true, "aside": true,
}

// rubyAt measures a ruby annotation <rt>…</rt> or <rp>…</rp> at the start
// of b, which pages use to print pinyin above characters, or returns 0.
func rubyAt(b []byte) int {
	if len(b) < 4 || b[0] != '<' || (b[1] != 'r' && b[1] != 'R') || (b[2] != 't' && b[2] != 'T' && b[2] != 'p' && b[2] != 'P') || b[3] != '>' {
		return 0
	}
	end := []byte{'<', '/', b[1], b[2], '>'}
	limit := min(len(b), 64)
	if j := bytes.Index(b[4:limit], end); j >= 0 {
		return 4 + j + len(end)
	}
	return 0
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
