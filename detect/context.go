package detect

import (
	"bytes"
	"cmp"
	"slices"
	"sort"
	"strings"
	"unicode/utf8"
)

// How far context reaches, in bytes of input.
const (
	sentWindow   = 256  // each way, to find the ends of a term's sentence
	cueReach     = 48   // between a governing word and the term it governs
	promoReach   = 300  // each way, for contact handles as promotion evidence
	passageReach = 1024 // each way, for the voice of the passage around a term
	// readyMargin keeps a streamed match pending until any longer match of
	// the same rule that contains it has been seen too.
	readyMargin = 1024
	// contextReach is how far a decision may look from a term's ends: its
	// passage, and the sentences of the terms in it.
	contextReach = passageReach + sentWindow
)

// Reasons a finding's context is what it is.
const (
	ReasonGoverned   = "a warning word governs the term"
	ReasonPassage    = "the passage around it speaks of such terms in a warning voice, with no promotion evidence"
	ReasonOutweighed = "a warning word governs the term, but promotion evidence outweighs it"
	ReasonRun        = "several distinct harmful terms in a row: promotion, not discussion"
	ReasonGeneric    = "only generic words nearby, which do not govern the term"
	ReasonNone       = "no warning word governs the term"
)

type resolver struct {
	m        *Matcher
	data     []byte
	base     int64 // offset of data[0]
	pg       *page
	contacts []Contact            // sorted by start, in data's reach
	ev       map[[2]string]string // evidenceOf's names, by kind and value

	// Scratch space reused by each call of a stream, which would otherwise
	// allocate in proportion to its length.
	terms []*rawMatch
	cues  []rawMatch
	cands []candidate
	// arena holds the evidence lists of one call's findings, which share
	// it instead of allocating one each; a new one per call, as findings
	// keep theirs.
	arena []string
	// cueStarts are the starts of the context words, sorted, to tell
	// quickly a term with none near it (most terms of ordinary text).
	cueStarts []int64
	outer     []int     // markRuns' scratch
	lastEnd   []ruleEnd // resolve's scratch
	inRun     []bool    // markRuns' scratch

	// lend means the slice of findings a call returns is only lent: the
	// caller is done with it before the next call, which reuses it instead
	// of allocating a new one (ScanReaderTo).
	lend bool
	out  []Finding
}

// candidate is a term match on its way to a finding, with what its
// sentence says about it.
type candidate struct {
	mt        *rawMatch
	loc       string
	sS, sE    int64 // its sentence
	governed  bool
	markers   []string
	generic   []string
	promo     int  // promotion evidence in its sentence, and contacts in reach
	promoted  bool // promotion evidence in reach, for the score
	evidence  []string
	run       bool
	analysed  bool
	emittable bool
}

// resolveUpTo turns the term matches that can no longer gain context
// (their passage is scanned) into findings, and keeps in st.matches what
// later decisions may still need.
func (r *resolver) resolveUpTo(st *scanState, pos int64, final bool) []Finding {
	ready := pos - contextReach - readyMargin
	if final {
		ready = 1 << 62
	}
	out := r.resolve(st.matches, ready)
	if final {
		return out
	}
	keep := st.matches[:0]
	for _, mt := range st.matches {
		if mt.end+2*contextReach+readyMargin+maxTag >= pos {
			keep = append(keep, mt)
		}
	}
	st.matches = keep
	return out
}

// resolve turns raw matches into findings for the terms that end before
// ready and are not done yet, marking them done: it drops matches that
// run into neighbouring ASCII words and matches cancelled by an exclude
// term, and decides each one's context. The other matches serve as
// neighbours.
func (r *resolver) resolve(matches []rawMatch, ready int64) []Finding {
	m := r.m
	terms := r.terms[:0]
	emittable := false
	for i := range matches {
		mt := &matches[i]
		if m.patterns[mt.pat].kind == kindTerm {
			terms = append(terms, mt)
			emittable = emittable || !mt.done && mt.end < ready
		}
	}
	r.terms = terms
	if !emittable {
		return nil
	}
	cues := r.cues[:0]
	for i := range matches {
		mt := &matches[i]
		if p := &m.patterns[mt.pat]; p.kind != kindTerm && r.inWindow(mt) && !r.touchesWord(p, mt) {
			cues = append(cues, *mt)
		}
	}
	r.cues = cues
	slices.SortFunc(cues, func(a, b rawMatch) int { return cmp.Compare(a.start, b.start) })
	r.cueStarts = r.cueStarts[:0]
	for _, o := range cues {
		if m.patterns[o.pat].kind == kindCue {
			r.cueStarts = append(r.cueStarts, o.start)
		}
	}
	slices.SortStableFunc(terms, func(a, b *rawMatch) int {
		if a.start != b.start {
			return cmp.Compare(a.start, b.start)
		}
		return cmp.Compare(b.end, a.end)
	})
	lastEnd := r.lastEnd[:0] // per rule, the end of its last kept match
	defer func() { r.lastEnd = lastEnd[:0] }()
	cands := r.cands[:0]
	for _, t := range terms {
		p := &m.patterns[t.pat]
		if !r.inWindow(t) || r.touchesWord(p, t) {
			continue
		}
		// A shorter match of the same rule inside a longer one adds nothing.
		li := slices.IndexFunc(lastEnd, func(e ruleEnd) bool { return e.rule == p.rule })
		if li >= 0 && t.end <= lastEnd[li].end {
			continue
		}
		if r.excluded(p, t, cues) {
			continue
		}
		if li >= 0 {
			lastEnd[li].end = t.end
		} else {
			lastEnd = append(lastEnd, ruleEnd{p.rule, t.end})
		}
		cands = append(cands, candidate{mt: t, loc: r.location(t.start), emittable: !t.done && t.end < ready})
	}
	r.markRuns(cands)
	r.cands = cands
	r.arena = nil // findings keep theirs: a new one per call, made when needed
	var out []Finding
	if r.lend {
		out = r.out[:0]
		defer func() { r.out = out[:0] }()
	} else {
		out = make([]Finding, 0, len(cands))
	}
	for i := range cands {
		c := &cands[i]
		if !c.emittable {
			continue
		}
		c.mt.done = true
		r.analyse(c, cues)
		ctx, reason := "", ReasonNone
		switch {
		case c.run:
			reason = ReasonRun
		case c.governed && c.promo == 0:
			ctx, reason = "warning", ReasonGoverned
		case c.governed:
			reason = ReasonOutweighed
		case c.promo == 0 && r.passageVoice(cands, i, cues):
			ctx, reason = "warning", ReasonPassage
		case len(c.generic) > 0:
			reason = ReasonGeneric
		}
		t := c.mt
		p := &m.patterns[t.pat]
		rule := &m.rules[p.rule]
		sev := rule.Severity
		if sev == "" {
			sev = "medium"
		}
		markers := c.markers
		if reason == ReasonGeneric {
			markers = c.generic
		}
		// Most matches spell the term as the pack writes it: share its
		// string rather than make one per finding.
		text := p.term
		if raw := r.data[t.start-r.base : t.end-r.base]; string(raw) != text {
			text = string(raw)
		}
		out = append(out, Finding{
			Category: rule.Category, Rule: rule.ID, Pack: rule.pack, Severity: sev, Term: p.term,
			Text: text, Start: t.start, End: t.end,
			Location: c.loc, Obfuscations: t.flags.Names(), Context: ctx,
			Normalized: p.norm, Reason: reason, Markers: markers, Evidence: c.evidence, rule: p.rule, pat: t.pat,
			promoted: c.promoted,
		})
	}
	return out
}

// ruleEnd is where a rule's last kept match ends.
type ruleEnd struct {
	rule int32
	end  int64
}

// inWindow reports whether a match lies within the bytes at hand (a
// stream keeps only a window of them).
func (r *resolver) inWindow(mt *rawMatch) bool {
	return mt.start >= r.base && mt.end <= r.base+int64(len(r.data))
}

// touchesWord reports a match that runs into a neighbouring ASCII word: an
// ASCII term stands alone; a pinyin spelling may touch digits
// (baijiale888.com) but not letters.
func (r *resolver) touchesWord(p *pattern, t *rawMatch) bool {
	adj := isASCIIAlnum
	if p.asciiEnd&4 != 0 {
		adj = isASCIILetter
	}
	if p.asciiEnd&1 != 0 && t.start > r.base && adj(r.data[t.start-r.base-1]) {
		return true
	}
	return p.asciiEnd&2 != 0 && t.end < r.base+int64(len(r.data)) && adj(r.data[t.end-r.base])
}

// excluded reports a match cancelled by an exclude term of its rule.
func (r *resolver) excluded(p *pattern, t *rawMatch, cues []rawMatch) bool {
	lo := sort.Search(len(cues), func(i int) bool { return cues[i].start >= t.start-maxTermBytes })
	for _, o := range cues[lo:] {
		if o.start >= t.end {
			break
		}
		op := &r.m.patterns[o.pat]
		if op.kind == kindExclude && op.rule == p.rule && o.end > t.start {
			return true
		}
	}
	return false
}

// maxTermBytes bounds the bytes a match spans (characters, gaps, tags),
// for searching back from a term to matches that may overlap it.
const maxTermBytes = maxTermSymbols*(4+maxGap) + maxTag

// markRuns marks terms that stand in a row with two or more other
// distinct terms, nothing but spaces or symbols between them
// (澳门赌场百家乐真人荷官, 百家乐 龙虎斗 骰宝): keyword stuffing, which is
// promotion. Lists in a warning are written with 、 and quotes, which
// break a row, and name two terms together at most (利用改号软件冒充公检法).
// A term inside another (色情 in 淫秽色情) goes with the one around it.
func (r *resolver) markRuns(cands []candidate) {
	outer := r.outer[:0] // candidates not inside an earlier one
	end := int64(-1)
	for i := range cands {
		if cands[i].mt.end <= end {
			continue
		}
		if cands[i].mt.start >= end {
			outer = append(outer, i)
		}
		end = max(end, cands[i].mt.end)
	}
	r.outer = outer
	inRun := r.inRun[:0]
	for range cands {
		inRun = append(inRun, false)
	}
	r.inRun = inRun
	for i := 0; i < len(outer); {
		j := i
		for j+1 < len(outer) && r.tightGap(cands[outer[j]].mt.end, cands[outer[j+1]].mt.start) {
			j++
		}
		// Three distinct terms: the group is a row.
		var ids [3]int32
		distinct := 0
		for k := i; k <= j && j-i >= 2 && distinct < 3; k++ {
			if id := r.m.patterns[cands[outer[k]].mt.pat].id; !slices.Contains(ids[:distinct], id) {
				ids[distinct] = id
				distinct++
			}
		}
		if distinct >= 3 {
			for k := i; k <= j; k++ {
				inRun[outer[k]] = true
			}
		}
		i = j + 1
	}
	// Terms inside a marked one, or overlapping it, are in the row too.
	for i := range cands {
		if inRun[i] {
			cands[i].run = true
			for k := i + 1; k < len(cands) && cands[k].mt.start < cands[i].mt.end; k++ {
				cands[k].run = true
			}
		}
	}
}

// tightGap reports whether the bytes between two terms are only spaces,
// symbols and emoji.
func (r *resolver) tightGap(from, to int64) bool {
	if to-from > 12 || from < r.base || to > r.base+int64(len(r.data)) {
		return false
	}
	gap := r.data[from-r.base : to-r.base]
	for len(gap) > 0 {
		c, w := utf8.DecodeRune(gap)
		switch c {
		case '、', '，', ',', '“', '”', '"', '\'', '‘', '’', '「', '」', '《', '》', '(', ')', '（', '）', '：', ':', '。', '\n':
			return false
		}
		if isAlnumRune(c) || c >= 0x3400 && c <= 0x9FFF {
			return false
		}
		gap = gap[w:]
	}
	return true
}

// Runes that end a sentence, or a clause within one.
func isSentenceEnd(c rune, markup bool) bool {
	switch c {
	case '。', '！', '？', '!', '?', '；', ';', '\n', '\r', '｡', '…':
		return true
	case '<', '>':
		return markup
	}
	return false
}

func isClauseEnd(c rune) bool {
	switch c {
	case '，', ',', '：', ':', '﹐', '︰':
		return true
	}
	return false
}

// sentence finds the sentence around [start, end). It reads bytes, not
// runes: the marks that end a sentence are ASCII or one of a few
// three-byte sequences, which a lead byte announces.
func (r *resolver) sentence(start, end int64) (int64, int64) {
	markup := r.pg != nil
	d := r.data
	lo := int(max(start-sentWindow, r.base) - r.base)
	i := int(start - r.base)
	for i > lo {
		b := d[i-1]
		if b < 0x80 {
			if isSentenceByte(b, markup) {
				break
			}
			i--
			continue
		}
		if i-3 >= lo && isSentenceMark(d[i-3:i]) {
			break
		}
		i--
	}
	hi := int(min(end+sentWindow, r.base+int64(len(d))) - r.base)
	j := int(end - r.base)
	for j < hi {
		b := d[j]
		if b < 0x80 {
			if isSentenceByte(b, markup) {
				break
			}
			j++
			continue
		}
		if j+3 <= hi && isSentenceMark(d[j:j+3]) {
			break
		}
		j++
	}
	return r.base + int64(i), r.base + int64(j)
}

func isSentenceByte(b byte, markup bool) bool {
	switch b {
	case '!', '?', ';', '\n', '\r':
		return true
	case '<', '>':
		return markup
	}
	return false
}

// isSentenceMark reports 。！？；｡… in their UTF-8 bytes.
func isSentenceMark(b []byte) bool {
	switch b[0] {
	case 0xE3:
		return b[1] == 0x80 && b[2] == 0x82 // 。
	case 0xEF:
		return b[1] == 0xBC && (b[2] == 0x81 || b[2] == 0x9F || b[2] == 0x9B) || b[1] == 0xBD && b[2] == 0xA1 // ！？；｡
	case 0xE2:
		return b[1] == 0x80 && b[2] == 0xA6 // …
	}
	return false
}

// clauseMarkBetween returns the position of the first clause mark in
// [from, to), or -1, and whether it is a colon.
func (r *resolver) clauseMarkBetween(from, to int64) (int64, bool) {
	for i := from; i < to; {
		c, w := utf8.DecodeRune(r.data[i-r.base : to-r.base])
		if isClauseEnd(c) {
			return i, c == '：' || c == ':' || c == '︰'
		}
		i += int64(max(w, 1))
	}
	return -1, false
}

// negations stand between a term and a word that would describe it and
// turn the description away: 百家乐不是骗局, 绝无风险, 谨防诈骗. A single
// negating character counts only right before the word: 不违法, 零风险.
var (
	negations = [][]byte{[]byte("不是"), []byte("不会"), []byte("不属"), []byte("不存在"), []byte("不涉"), []byte("没有"),
		[]byte("并非"), []byte("绝非"), []byte("绝无"), []byte("毫无"), []byte("拒绝"), []byte("杜绝"), []byte("远离"),
		[]byte("谨防"), []byte("防止"), []byte("严防"), []byte("防范"), []byte("不用"), []byte("不怕"), []byte("告别"),
		[]byte("警惕"), []byte("提防"), []byte("小心"), []byte("当心"), []byte("打击"), []byte("举报")}
	negators = "不无没非零勿免别防反"
)

// negated reports a negation in gap, the bytes between a term and a word
// that would describe it.
func negated(gap []byte) bool {
	for _, n := range negations {
		if bytes.Contains(gap, n) {
			return true
		}
	}
	c, _ := utf8.DecodeLastRune(gap)
	return strings.ContainsRune(negators, c)
}

// analyse reads a candidate's sentence: the warning words that govern the
// term, the generic ones, and the promotion evidence.
func (r *resolver) analyse(c *candidate, cues []rawMatch) {
	if c.analysed {
		return
	}
	c.analysed = true
	t := c.mt
	quiet := !r.cuesIn(t.start-max(sentWindow, promoReach), t.end+max(sentWindow, promoReach))
	if !quiet {
		c.sS, c.sE = r.sentence(t.start, t.end)
		c.markers, c.governed = r.governs(t.start, t.end, c.sS, c.sE, cues, &c.generic)
	}
	evStart := len(r.arena)
	addEvidence := func(ev string) {
		if len(r.arena)-evStart < 6 && !slices.Contains(r.arena[evStart:], ev) {
			r.arena = append(r.arena, ev)
		}
	}
	defer func() {
		if n := len(r.arena); n > evStart {
			c.evidence = r.arena[evStart:n:n]
		}
	}()
	if quiet {
		// No context word near: only contact handles can say anything.
		r.contactEvidence(c, addEvidence)
		if c.run {
			addEvidence("terms in a row")
		}
		return
	}
	// Promotion words in the sentence, unless a warning word governs them
	// (以“注册送彩金”为诱饵 cites an offer; it does not make one).
	lo := sort.Search(len(cues), func(i int) bool { return cues[i].start >= c.sS })
	lastEnd := int64(-1)
	for _, o := range cues[lo:] {
		if o.start >= c.sE {
			break
		}
		op := &r.m.patterns[o.pat]
		if op.kind != kindCue || op.cue != cuePromo || o.start < t.end && t.start < o.end || o.start < lastEnd {
			continue // not an offer, the term itself, or the same words as the last
		}
		lastEnd = o.end
		if _, gov := r.governs(o.start, o.end, c.sS, c.sE, cues, nil); gov || r.reported(o.start) || r.quoted(o.start) {
			continue
		}
		c.promo++
		addEvidence(op.norm)
	}
	c.promoted = c.promo > 0
	// Calls to action in the sentences around (名额有限。立即下载。) make
	// it a promotion for the score, not for the context.
	lo = sort.Search(len(cues), func(i int) bool { return cues[i].start >= t.start-promoReach })
	for k := lo; k < len(cues) && cues[k].start < t.end+promoReach && !c.promoted; k++ {
		o := &cues[k]
		if op := &r.m.patterns[o.pat]; op.kind != kindCue || op.cue != cuePromo || o.start >= c.sS && o.start < c.sE ||
			r.location(o.start) != c.loc {
			continue
		}
		sS, sE := r.sentence(o.start, o.end)
		if _, gov := r.governs(o.start, o.end, sS, sE, cues, nil); !gov {
			c.promoted = true
		}
	}
	r.contactEvidence(c, addEvidence)
	if c.run {
		addEvidence("terms in a row")
	}
}

// reportVerbs, shortly before a call to action, report what someone was
// made to do (让孩子扫码, 要求下载): the warning's words, not the offer.
var reportVerbs = [][]byte{[]byte("让"), []byte("要求"), []byte("诱导"), []byte("诱骗"), []byte("引诱"), []byte("骗"), []byte("逼")}

// reported reports a call to action at off that follows a report verb in
// its clause.
func (r *resolver) reported(off int64) bool {
	from := max(off-15, r.base)
	before := r.data[from-r.base : off-r.base]
	if i := bytes.LastIndexAny(before, "，,：:。！？；"); i >= 0 {
		before = before[i+1:]
	}
	for _, v := range reportVerbs {
		if bytes.Contains(before, v) {
			return true
		}
	}
	return false
}

// quoted reports an offer inside quotation marks (“贷款不看征信，当天
// 到账？”): a warning citing spam. Spam does not quote its own offers; its
// contact handles count wherever they stand.
func (r *resolver) quoted(off int64) bool {
	from := max(off-90, r.base)
	before := r.data[from-r.base : off-r.base]
	open := max(bytes.LastIndex(before, []byte("“")), bytes.LastIndex(before, []byte("「")), bytes.LastIndex(before, []byte("『")))
	if open < 0 {
		return false
	}
	closing := max(bytes.LastIndex(before, []byte("”")), bytes.LastIndex(before, []byte("」")), bytes.LastIndex(before, []byte("』")))
	return closing < open && bytes.IndexByte(before[open:], '\n') < 0
}

// enforcement are warning words that report an authority's action; in a
// passage they stand for its voice.
var enforcement = map[string]bool{"破获": true, "侦破": true, "捣毁": true, "抓获": true, "查处": true, "查获": true, "打掉": true,
	"判处": true, "立案": true, "缴获": true, "取缔": true}

// contactEvidence counts the contact handles near a candidate's term as
// promotion evidence, naming them with add.
func (r *resolver) contactEvidence(c *candidate, add func(string)) {
	t := c.mt
	lo, hi := r.contactRange(t.start-promoReach, t.end+promoReach)
	for k := lo; k < hi; k++ {
		h := &r.contacts[k]
		if h.Location != c.loc || h.official {
			continue
		}
		c.promo++
		c.promoted = true
		add(r.evidenceOf(k))
	}
}

// cuesIn reports whether a context word starts in [from, to].
func (r *resolver) cuesIn(from, to int64) bool {
	i := sort.Search(len(r.cueStarts), func(i int) bool { return r.cueStarts[i] >= from })
	return i < len(r.cueStarts) && r.cueStarts[i] <= to
}

// contactRange returns the indexes of the contacts that start in [from, to).
func (r *resolver) contactRange(from, to int64) (int, int) {
	lo := sort.Search(len(r.contacts), func(i int) bool { return r.contacts[i].Start >= from })
	hi := lo
	for hi < len(r.contacts) && r.contacts[hi].Start < to {
		hi++
	}
	return lo, hi
}

// contactsNear returns the contacts that start in [from, to).
func (r *resolver) contactsNear(from, to int64) []Contact {
	lo, hi := r.contactRange(from, to)
	return r.contacts[lo:hi]
}

// evidenceOf names contact k as promotion evidence, once per handle
// however many terms stand near it.
func (r *resolver) evidenceOf(k int) string {
	h := &r.contacts[k]
	key := [2]string{h.Kind, h.Value}
	if ev, ok := r.ev[key]; ok {
		return ev
	}
	if r.ev == nil {
		r.ev = map[[2]string]string{}
	}
	ev := h.Kind + " " + h.Value
	r.ev[key] = ev
	return ev
}

// governs finds the warning words that govern [ts, te) in the sentence
// [sS, sE): a word before it in its clause (or before a colon that opens
// the rest of the sentence), a word after it in its clause with no
// negation between, or an authority anywhere before it in the sentence.
// Generic words seen in the sentence are added to generic, if not nil.
func (r *resolver) governs(ts, te, sS, sE int64, cues []rawMatch, generic *[]string) ([]string, bool) {
	var markers []string
	lo := sort.Search(len(cues), func(i int) bool { return cues[i].start >= sS })
	for k := lo; k < len(cues) && cues[k].start < sE; k++ {
		o := &cues[k]
		op := &r.m.patterns[o.pat]
		if op.kind != kindCue || o.start < te && ts < o.end {
			continue
		}
		ok := false
		switch op.cue {
		case cueGeneric:
			if generic != nil && len(*generic) < 5 && !slices.Contains(*generic, op.norm) {
				*generic = append(*generic, op.norm)
			}
		case cueVoice, cueHeader, cueActor:
			ok = o.end <= ts
		}
		if (op.cue == cueBefore || op.cue == cueBoth) && o.end <= ts {
			ok = r.governsAfter(o, ts, cues, k)
		}
		if !ok && (op.cue == cueAfter || op.cue == cueBoth || op.cue == cueActor) && o.start >= te {
			ok = r.describes(te, o)
		}
		if ok && !slices.Contains(markers, op.norm) && len(markers) < 5 {
			markers = append(markers, op.norm)
		}
	}
	return markers, len(markers) > 0
}

// governsAfter reports whether a warning word before a term governs it:
// in the same clause, close, with no other object between (远离诈骗选择
// 百家乐 governs 诈骗, not 百家乐); or ending its clause with a colon.
func (r *resolver) governsAfter(o *rawMatch, ts int64, cues []rawMatch, k int) bool {
	if mark, colon := r.clauseMarkBetween(o.end, ts); mark >= 0 {
		return colon
	}
	if ts-o.end > cueReach {
		return false
	}
	for _, x := range cues[k+1:] {
		if x.start >= ts {
			break
		}
		if x.start < o.end || x.end > ts {
			continue // part of the warning word, or of the term
		}
		switch r.m.patterns[x.pat].cue {
		case cueAfter, cueBoth:
			return false
		}
	}
	return true
}

// describes reports whether a word after a term says what the term is:
// in the same clause, close, with no negation or warning verb between
// (百家乐谨防诈骗: 谨防 governs 诈骗, which says nothing of 百家乐).
func (r *resolver) describes(te int64, o *rawMatch) bool {
	if o.start-te > cueReach {
		return false
	}
	// The same clause, or the start of the next one: 暴恐音视频宣扬极端
	// 思想，危害极大.
	if mark, _ := r.clauseMarkBetween(te, o.start); mark >= 0 {
		if next, _ := r.clauseMarkBetween(mark+1, o.start); next >= 0 || o.start-mark > 9 {
			return false
		}
	}
	if negated(r.data[te-r.base : o.start-r.base]) {
		return false
	}
	return true
}

// passageVoice decides a term that no word governs by the passage around
// it: warnings name many terms, not each in a governed clause. The
// passage speaks in a warning voice when, in the same location, nothing
// promotes (no contact handle, no call to action, no terms in a row) and
// a warning genre opens it (典型案例, 警方提醒) or other terms are governed
// (two, or one with an authority speaking).
func (r *resolver) passageVoice(cands []candidate, i int, cues []rawMatch) bool {
	c := &cands[i]
	from, to := c.mt.start-passageReach, c.mt.end+passageReach
	if !r.cuesIn(from, to) {
		return false // no warning word, so no governed term and no voice
	}
	governed := 0
	// Candidates are sorted by start; none spans more than maxTermBytes.
	lo0 := sort.Search(len(cands), func(j int) bool { return cands[j].mt.start >= from-maxTermBytes })
	for j := lo0; j < len(cands); j++ {
		n := &cands[j]
		if n.mt.start > to {
			break
		}
		if n.mt.end < from || n.loc != c.loc {
			continue
		}
		if j == i {
			continue
		}
		if n.run {
			return false
		}
		r.analyse(n, cues)
		if n.promo > 0 {
			return false
		}
		if n.governed {
			governed++
		}
	}
	for _, h := range r.contactsNear(from, to) {
		if h.Location == c.loc && !h.official {
			return false
		}
	}
	voice, header := false, false
	lo := sort.Search(len(cues), func(k int) bool { return cues[k].start >= from })
	for k := lo; k < len(cues) && cues[k].start < to; k++ {
		o := &cues[k]
		op := &r.m.patterns[o.pat]
		if op.kind != kindCue || r.location(o.start) != c.loc {
			continue
		}
		switch op.cue {
		case cueVoice:
			voice = true
		case cueBefore:
			voice = voice || enforcement[op.norm]
		case cueHeader:
			header = true
		case cuePromo:
			if r.overlapsTerm(cands, o) || r.reported(o.start) || r.quoted(o.start) {
				continue // the term itself (高价收 in 高价收购银行卡), or cited
			}
			sS, sE := r.sentence(o.start, o.end)
			if _, gov := r.governs(o.start, o.end, sS, sE, cues, nil); !gov {
				return false
			}
		}
	}
	return header || governed >= 2 || governed >= 1 && voice
}

// overlapsTerm reports whether a match overlaps a candidate's term.
func (r *resolver) overlapsTerm(cands []candidate, o *rawMatch) bool {
	i := sort.Search(len(cands), func(i int) bool { return cands[i].mt.start >= o.end })
	for j := i - 1; j >= 0 && cands[j].mt.start > o.start-maxTermBytes; j-- {
		if cands[j].mt.end > o.start {
			return true
		}
	}
	return false
}

func isASCIILetter(b byte) bool { return b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' }

func isASCIIAlnum(b byte) bool {
	return b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' || b >= '0' && b <= '9'
}

func (r *resolver) location(off int64) string {
	if r.pg == nil {
		return "text"
	}
	return r.pg.locationAt(off)
}
