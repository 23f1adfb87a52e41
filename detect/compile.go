package detect

import (
	"fmt"
	"math/bits"
	"slices"
	"unicode"
)

const (
	maxTermSymbols = 48 // longest term, in characters after normalisation
	ringSize       = 64 // > maxTermSymbols, power of two
)

// Special values of a table entry, above any real symbol.
const (
	symSkip = 0xFFFF - iota
	symSpace
	symInvisible
	symSentence
	symParen
	symLT
	symAmp
)

// flagContact marks, in a table entry, a character a contact handle may
// begin with (a letter or digit, a numeral, the first character of 加微信,
// QQ, 电话 …), so the scan notes where handles may start in the same pass
// and the contact parser looks only there. The symbol is the entry less
// the flag, which limits a rule set to 32,767 distinct characters.
const (
	flagContact = 0x8000
	maxSymbols  = flagContact - 1
)

// Pattern kinds: what a match of the pattern means.
const (
	kindTerm    = iota // a rule's term: a finding
	kindExclude        // cancels findings of its rule that it overlaps
	kindCue            // a context word (see markers.go); pattern.cue says which
	kindNote           // where a contact handle may begin: a cue (加微信, 电话) or two numerals (一三)
)

type pattern struct {
	rule     int32 // index into Matcher.rules; -1 for context words
	kind     uint8
	cue      uint8 // for kindCue: the cue class
	length   uint8 // symbols
	asciiEnd uint8 // bit 0: starts with an ASCII letter/digit, bit 1: ends with one, bit 2: letters only count
	// flags are the tricks every match of this pattern used, such as a
	// pinyin spelling or a homophone; the others are read from the input.
	flags Obfuscation
	term  string
	norm  string // the canonical form of the term, for explanations
	// id numbers the term a pattern stands for (its variants share it),
	// so scores count distinct terms without comparing strings.
	id int32
}

type compiledRule struct {
	Rule
	pack   string
	weight int
}

// Matcher is a compiled rule set. It is immutable and safe for concurrent
// use by any number of goroutines.
type Matcher struct {
	rules    []compiledRule
	patterns []pattern

	// table maps a BMP rune to its symbol, or a sym* special for runes
	// that may stand between characters: one lookup per rune normalises it.
	table   []uint16
	supp    map[rune]uint16 // the same for supplementary runes that are symbols
	nsym    uint32
	symRune []rune // canonical rune of each symbol, for explanations

	// Aho–Corasick automaton over symbols, in a double array: the child of
	// state s by symbol c is t = da[s].base+c when da[t].check == s. A
	// cell holds everything the scan loop reads about a state, so a step
	// costs one cache line.
	da        []cell
	fail, out []int32  // failure link and first output of each state
	outs      []output // output chains, shared between states
	depth     []uint8  // symbols from the root to each state

	// Used while building only.
	base, check, outHead []int32
}

// Compile builds a matcher from rule packs. Context words that mark warning
// and enforcement texts are always included.
func Compile(packs ...*RulePack) (*Matcher, error) {
	m := &Matcher{}
	type seq struct {
		syms []rune
		pat  int32
	}
	var seqs []seq
	type patternKey struct {
		rule  int32
		kind  uint8
		runes string
	}
	seen := map[patternKey]bool{} // the patterns so far
	termIDs := map[string]int32{} // canonical form → term id
	// addRunes adds a pattern of canonical runes; a variant of a term keeps
	// the term and its canonical form for reports, and the flags of its
	// trick. lettersOnly means it may touch digits but not letters
	// (baijiale888.com), as pinyin does.
	addRunes := func(rs []rune, rule int32, kind uint8, term, norm string, flags Obfuscation, lettersOnly bool) *pattern {
		if len(rs) == 0 || len(rs) > maxTermSymbols {
			return nil
		}
		key := patternKey{rule, kind, string(rs)}
		if seen[key] {
			return nil
		}
		seen[key] = true
		id, ok := termIDs[norm]
		if !ok {
			id = int32(len(termIDs))
			termIDs[norm] = id
		}
		p := pattern{rule: rule, kind: kind, length: uint8(len(rs)), term: term, norm: norm, flags: flags, id: id}
		if isASCIIWord(rs[0]) {
			p.asciiEnd |= 1
		}
		if isASCIIWord(rs[len(rs)-1]) {
			p.asciiEnd |= 2
		}
		if lettersOnly {
			p.asciiEnd |= 4
		}
		m.patterns = append(m.patterns, p)
		seqs = append(seqs, seq{rs, int32(len(m.patterns) - 1)})
		return &m.patterns[len(m.patterns)-1]
	}
	add := func(term string, rule int32, kind uint8) *pattern {
		rs := normalizeTerm(term)
		return addRunes(rs, rule, kind, term, string(rs), 0, false)
	}
	type homTerm struct {
		rs   []rune
		rule int32
		term string
	}
	var homTerms []homTerm
	ids := map[string]string{}
	for _, pk := range packs {
		for _, r := range pk.Rules {
			if prev, dup := ids[r.ID]; dup {
				return nil, fmt.Errorf("rule id %q is in both %s and %s", r.ID, prev, pk.Source)
			}
			ids[r.ID] = pk.Source
			w := severities[r.Severity]
			if w == 0 {
				w = severities["medium"]
			}
			m.rules = append(m.rules, compiledRule{Rule: r, pack: pk.Name, weight: w})
			ri := int32(len(m.rules) - 1)
			// Each term's canonical runes and their string, made once.
			termRunes := make([][]rune, len(r.Terms))
			termNorms := make([]string, len(r.Terms))
			for i, t := range r.Terms {
				termRunes[i] = normalizeTerm(t)
				termNorms[i] = string(termRunes[i])
				addRunes(termRunes[i], ri, kindTerm, t, termNorms[i], 0, false)
			}
			for _, t := range r.Exclude {
				add(t, ri, kindExclude)
			}
			// Variants come after every exact term of the rule, so a
			// variant that spells another term adds nothing.
			for i, t := range r.Terms {
				rs, norm := termRunes[i], termNorms[i]
				for _, v := range numeralVariants(rs) {
					addRunes(v, ri, kindTerm, t, norm, ObfNumeral, false)
				}
				// Pinyin of terms of three or more Han characters: shorter
				// spellings collide with English words.
				if !r.Pinyin && !r.Homophone || len(rs) < 3 || !allHan(rs) {
					continue
				}
				if r.Pinyin {
					for _, sp := range spellings(rs) {
						if len(sp) >= 8 {
							addRunes([]rune(sp), ri, kindTerm, t, norm, ObfSpelling, true)
						}
					}
					for _, v := range mixedSpellings(rs) {
						addRunes(v, ri, kindTerm, t, norm, ObfMixed, true)
					}
				}
				if r.Homophone {
					homTerms = append(homTerms, homTerm{rs, ri, t})
				}
			}
			for _, t := range r.Initials {
				rs := normalizeTerm(t)
				term := t
				for _, x := range r.Terms {
					if string(normalizeTerm(x)) == string(rs) {
						term = x
					}
				}
				// Initials are a token of their own: no letter or digit
				// may touch them (ssc2 is not 时时彩).
				for _, in := range initials(rs) {
					addRunes([]rune(in), ri, kindTerm, term, string(rs), ObfInitials, false)
				}
			}
		}
	}
	for _, cw := range cueWords {
		for _, t := range cw.words {
			if p := add(t, -1, kindCue); p != nil {
				p.cue = cw.class
			}
		}
	}
	// The words that introduce a contact handle, and numerals two in a
	// row (a number written 一三八…), are found by the automaton too: the
	// scan notes where they begin for the contact parser. ASCII cues (qq,
	// vx) begin ASCII words, which the scan notes anyway.
	for _, g := range cueList {
		for _, w := range g.words {
			if !isASCIIWord([]rune(w)[0]) {
				add(w, -1, kindNote)
			}
		}
	}
	numerals := []rune("零一二三四五六七八九幺")
	for _, a := range numerals {
		for _, b := range numerals {
			add(string([]rune{a, b}), -1, kindNote)
		}
	}
	// Homophones last: a variant names, per syllable, the characters that
	// other patterns use, since those keep symbols of their own.
	if len(homTerms) > 0 {
		termChars := map[string][]rune{}
		used := map[rune]bool{}
		for _, s := range seqs {
			for _, r := range s.syms {
				if !used[r] && r < sylBase && unicode.Is(unicode.Han, r) {
					used[r] = true
					for _, p := range readings(r) {
						termChars[p] = append(termChars[p], r)
					}
				}
			}
		}
		for _, h := range homTerms {
			for _, v := range homophoneVariants(h.rs, termChars) {
				addRunes(v, h.rule, kindTerm, h.term, string(h.rs), ObfHomophone, false)
			}
		}
	}

	// Symbols are numbered by frequency so the busiest part of the double
	// array stays dense.
	freq := newRuneMap()
	for _, s := range seqs {
		for _, r := range s.syms {
			freq.set(r, freq.get(r)+1)
		}
	}
	type runeFreq struct {
		r rune
		n int32
	}
	byFreq := make([]runeFreq, 0, 1024)
	freq.each(func(r rune, n int32) { byFreq = append(byFreq, runeFreq{r, n}) })
	slices.SortFunc(byFreq, func(a, b runeFreq) int {
		if a.n != b.n {
			return int(b.n - a.n)
		}
		return int(a.r - b.r)
	})
	if len(byFreq) > maxSymbols {
		return nil, fmt.Errorf("the rule set uses %d distinct characters, more than %d", len(byFreq), maxSymbols)
	}
	symOf := newRuneMap()
	m.symRune = make([]rune, len(byFreq)+1)
	for i, f := range byFreq {
		symOf.set(f.r, int32(i+1))
		m.symRune[i+1] = f.r
	}
	m.nsym = uint32(len(byFreq))
	m.buildTable(symOf)

	syms := make([][]int32, len(seqs))
	for i, s := range seqs {
		v := make([]int32, len(s.syms))
		for j, r := range s.syms {
			v[j] = symOf.get(r)
		}
		syms[i] = v
	}
	order := make([]int32, len(seqs))
	for i := range order {
		order[i] = int32(i)
	}
	slices.SortFunc(order, func(a, b int32) int { return slices.Compare(syms[a], syms[b]) })
	sorted := make([][]int32, len(order))
	pats := make([]int32, len(order))
	for i, o := range order {
		sorted[i] = syms[o]
		pats[i] = seqs[o].pat
	}
	m.build(sorted, pats)
	m.pack()
	return m, nil
}

func isASCIIWord(r rune) bool {
	return r < 0x80 && (r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r >= 'A' && r <= 'Z')
}

func (m *Matcher) buildTable(symOf *runeMap) {
	d := sharedTables()
	m.table = make([]uint16, 0x10000)
	homophones := false
	for c := range symOf.other {
		if c >= sylBase {
			homophones = true
			break
		}
	}
	for r := range m.table {
		c := d.canon[r]
		if s := symOf.get(c); s != 0 {
			m.table[r] = uint16(s)
		} else if homophones && c < 0x10000 && firstSyl[c] != 0 {
			// A character no term uses stands for its syllable, which
			// homophone variants of terms use.
			m.table[r] = uint16(symOf.get(sylBase + rune(firstSyl[c]-1)))
		} else {
			m.table[r] = classSym(d.class[r])
		}
	}
	// Characters a contact handle may begin with carry the flag, whether
	// or not a term uses them; separators and markup never do.
	// Only letters and digits in disguise (ｗ, ８, ①) carry the flag: ASCII
	// word starts the scan notes itself, as letters and digits come in
	// runs, and cues and numerals are patterns of the automaton.
	ct := contactTable()
	for r := 0x80; r < len(m.table); r++ {
		if e := m.table[r]; ct.asciiLike[r>>6]&(1<<(r&63)) != 0 && (e == 0 || uint32(e) <= m.nsym) {
			m.table[r] = e | flagContact
		}
	}
	m.supp = map[rune]uint16{}
	for r, f := range suppFold {
		s := symOf.get(f[0])
		if c := f[0]; c >= '0' && c <= '9' || c >= 'a' && c <= 'z' {
			s |= flagContact // 𝟏 and 𝐚 may begin a handle
		}
		if s != 0 {
			m.supp[r] = uint16(s)
		}
	}
	for c, s := range symOf.other {
		if c >= 0x10000 && c < sylBase {
			m.supp[c] = uint16(s)
		}
	}
}

// runeMap maps runes to non-zero numbers, 0 standing for none: an array
// for the BMP, where nearly all a rule set's characters are, and a map
// beyond. Compile asks it for every character of every pattern and for
// every BMP rune, and a map's hashing was a tenth of compiling.
type runeMap struct {
	bmp   []int32
	other map[rune]int32
}

func newRuneMap() *runeMap { return &runeMap{bmp: make([]int32, 0x10000), other: map[rune]int32{}} }

func (s *runeMap) get(r rune) int32 {
	if r >= 0 && r < 0x10000 {
		return s.bmp[r]
	}
	return s.other[r]
}

func (s *runeMap) set(r rune, v int32) {
	if r >= 0 && r < 0x10000 {
		s.bmp[r] = v
	} else {
		s.other[r] = v
	}
}

// each calls f with every rune that has a number, and the number.
func (s *runeMap) each(f func(rune, int32)) {
	for r, v := range s.bmp {
		if v != 0 {
			f(rune(r), v)
		}
	}
	for r, v := range s.other {
		if v != 0 {
			f(r, v)
		}
	}
}

func classSym(c uint8) uint16 {
	switch c {
	case classSkip:
		return symSkip
	case classSpace:
		return symSpace
	case classInvisible:
		return symInvisible
	case classSentence:
		return symSentence
	case classParen:
		return symParen
	case classLT:
		return symLT
	case classAmp:
		return symAmp
	}
	return 0
}

// lookupSupp returns the table entry of a rune beyond the BMP.
func (m *Matcher) lookupSupp(r rune) uint16 {
	if v, ok := m.supp[r]; ok {
		return v
	}
	return classSym(runeClass(r))
}

// build makes the trie of the sorted symbol sequences, places it in the
// double array, then adds failure links and output chains. The trie is
// kept in flat arrays (no allocation per node), which matters for
// compiling hundreds of thousands of terms.
func (m *Matcher) build(seqs [][]int32, pats []int32) {
	total := 1
	for _, s := range seqs {
		total += len(s)
	}
	sym := make([]int32, 1, total)    // symbol on the edge into each node
	parent := make([]int32, 1, total) // parent of each node
	last := make([]int32, 1, total)   // last child created, 0 if none
	patHead := make([]int32, 1, total)
	patNext := []int32{0}
	patOf := []int32{-1}
	for i, s := range seqs {
		n := int32(0)
		for _, c := range s {
			// Sequences are sorted, so an existing child is always the last.
			if l := last[n]; l != 0 && sym[l] == c {
				n = l
				continue
			}
			sym = append(sym, c)
			parent = append(parent, n)
			last = append(last, 0)
			patHead = append(patHead, 0)
			child := int32(len(sym) - 1)
			last[n] = child
			n = child
		}
		patOf = append(patOf, pats[i])
		patNext = append(patNext, patHead[n])
		patHead[n] = int32(len(patOf) - 1)
	}
	// Children of each node, contiguous and in symbol order: nodes were
	// created in sorted order, so each parent's children come in order.
	nn := len(sym)
	first := make([]int32, nn+1)
	for v := 1; v < nn; v++ {
		first[parent[v]+1]++
	}
	for v := 1; v <= nn; v++ {
		first[v] += first[v-1]
	}
	kids := make([]int32, nn)
	fill := append([]int32(nil), first[:nn]...)
	for v := 1; v < nn; v++ {
		p := parent[v]
		kids[fill[p]] = int32(v)
		fill[p]++
	}
	edgesOf := func(n int32, buf []edge) []edge {
		buf = buf[:0]
		for _, v := range kids[first[n]:first[n+1]] {
			buf = append(buf, edge{sym[v], v})
		}
		return buf
	}
	var ebuf []edge
	nodesLen := nn

	// Place nodes breadth-first. used is a bitset of taken cells; a base
	// may be negative, so any free cell can hold a first child.
	cell := make([]int32, nodesLen)
	var used []uint64
	setUsed := func(p int) {
		for p>>6 >= len(used) {
			used = append(used, 0)
		}
		used[p>>6] |= 1 << (p & 63)
	}
	m.base = make([]int32, 0, nodesLen+nodesLen/4+int(m.nsym)+64)
	m.check = make([]int32, 0, cap(m.base))
	grow := func(n int) {
		for len(m.check) < n {
			m.base = append(m.base, 0)
			m.check = append(m.check, -1)
		}
	}
	setUsed(0)
	grow(1)
	firstFreeWord, multiFrom := 0, 0
	queue := make([]int32, 1, nodesLen)
	for qi := 0; qi < len(queue); qi++ {
		n := queue[qi]
		ebuf = edgesOf(n, ebuf)
		es := ebuf
		if len(es) == 0 {
			continue
		}
		for firstFreeWord < len(used) && used[firstFreeWord] == ^uint64(0) {
			firstFreeWord++
		}
		var b int
		// Single children take the first free cell. Nodes with several
		// children search from multiFrom, which moves on past regions
		// that are almost full (where they would rarely fit), as
		// darts-clone does; past a bound they go beyond the end.
		start := firstFreeWord << 6
		if len(es) > 1 && multiFrom > start {
			start = multiFrom
		}
		// The root's base is 0: its children sit at their symbols, so the
		// scan steps from the root without reading its cell.
		if n != 0 {
			p, freeSeen := placeChildren(used, es, start, len(m.check))
			b = p - int(es[0].sym)
			if len(es) > 1 && p-start+1 > 20*freeSeen {
				multiFrom = p
			}
		}
		c := cell[n]
		m.base[c] = int32(b)
		for _, e := range es {
			t := b + int(e.sym)
			setUsed(t)
			grow(t + 1)
			m.check[t] = c
			cell[e.node] = int32(t)
			queue = append(queue, e.node)
		}
	}

	size := len(m.check)
	if size > idMask {
		panic("detect: automaton too large") // a billion cells: far beyond any rule set
	}
	m.fail = make([]int32, size)
	m.depth = make([]uint8, size)
	m.outHead = make([]int32, size)
	m.outs = []output{{pat: -1}}
	// queue is in breadth-first order, so a failure target is done first.
	for _, n := range queue {
		c := cell[n]
		for _, e := range edgesOf(n, ebuf) {
			t := cell[e.node]
			m.depth[t] = m.depth[c] + 1
			if n != 0 {
				f := m.fail[c]
				for {
					if g := m.base[f] + e.sym; uint32(g) < uint32(size) && m.check[g] == f {
						m.fail[t] = g
						break
					}
					if f == 0 {
						break
					}
					f = m.fail[f]
				}
			}
			head := m.outHead[m.fail[t]]
			for k := patHead[e.node]; k != 0; k = patNext[k] {
				p := &m.patterns[patOf[k]]
				m.outs = append(m.outs, output{pat: patOf[k], next: head, length: p.length, kind: p.kind, flags: p.flags})
				head = int32(len(m.outs) - 1)
			}
			m.outHead[t] = head
		}
	}
}

// edge is a trie node's edge to a child.
type edge struct{ sym, node int32 }

// placeChildren finds where the children es of a node go in the double
// array: the first free cell p from start such that every other child,
// at p plus its symbol's distance from the first one, is free too. It
// returns p and how many free cells it passed, p included. After 4,096
// free cells it goes on from where the widest child would just fit at
// the end (size: the array's length), since the tail is sparse and beyond
// it all is free. used is the bitset of taken cells; beyond it all is
// free. Cells are tested 64 at a time, a word of the bitset per child.
func placeChildren(used []uint64, es []edge, start, size int) (p, freeSeen int) {
	jumped := false
	for p = start; ; {
		w, lo := p>>6, uint(p&63)
		free := ^usedBits(used, w<<6) &^ (1<<lo - 1) // free cells from p to the word's end
		ok := free                                   // those where every child fits
		for _, e := range es[1:] {
			if ok == 0 {
				break
			}
			ok &^= usedBits(used, w<<6+int(e.sym-es[0].sym))
		}
		upTo := ^uint64(0) // the cells passed, up to the first that fits
		if ok != 0 {
			upTo = ok ^ (ok - 1)
		}
		seen := bits.OnesCount64(free & upTo)
		if !jumped && freeSeen+seen > 1<<12 {
			jumped = true
			// The jump is at the 4,097th free cell, before it is tried.
			k := 1<<12 + 1 - freeSeen
			f := free
			for range k - 1 {
				f &= f - 1
			}
			at := w<<6 + bits.TrailingZeros64(f)
			if q := size - int(es[len(es)-1].sym-es[0].sym); q > at {
				freeSeen += k
				p = q
				continue
			}
		}
		freeSeen += seen
		if ok != 0 {
			return w<<6 + bits.TrailingZeros64(ok), freeSeen
		}
		p = (w + 1) << 6
	}
}

// usedBits returns the 64 bits of used from bit x on, bit 0 first;
// beyond used they are 0.
func usedBits(used []uint64, x int) uint64 {
	w, s := x>>6, uint(x&63)
	var v uint64
	if w < len(used) {
		v = used[w] >> s
	}
	if s != 0 && w+1 < len(used) {
		v |= used[w+1] << (64 - s)
	}
	return v
}

// output is one link of an output chain: a pattern that ends in the
// states whose chain holds it, with what the scan needs of the pattern at
// hand, so reporting a match reads one entry rather than three arrays.
type output struct {
	pat, next    int32 // the pattern; the next link, 0 at the end
	length, kind uint8
	flags        Obfuscation
}

// cell is one state of the double array. The top bit of check says the
// state has output, so a step that finds nothing reads one cell only; the
// next says its failure link is not the root, so a step that fails from
// a state whose link is the root (nearly all of them) goes straight to
// the root's child without reading the link.
type cell struct {
	base, check int32
}

const (
	hasOut   = -1 << 31
	failDeep = 1 << 30
	idMask   = failDeep - 1 // the parent in check
)

// pack interleaves the building arrays into cells.
func (m *Matcher) pack() {
	m.da = make([]cell, len(m.check))
	for i := range m.da {
		c := cell{m.base[i], m.check[i]}
		if c.check >= 0 {
			if m.outHead[i] != 0 {
				c.check |= hasOut
			}
			if m.fail[i] != 0 {
				c.check |= failDeep
			}
		}
		m.da[i] = c
	}
	// The root's word names no parent (no step lands on it) and has
	// neither flag.
	m.da[0].check = idMask
	m.out = m.outHead
	m.base, m.check, m.outHead = nil, nil, nil
}

// States reports the number of cells in the automaton, for sizing.
func (m *Matcher) States() int { return len(m.da) }
