package detect

import (
	"bytes"
	"fmt"
	"io"
	"slices"
	"sync"
)

// Finding is one harmful term found in the input.
type Finding struct {
	Category     string   `json:"category"`
	Rule         string   `json:"rule"`
	Pack         string   `json:"pack"`
	Severity     string   `json:"severity"`
	Term         string   `json:"term"`     // the rule's term as written in the pack
	Text         string   `json:"text"`     // the exact input bytes matched
	Start        int64    `json:"start"`    // byte offset into the input
	End          int64    `json:"end"`      // input[start:end] == text
	Location     string   `json:"location"` // text, title, meta, body, hidden, link, script, attribute
	Obfuscations []string `json:"obfuscations"`
	// Context is "warning" when the text speaks about the term in a warning
	// or enforcement voice (such findings do not count towards the score),
	// "" otherwise.
	Context    string `json:"context"`
	Normalized string `json:"normalized"` // the canonical form of the term the match stands for
	// Reason says in one phrase why the context is what it is; Markers are
	// the warning words that govern the term (also when promotion evidence
	// outweighs them), Evidence the promotion evidence around it.
	Reason   string   `json:"reason"`
	Markers  []string `json:"markers,omitempty"`
	Evidence []string `json:"evidence,omitempty"`

	rule, pat int32 // indexes into the matcher, for scoring without maps
	promoted  bool  // promotion evidence stands near it
}

// Signal is a page-level sign of abuse, such as hidden links or a redirect.
type Signal struct {
	Kind     string `json:"kind"`
	Location string `json:"location"`
	Detail   string `json:"detail"`
	Start    int64  `json:"start"`
	End      int64  `json:"end"`
}

// Result is the verdict on one input.
type Result struct {
	Verdict  string    `json:"verdict"` // "risky", "suspicious" or "clean"
	Score    int       `json:"score"`   // 0–100
	HTML     bool      `json:"html"`
	Bytes    int64     `json:"bytes"`
	Findings []Finding `json:"findings"`
	Signals  []Signal  `json:"signals"`
	Contacts []Contact `json:"contacts"`
}

// Verdicts.
const (
	Risky      = "risky"      // score of RiskyScore or more
	Suspicious = "suspicious" // something counted, below RiskyScore
	Clean      = "clean"      // nothing, or only a weak page signal
)

// Scores at which verdicts begin: one high-severity term, two medium ones
// or a medium one with a page signal is risky; one low-severity term or a
// redirect is suspicious.
const (
	RiskyScore      = 40
	SuspiciousScore = 15
)

// Options tune one scan.
type Options struct {
	// PageURL is where a page was fetched from; links to other hosts are
	// foreign. Empty means every absolute link is foreign.
	PageURL string
	// Markup forces HTML handling on (1) or off (-1); 0 recognises HTML by content.
	Markup int
}

// Scan scans one input held in memory, recognising HTML by its content.
func (m *Matcher) Scan(data []byte) *Result { return m.ScanWith(data, Options{}) }

// ScanWith scans one input held in memory.
func (m *Matcher) ScanWith(data []byte, opt Options) *Result {
	isHTML := opt.Markup > 0 || opt.Markup == 0 && LooksLikeHTML(data)
	w := workPool.Get().(*work)
	defer w.put()
	st := &w.st
	*st = scanState{m: m, markup: isHTML, matches: st.matches[:0], noteStarts: true, starts: st.starts[:0]}
	st.run(data, 0, 0, true)
	st.noteStarts = false
	var pg *page
	if isHTML {
		pg = analyzePage(data, opt.PageURL, &w.pg)
		st.markup = false
		for _, sg := range pg.attrs {
			// Meta keywords are lists: a word does not run on from one
			// keyword into the next.
			st.list = sg.loc == "meta"
			st.reset()
			st.run(data[:sg.end], int(sg.start), 0, true)
			st.reset()
		}
	}
	res := &Result{HTML: isHTML, Bytes: int64(len(data)), Findings: []Finding{}, Signals: []Signal{}}
	cs := &w.cs
	*cs = contactScanner{t: contactTable(), d: sharedTables(), buf: data, out: cs.out[:0], intern: cs.intern, memos: cs.memos[:0]}
	cs.scanStarts(st.starts, int64(len(data)))
	contacts := cs.out
	if pg != nil {
		contacts = pg.keepContacts(contacts)
	} else {
		for i := range contacts {
			contacts[i].Location = "text"
		}
	}
	res.Contacts = append(make([]Contact, 0, len(contacts)), contacts...)
	r := &w.rs
	*r = resolver{m: m, data: data, pg: pg, contacts: res.Contacts, terms: r.terms[:0], cues: r.cues[:0], cands: r.cands[:0],
		cueStarts: r.cueStarts[:0], ev: r.ev, outer: r.outer[:0], inRun: r.inRun[:0], lastEnd: r.lastEnd[:0]}
	if f := r.resolve(st.matches, 1<<62); f != nil {
		res.Findings = f
	}
	if pg != nil {
		res.Signals = pg.signals(res.Findings)
	}
	m.score(res)
	return res
}

// work is the scratch space of one scan, kept between scans so that
// scanning many small inputs does not allocate it each time.
type work struct {
	st scanState
	cs contactScanner
	rs resolver
	pg page
}

var workPool = sync.Pool{New: func() any { return new(work) }}

// put returns the scratch space, dropping what points into the input or
// into results.
func (w *work) put() {
	w.st.m, w.st.buf = nil, nil
	if cap(w.st.starts) > 1<<16 {
		w.st.starts = nil
	}
	w.cs.buf = nil
	w.pg.release()
	clear(w.cs.out)
	clear(w.cs.intern)
	clear(w.rs.ev)
	w.rs = resolver{terms: w.rs.terms[:0], cues: w.rs.cues[:0], cands: w.rs.cands[:0], cueStarts: w.rs.cueStarts[:0], ev: w.rs.ev,
		outer: w.rs.outer[:0], inRun: w.rs.inRun[:0], lastEnd: w.rs.lastEnd[:0]}
	clear(w.rs.terms[:cap(w.rs.terms)])
	clear(w.rs.cands[:cap(w.rs.cands)])
	if cap(w.st.matches) > 1<<16 {
		w.st.matches = nil // a huge input's buffer is not worth keeping
	}
	workPool.Put(w)
}

// streamChunk is how much ScanReader reads at a time; streamKeep is how much
// it keeps before the scan position to cut matched text and read context.
const (
	streamChunk = 256 << 10
	streamKeep  = 8 << 10
)

// MaxPageSize caps an HTML page read whole by ScanReader; a larger page is
// refused rather than judged on part of it.
const MaxPageSize = 32 << 20

// ScanReader scans an input read from r. Plain text is streamed, so memory
// does not grow with its size (only with what it finds); HTML, recognised
// from the first bytes, is a page and is read whole up to MaxPageSize,
// because its structure matters.
func (m *Matcher) ScanReader(r io.Reader) (*Result, error) {
	var findings pieces[Finding]
	var contacts pieces[Contact]
	res, err := m.scanStream(r, findings.add, contacts.add, false)
	if err != nil {
		return nil, err
	}
	res.Findings, res.Contacts = findings.all(), contacts.all()
	return res, nil
}

// ScanReaderTo scans like ScanReader but hands the findings and contacts
// to found and contact, in input order, as soon as they are decided,
// instead of keeping them: the Result it returns has the verdict, score,
// size and signals, and empty Findings and Contacts. Memory then stays
// bounded whatever the length of a plain-text input. The slices passed
// are lent: the scan reuses them once found or contact returns, so a
// caller that keeps findings or contacts copies them (append does; what
// each finding and contact holds stays valid).
func (m *Matcher) ScanReaderTo(r io.Reader, found func(...Finding), contact func(...Contact)) (*Result, error) {
	return m.scanStream(r, found, contact, true)
}

// scanStream is ScanReader's work, with its findings and contacts handed
// out as they are decided; lend says the slices handed out are only lent
// (see ScanReaderTo) and may be reused once found and contact return.
func (m *Matcher) scanStream(r io.Reader, found func(...Finding), contact func(...Contact), lend bool) (*Result, error) {
	whole := func(data []byte) *Result {
		res := m.Scan(data)
		found(res.Findings...)
		contact(res.Contacts...)
		res.Findings, res.Contacts = []Finding{}, []Contact{}
		return res
	}
	buf := make([]byte, 0, streamChunk+streamKeep+lookahead)
	for len(buf) < 1024 {
		n, err := r.Read(buf[len(buf):cap(buf)])
		buf = buf[:len(buf)+n]
		if err == io.EOF {
			return whole(buf), nil
		}
		if err != nil {
			return nil, err
		}
	}
	if LooksLikeHTML(buf) {
		rest, err := io.ReadAll(io.LimitReader(r, MaxPageSize+1-int64(len(buf))))
		if err != nil {
			return nil, err
		}
		if int64(len(buf)+len(rest)) > MaxPageSize {
			return nil, fmt.Errorf("HTML page larger than %d MiB, not scanned", MaxPageSize>>20)
		}
		return whole(append(buf, rest...)), nil
	}
	st := &scanState{m: m, noteStarts: true}
	rs := resolver{m: m, lend: lend}
	cs := &contactScanner{t: contactTable(), d: sharedTables()}
	res := &Result{Findings: []Finding{}, Signals: []Signal{}, Contacts: []Contact{}}
	var t tally
	var bufBase, pos int64 // offset of buf[0]; offset scanned up to
	lastContacts := 0
	for {
		final := false
		for !final && len(buf) < cap(buf) {
			n, err := r.Read(buf[len(buf):cap(buf)])
			buf = buf[:len(buf)+n]
			if err == io.EOF {
				final = true
			} else if err != nil {
				return nil, err
			}
			if n == 0 && err == nil {
				continue
			}
		}
		pos = bufBase + int64(st.run(buf, int(pos-bufBase), bufBase, final))
		rs.data, rs.base = buf, bufBase
		// Contact handles, short of the end unless it is the end, so
		// none is cut; kept while decisions may still need them.
		limit := bufBase + int64(len(buf))
		if !final {
			limit -= contactLookahead
		}
		// A chunk's contacts go out whole. ScanReader keeps the slice, so
		// each chunk has its own, sized by the last: a text of links has
		// thousands per chunk, and growing from nothing copied them often.
		// Lent, one slice serves every chunk.
		cs.buf, cs.base = buf, bufBase
		switch {
		case lend:
			cs.out = cs.out[:0]
		case lastContacts > 0:
			cs.out = make([]Contact, 0, lastContacts+lastContacts/4)
		default:
			cs.out = nil
		}
		n := cs.scanStarts(st.starts, limit)
		lastContacts = len(cs.out)
		st.starts = st.starts[:copy(st.starts, st.starts[n:])]
		for i := range cs.out {
			cs.out[i].Location = "text"
		}
		rs.contacts = append(rs.contacts, cs.out...)
		if len(cs.out) > 0 {
			contact(cs.out...)
		}
		if fs := rs.resolveUpTo(st, pos, final); len(fs) > 0 {
			for i := range fs {
				t.add(m, &fs[i])
			}
			found(fs...)
		}
		drop := 0
		for drop < len(rs.contacts) && rs.contacts[drop].End+2*contextReach+readyMargin < pos {
			drop++
		}
		// Moved to the front rather than resliced, so the next append
		// finds room instead of copying them to a new array.
		rs.contacts = rs.contacts[:copy(rs.contacts, rs.contacts[drop:])]
		if final {
			break
		}
		// Keep a little before the scan position, and whatever is unscanned.
		from := pos - streamKeep
		if from < bufBase {
			from = bufBase
		}
		buf = buf[:copy(buf, buf[from-bufBase:])]
		bufBase = from
	}
	res.Bytes = pos
	m.finishScore(res, &t)
	return res, nil
}

// pieces gathers a stream's findings or contacts chunk by chunk and joins
// them once at the end: growing one slice of a hundred thousand large
// structs by appending copied it over and over.
type pieces[T any] struct {
	parts [][]T
	n     int
}

func (p *pieces[T]) add(v ...T) {
	if len(v) == 0 {
		return
	}
	if len(v) >= 256 {
		p.parts = append(p.parts, v) // a chunk's findings or contacts, kept as they are
	} else if k := len(p.parts); k > 0 && len(p.parts[k-1]) < 4096 && cap(p.parts[k-1]) > len(p.parts[k-1]) {
		p.parts[k-1] = append(p.parts[k-1], v...)
	} else {
		p.parts = append(p.parts, append(make([]T, 0, max(len(v), 4096)), v...))
	}
	p.n += len(v)
}

// all returns everything added, in order, in one slice (never nil).
func (p *pieces[T]) all() []T {
	if len(p.parts) == 1 {
		return p.parts[0]
	}
	out := make([]T, 0, p.n)
	for _, part := range p.parts {
		out = append(out, part...)
	}
	return out
}

// LooksLikeHTML recognises an HTML document by its first bytes.
func LooksLikeHTML(data []byte) bool {
	head := data
	if len(head) > 1024 {
		head = head[:1024]
	}
	head = bytes.TrimLeft(bytes.TrimPrefix(head, []byte("\xef\xbb\xbf")), " \t\r\n")
	if len(head) == 0 || head[0] != '<' {
		return false
	}
	var buf [1024]byte
	low := buf[:len(head)]
	for i, c := range head {
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		low[i] = c
	}
	for _, t := range []string{"<!doctype html", "<html", "<head", "<body", "<meta", "<title", "<div", "<p>", "<p ", "<a ", "<span", "<table", "<script", "<!--"} {
		if bytes.Contains(low, []byte(t)) {
			return true
		}
	}
	return false
}

// signalWeight is what each page signal adds to the score.
var signalWeight = map[string]int{
	"seo-hijack":          45,
	"hidden-link":         30,
	"hidden-text":         20,
	"cloaking-redirect":   45,
	"js-redirect":         15,
	"meta-refresh":        15,
	"pinyin-annotation":   10,
	"doubled-punctuation": 10,
	"traditional-mix":     10,
}

// promotionWeight is what promotion evidence beside counted findings adds.
const promotionWeight = 10

// tally keeps what the score needs of the findings: which terms of which
// rules counted (a rule and a term in one integer, so sorting is cheap),
// and whether promotion evidence stood near one.
type tally struct {
	keys     []int64
	promoted bool
	limit    int // length at which keys are next made distinct
}

func (t *tally) add(m *Matcher, f *Finding) {
	if f.Context == "warning" {
		return
	}
	t.keys = append(t.keys, int64(f.rule)<<32|int64(m.patterns[f.pat].id))
	t.promoted = t.promoted || f.promoted
	if len(t.keys) >= max(t.limit, 8192) {
		// A long stream repeats its terms: keep each once. The next time
		// is when the distinct ones have doubled, so that a stream with
		// many distinct terms does not sort them at every finding.
		slices.Sort(t.keys)
		t.keys = slices.Compact(t.keys)
		t.limit = 2 * len(t.keys)
	}
}

// score adds up the findings outside warning context, one weight per rule
// plus a little for each further distinct term, and the page signals.
func (m *Matcher) score(res *Result) {
	t := tally{keys: make([]int64, 0, len(res.Findings))}
	for i := range res.Findings {
		t.add(m, &res.Findings[i])
	}
	m.finishScore(res, &t)
}

// finishScore sets the score and verdict from a tally and the signals.
func (m *Matcher) finishScore(res *Result, t *tally) {
	keys := t.keys
	promoted := t.promoted
	slices.Sort(keys)
	total := 0
	for i := 0; i < len(keys); {
		// One rule: its weight, then +5 per further distinct term (its
		// variants are the same term), up to +20.
		j, terms := i, 0
		for ; j < len(keys) && keys[j]>>32 == keys[i]>>32; j++ {
			if j == i || keys[j] != keys[j-1] {
				terms++
			}
		}
		total += m.rules[keys[i]>>32].weight + 5*min(terms-1, 4)
		i = j
	}
	// A harmful term with a way to reach the seller (a contact handle, a
	// call to action) is a promotion, not a mention.
	if promoted {
		total += promotionWeight
	}
	// Each kind of signal counts twice at most.
	for i, s := range res.Signals {
		seen := 0
		for _, t := range res.Signals[:i] {
			if t.Kind == s.Kind {
				seen++
			}
		}
		if seen < 2 {
			total += signalWeight[s.Kind]
		}
	}
	if total > 100 {
		total = 100
	}
	res.Score = total
	switch {
	case total >= RiskyScore:
		res.Verdict = Risky
	case total >= SuspiciousScore:
		res.Verdict = Suspicious
	default:
		res.Verdict = Clean
	}
}
