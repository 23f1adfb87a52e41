package detect

import (
	"bytes"
	"cmp"
	"fmt"
	"io"
	"slices"
	"sort"
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
	Context      string   `json:"context"`           // "warning" when the text around warns or enforces; "" otherwise
	Normalized   string   `json:"normalized"`        // the canonical form the automaton matched
	Markers      []string `json:"markers,omitempty"` // the words that set the context

	rule, pat int32 // indexes into the matcher, for scoring without maps
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
	Verdict  string    `json:"verdict"` // "risky" or "clean"
	Score    int       `json:"score"`   // 0–100
	HTML     bool      `json:"html"`
	Bytes    int64     `json:"bytes"`
	Findings []Finding `json:"findings"`
	Signals  []Signal  `json:"signals"`
}

// Verdicts.
const (
	Risky = "risky"
	Clean = "clean"
)

// riskyScore is the score from which an input is risky: one high-severity
// term, or two medium ones, or a medium one with a page signal.
const riskyScore = 40

const (
	ctxBefore = 300 // bytes before a term searched for context words
	ctxAfter  = 150
	// readyMargin keeps a streamed match pending until any longer match of
	// the same rule that contains it has been seen too.
	readyMargin = 1024
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
	st := &scanState{m: m, markup: isHTML}
	st.run(data, 0, 0, true)
	var pg *page
	if isHTML {
		pg = analyzePage(data, opt.PageURL)
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
	r := resolver{m: m, data: data, pg: pg}
	res.Findings = r.resolve(st.matches, nil)
	if pg != nil {
		res.Signals = pg.signals(res.Findings)
	}
	m.score(res)
	return res
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
// does not grow with its size; HTML, recognised from the first bytes, is a
// page and is read whole up to MaxPageSize, because its structure matters.
func (m *Matcher) ScanReader(r io.Reader) (*Result, error) {
	buf := make([]byte, 0, streamChunk+streamKeep+lookahead)
	for len(buf) < 1024 {
		n, err := r.Read(buf[len(buf):cap(buf)])
		buf = buf[:len(buf)+n]
		if err == io.EOF {
			return m.Scan(buf), nil
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
		return m.Scan(append(buf, rest...)), nil
	}
	st := &scanState{m: m}
	rs := resolver{m: m}
	res := &Result{Findings: []Finding{}, Signals: []Signal{}}
	var bufBase, pos int64 // offset of buf[0]; offset scanned up to
	var kept []rawMatch
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
		st.matches = append(kept, st.matches...)
		rs.data, rs.base = buf, bufBase
		res.Findings = append(res.Findings, rs.resolveUpTo(st, pos, final)...)
		kept = st.matches
		st.matches = nil
		if final {
			break
		}
		// Keep a little before the scan position, and whatever is unscanned.
		from := pos - streamKeep
		if from < bufBase {
			from = bufBase
		}
		n := copy(buf, buf[from-bufBase:])
		buf = buf[:n]
		bufBase = from
	}
	res.Bytes = pos
	m.score(res)
	return res, nil
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

type resolver struct {
	m    *Matcher
	data []byte
	base int64 // offset of data[0]
	pg   *page
}

// resolveUpTo turns the term matches that can no longer gain context
// (they end well before pos) into findings and keeps the rest, plus the
// context words still within reach, in st.matches.
func (r *resolver) resolveUpTo(st *scanState, pos int64, final bool) []Finding {
	if final {
		return r.resolve(st.matches, nil)
	}
	var ready, keep []rawMatch
	for _, mt := range st.matches {
		k := r.m.patterns[mt.pat].kind
		switch {
		case k == kindTerm && mt.end+ctxAfter+readyMargin < pos:
			ready = append(ready, mt)
		case k == kindTerm || mt.end+2*ctxBefore+maxTag >= pos:
			keep = append(keep, mt)
		}
	}
	ctx := make([]rawMatch, 0, len(keep))
	for _, mt := range keep {
		if r.m.patterns[mt.pat].kind != kindTerm {
			ctx = append(ctx, mt)
		}
	}
	st.matches = keep
	return r.resolve(ready, ctx)
}

// resolve turns raw matches into findings: it drops matches that run into
// neighbouring ASCII words and matches cancelled by an exclude term, and
// marks the context. extra holds more context and exclude matches.
func (r *resolver) resolve(matches, extra []rawMatch) []Finding {
	m := r.m
	var terms, others []rawMatch
	for _, mt := range matches {
		if m.patterns[mt.pat].kind == kindTerm {
			terms = append(terms, mt)
		} else {
			others = append(others, mt)
		}
	}
	others = append(others, extra...)
	slices.SortFunc(others, func(a, b rawMatch) int { return cmp.Compare(a.start, b.start) })
	slices.SortStableFunc(terms, func(a, b rawMatch) int {
		if a.start != b.start {
			return cmp.Compare(a.start, b.start)
		}
		return cmp.Compare(b.end, a.end)
	})
	// Location-wide counts, for texts whose warning voice is spread thin.
	// A page has a handful of locations and a text one, so a short list
	// does better than a map.
	type locCount struct {
		loc         string
		warn, promo int
	}
	var locs []locCount
	countAt := func(loc string) *locCount {
		for i := range locs {
			if locs[i].loc == loc {
				return &locs[i]
			}
		}
		locs = append(locs, locCount{loc: loc})
		return &locs[len(locs)-1]
	}
	otherLoc := make([]string, len(others))
	for i, o := range others {
		switch m.patterns[o.pat].kind {
		case kindWarning:
			otherLoc[i] = r.location(o.start)
			countAt(otherLoc[i]).warn++
		case kindPromo:
			otherLoc[i] = r.location(o.start)
			countAt(otherLoc[i]).promo++
		}
	}
	out := make([]Finding, 0, len(terms))
	type key struct {
		rule       int32
		start, end int64
	}
	type ruleEnd struct {
		rule int32
		end  int64
	}
	var lastEnd []ruleEnd // per rule, the end of its last finding
	endOf := func(rule int32) (int64, bool) {
		for _, e := range lastEnd {
			if e.rule == rule {
				return e.end, true
			}
		}
		return 0, false
	}
	for _, t := range terms {
		p := &m.patterns[t.pat]
		if t.start < r.base || t.end > r.base+int64(len(r.data)) {
			continue // cut off from a stream window; cannot happen for bounded terms
		}
		// ASCII terms stand alone; a pinyin spelling may touch digits
		// (baijiale888.com) but not letters.
		adj := isASCIIAlnum
		if p.asciiEnd&4 != 0 {
			adj = isASCIILetter
		}
		if p.asciiEnd&1 != 0 && t.start > r.base && adj(r.data[t.start-r.base-1]) {
			continue
		}
		if p.asciiEnd&2 != 0 && t.end < r.base+int64(len(r.data)) && adj(r.data[t.end-r.base]) {
			continue
		}
		// A shorter match of the same rule inside a longer one adds nothing.
		if e, ok := endOf(p.rule); ok && t.end <= e {
			continue
		}
		loc := r.location(t.start)
		excluded := false
		warn, promo := 0, 0
		var markers []string
		lo := sort.Search(len(others), func(i int) bool { return others[i].start >= t.start-ctxBefore-maxTag })
		for k, o := range others[lo:] {
			if o.start > t.end+ctxAfter {
				break
			}
			op := &m.patterns[o.pat]
			switch op.kind {
			case kindExclude:
				if op.rule == p.rule && o.start < t.end && t.start < o.end {
					excluded = true
				}
			case kindWarning, kindPromo:
				if o.end < t.start-ctxBefore || otherLoc[lo+k] != loc {
					continue
				}
				if op.kind == kindPromo && o.start < t.end && t.start < o.end {
					continue // the term itself, not its surroundings
				}
				if op.kind == kindWarning {
					warn++
					if len(markers) < 5 && !contains(markers, op.term) {
						markers = append(markers, op.term)
					}
				} else {
					promo++
				}
			}
		}
		if excluded {
			continue
		}
		if i := slices.IndexFunc(lastEnd, func(e ruleEnd) bool { return e.rule == p.rule }); i >= 0 {
			lastEnd[i].end = t.end
		} else {
			lastEnd = append(lastEnd, ruleEnd{p.rule, t.end})
		}
		ctx := ""
		lc := countAt(loc)
		if warn > promo || lc.warn >= 3 && lc.warn > 2*lc.promo {
			ctx = "warning"
		} else {
			markers = nil
		}
		rule := &m.rules[p.rule]
		sev := rule.Severity
		if sev == "" {
			sev = "medium"
		}
		out = append(out, Finding{
			Category: rule.Category, Rule: rule.ID, Pack: rule.pack, Severity: sev, Term: p.term,
			Text: string(r.data[t.start-r.base : t.end-r.base]), Start: t.start, End: t.end,
			Location: loc, Obfuscations: t.flags.Names(), Context: ctx,
			Normalized: p.norm, Markers: markers, rule: p.rule, pat: t.pat,
		})
	}
	return out
}

func contains(s []string, v string) bool {
	for _, x := range s {
		if x == v {
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

// score adds up the findings outside warning context, one weight per rule
// plus a little for each further distinct term, and the page signals.
func (m *Matcher) score(res *Result) {
	type key struct{ rule, pat int32 }
	keys := make([]key, 0, len(res.Findings))
	for _, f := range res.Findings {
		if f.Context != "warning" {
			keys = append(keys, key{f.rule, f.pat})
		}
	}
	slices.SortFunc(keys, func(a, b key) int {
		if a.rule != b.rule {
			return int(a.rule) - int(b.rule)
		}
		return int(a.pat) - int(b.pat)
	})
	total := 0
	for i := 0; i < len(keys); {
		// One rule: its weight, then +5 per further distinct term, up to +20.
		j, terms := i, 0
		for ; j < len(keys) && keys[j].rule == keys[i].rule; j++ {
			if j == i || m.patterns[keys[j].pat].term != m.patterns[keys[j-1].pat].term {
				terms++
			}
		}
		total += m.rules[keys[i].rule].weight + 5*min(terms-1, 4)
		i = j
	}
	seen := map[string]int{}
	for _, s := range res.Signals {
		if seen[s.Kind] < 2 {
			total += signalWeight[s.Kind]
		}
		seen[s.Kind]++
	}
	if total > 100 {
		total = 100
	}
	res.Score = total
	res.Verdict = Clean
	if total >= riskyScore {
		res.Verdict = Risky
	}
}
