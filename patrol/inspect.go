package patrol

import (
	"context"
	"fmt"
	"net/http"
	"sort"
	"strings"
	"time"

	"github.com/pinggu/pinggu"
	"github.com/pinggu/pinggu/detect"
)

// Inspector fetches one page as several identities, scans each variant
// with detect, and tells whether the page cloaks.
type Inspector struct {
	Fetcher *Fetcher
	Matcher *detect.Matcher
	// Identities are fetched for every page, the browser first (it is the
	// baseline); nil means DefaultIdentities.
	Identities []Identity
	// Escalate are fetched too once the first variants disagree; nil means
	// EscalationIdentities, an empty non-nil slice none.
	Escalate []Identity
	// Snapshots, when set, keeps every variant as evidence.
	Snapshots SnapshotStore
	// Screenshots, when set, captures risky pages as a browser shows them.
	Screenshots Screenshotter
}

// Variant is one identity's view of the page.
type Variant struct {
	As        string       `json:"as"`
	Label     pinggu.Label `json:"label"`
	Status    int          `json:"status"`
	FinalURL  string       `json:"final_url"`
	Redirects []Hop        `json:"redirects"`
	SHA256    string       `json:"sha256"`
	Bytes     int64        `json:"bytes"`
	Truncated bool         `json:"truncated"`
	Charset   string       `json:"charset"`
	Verdict   string       `json:"verdict"`
	Score     int          `json:"score"`
	// Skipped says why the body was not scanned (not text), if it was not.
	Skipped string   `json:"skipped,omitempty"`
	Error   *Failure `json:"error,omitempty"`

	Page   *Page          `json:"-"`
	Result *detect.Result `json:"-"`
}

// Finding is a detect finding with the variant it was seen in; its offsets
// are into that variant's text.
type Finding struct {
	As string `json:"as"`
	detect.Finding
}

// Signal is a detect signal with the variant it was seen in.
type Signal struct {
	As string `json:"as"`
	detect.Signal
}

// Cloaking says whether the page shows different harmful content or sends
// to a different place depending on who asks.
type Cloaking struct {
	Detected bool   `json:"detected"`
	Detail   string `json:"detail"`
	DetailEn string `json:"detail_en"`
	// Variants are the identities whose view differs from the browser's.
	Variants []string `json:"variants"`
}

// Report is what patrol learnt about one URL. Its top-level status, final
// URL, charset and redirects are the browser's; verdict, score, findings
// and signals merge every variant, in the shape `pinggu scan` prints.
type Report struct {
	URL      string `json:"url"`
	FinalURL string `json:"final_url"`
	Status   int    `json:"status"`
	Charset  string `json:"charset"`
	// CharsetSource says where the charset was learnt: header, meta, bom, sniff.
	CharsetSource string     `json:"charset_source"`
	Redirects     []Hop      `json:"redirects"`
	Variants      []*Variant `json:"variants"`
	Cloaking      Cloaking   `json:"cloaking"`
	Verdict       string     `json:"verdict"`
	Score         int        `json:"score"`
	Findings      []Finding  `json:"findings"`
	Signals       []Signal   `json:"signals"`
	Error         *Failure   `json:"error,omitempty"`
	Screenshot    string     `json:"screenshot_sha256,omitempty"`
	FetchedAt     time.Time  `json:"fetched_at"`
	// Warnings are problems keeping the evidence (snapshot store, screenshot).
	Warnings []string `json:"warnings,omitempty"`
}

// cloakingWeight is what cloaking adds to the merged score: as much as a
// high-severity term, since a page that hides from some visitors has been
// tampered with whatever it shows.
const cloakingWeight = 45

// Inspect fetches rawURL as each identity in turn (one page's variants are
// fetched one after another, so a patrol's concurrency is its number of
// workers, not workers × identities), scans them and compares them.
func (in *Inspector) Inspect(ctx context.Context, rawURL string) *Report {
	ids := in.Identities
	if len(ids) == 0 {
		ids = DefaultIdentities
	}
	rep := &Report{URL: rawURL}
	scanned := map[string]*detect.Result{}
	fetched := map[string]bool{}
	add := func(id Identity) {
		if fetched[id.Name] || len(rep.Variants) > 0 && ctx.Err() != nil {
			return
		}
		fetched[id.Name] = true
		rep.Variants = append(rep.Variants, in.variant(ctx, rawURL, id, scanned))
	}
	for _, id := range ids {
		add(id)
		if len(rep.Variants) == 1 && unreachable(rep.Variants[0].Error) {
			break
		}
	}
	rep.Cloaking = compare(rep.Variants)
	esc := in.Escalate
	if esc == nil {
		esc = EscalationIdentities
	}
	if rep.Cloaking.Detected && len(esc) > 0 {
		for _, id := range esc {
			add(id)
		}
		rep.Cloaking = compare(rep.Variants)
	}
	base := rep.Variants[0]
	rep.FinalURL, rep.Status, rep.Charset, rep.Redirects, rep.Error = base.FinalURL, base.Status, base.Charset, base.Redirects, base.Error
	rep.FetchedAt, rep.CharsetSource = base.Page.FetchedAt, base.Page.CharsetSource
	rep.merge()
	in.keep(ctx, rep)
	return rep
}

// unreachable says the browser could not reach the host at all or in time;
// other identities would knock on the same door, so they are not sent,
// which also spares a struggling host.
func unreachable(f *Failure) bool {
	if f == nil {
		return false
	}
	switch f.Reason {
	case ReasonBadURL, ReasonScheme, ReasonBlocked, ReasonDNS, ReasonRefused, ReasonConnect, ReasonConnectTimeout,
		ReasonHeaderTimeout, ReasonTimeout, ReasonTLS, ReasonCanceled:
		return true
	}
	return false
}

// variant fetches and scans the page as one identity. Variants whose bytes
// and final URL equal an earlier one's reuse its scan: most pages do not
// cloak, so most identities see the same page.
func (in *Inspector) variant(ctx context.Context, rawURL string, id Identity, scanned map[string]*detect.Result) *Variant {
	p := in.Fetcher.Fetch(ctx, rawURL, id)
	v := &Variant{As: id.Name, Label: id.Label, Status: p.Status, FinalURL: p.FinalURL, Redirects: p.Redirects,
		SHA256: p.SHA256, Bytes: p.Size, Truncated: p.Truncated, Charset: p.Charset, Error: p.Err, Page: p}
	key := p.SHA256 + " " + p.FinalURL
	if r, ok := scanned[key]; ok {
		v.Result = r
	} else {
		if why := unscannable(p); why != "" {
			v.Skipped = why
			v.Result = &detect.Result{Verdict: detect.Clean, Bytes: p.Size, Findings: []detect.Finding{}, Signals: []detect.Signal{}}
		} else {
			v.Result = in.Matcher.ScanWith(p.Text, detect.Options{PageURL: p.FinalURL})
		}
		scanned[key] = v.Result
	}
	v.Verdict, v.Score = v.Result.Verdict, v.Result.Score
	return v
}

// unscannable says why a body is not text to scan, or "".
func unscannable(p *Page) string {
	if len(p.Body) == 0 {
		return "empty"
	}
	ct := p.ContentType()
	if ct == "" {
		ct = http.DetectContentType(p.Body)
		if i := strings.IndexByte(ct, ';'); i >= 0 {
			ct = ct[:i]
		}
	}
	if strings.HasPrefix(ct, "text/") || strings.Contains(ct, "html") || strings.Contains(ct, "xml") ||
		strings.Contains(ct, "json") || strings.Contains(ct, "javascript") {
		return ""
	}
	return "not text: " + ct
}

// compare looks for cloaking: a variant that, against the browser's view,
// lands somewhere else, or carries harmful content the browser's does not
// (or lacks what the browser's has). Byte differences alone are not
// cloaking: pages carry dates, tokens and rotating adverts.
func compare(vs []*Variant) Cloaking {
	c := Cloaking{Variants: []string{}}
	if len(vs) < 2 {
		return c
	}
	base := vs[0]
	// Variants that differ in the same way are named together.
	type diff struct {
		zh, en   string
		labels   []string
		labelsEn []string
	}
	var diffs []*diff
	for _, v := range vs[1:] {
		if v.Error != nil && v.Error.transient() || v.Page.Status == 0 {
			continue // no view to compare
		}
		var dz, de []string
		if base.Page.Status != 0 && canonicalFinal(v) != canonicalFinal(base) {
			dz = append(dz, fmt.Sprintf("被引向 %s，而%s停留在 %s", v.FinalURL, base.Label.Zh, base.FinalURL))
			de = append(de, fmt.Sprintf("sent to %s while the %s ends at %s", v.FinalURL, strings.ToLower(base.Label.En), base.FinalURL))
		}
		vc, bc := harmfulCategories(v.Result), harmfulCategories(base.Result)
		switch {
		case v.Verdict == detect.Risky && base.Verdict != detect.Risky:
			dz = append(dz, fmt.Sprintf("看到有害内容（%s），%s未看到", vc, base.Label.Zh))
			de = append(de, fmt.Sprintf("sees harmful content (%s) that the %s does not", vc, strings.ToLower(base.Label.En)))
		case v.Verdict != detect.Risky && base.Verdict == detect.Risky:
			dz = append(dz, fmt.Sprintf("未看到%s所见的有害内容（%s）", base.Label.Zh, bc))
			de = append(de, fmt.Sprintf("does not see the harmful content (%s) the %s sees", bc, strings.ToLower(base.Label.En)))
		case v.Verdict == detect.Risky && vc != bc:
			dz = append(dz, fmt.Sprintf("看到的有害内容（%s）与%s（%s）不同", vc, base.Label.Zh, bc))
			de = append(de, fmt.Sprintf("sees other harmful content (%s) than the %s (%s)", vc, strings.ToLower(base.Label.En), bc))
		}
		if len(dz) == 0 {
			continue
		}
		c.Variants = append(c.Variants, v.As)
		z, e := strings.Join(dz, "；"), strings.Join(de, "; ")
		var d *diff
		for _, o := range diffs {
			if o.zh == z {
				d = o
			}
		}
		if d == nil {
			d = &diff{zh: z, en: e}
			diffs = append(diffs, d)
		}
		d.labels = append(d.labels, v.Label.Zh)
		d.labelsEn = append(d.labelsEn, v.Label.En)
	}
	if len(diffs) == 0 {
		return c
	}
	var zh, en []string
	for _, d := range diffs {
		zh = append(zh, strings.Join(d.labels, "、")+d.zh)
		verb := "is"
		if len(d.labelsEn) > 1 {
			verb = "are"
		}
		e := d.en
		switch {
		case strings.HasPrefix(e, "sent"):
			e = verb + " " + e
		case verb == "are" && strings.HasPrefix(e, "sees "):
			e = "see " + e[len("sees "):]
		case verb == "are" && strings.HasPrefix(e, "does not see"):
			e = "do not see" + e[len("does not see"):]
		}
		en = append(en, strings.Join(d.labelsEn, ", ")+" "+e)
	}
	c.Detected = true
	c.Detail = strings.Join(zh, "。") + "。"
	c.DetailEn = strings.Join(en, ". ") + "."
	return c
}

func canonicalFinal(v *Variant) string {
	if u, err := parseTarget(v.FinalURL); err == nil {
		return canonicalURL(u)
	}
	return v.FinalURL
}

// harmfulCategories lists the categories and terms of findings that count,
// as "gambling: 百家乐、时时彩; fraud: 刷单".
func harmfulCategories(r *detect.Result) string {
	if r == nil {
		return ""
	}
	terms := map[string][]string{}
	for _, f := range r.Findings {
		if f.Context == "warning" {
			continue
		}
		if t := terms[f.Category]; len(t) < 3 && !containsStr(t, f.Term) {
			terms[f.Category] = append(t, f.Term)
		}
	}
	cats := make([]string, 0, len(terms))
	for c := range terms {
		cats = append(cats, c)
	}
	sort.Strings(cats)
	for i, c := range cats {
		cats[i] = c + ": " + strings.Join(terms[c], "、")
	}
	if len(cats) == 0 {
		return "page signals"
	}
	return strings.Join(cats, "; ")
}

func containsStr(s []string, v string) bool {
	for _, x := range s {
		if x == v {
			return true
		}
	}
	return false
}

// merge sets the report's verdict, score, findings and signals from every
// variant: the highest score, plus cloaking's weight; each finding and
// signal once, from the first variant that had it.
func (rep *Report) merge() {
	rep.Findings, rep.Signals = []Finding{}, []Signal{}
	seenF, seenS := map[string]bool{}, map[string]bool{}
	rep.Verdict = detect.Clean
	for _, v := range rep.Variants {
		r := v.Result
		if r.Score > rep.Score {
			rep.Score = r.Score
		}
		if r.Verdict == detect.Risky {
			rep.Verdict = detect.Risky
		}
		for _, f := range r.Findings {
			k := f.Rule + "\x00" + f.Normalized + "\x00" + f.Location + "\x00" + f.Context
			if !seenF[k] {
				seenF[k] = true
				rep.Findings = append(rep.Findings, Finding{As: v.As, Finding: f})
			}
		}
		for _, s := range r.Signals {
			k := s.Kind + "\x00" + s.Detail
			if !seenS[k] {
				seenS[k] = true
				rep.Signals = append(rep.Signals, Signal{As: v.As, Signal: s})
			}
		}
	}
	if rep.Cloaking.Detected {
		rep.Score = min(100, rep.Score+cloakingWeight)
		rep.Verdict = detect.Risky
		rep.Signals = append(rep.Signals, Signal{As: strings.Join(rep.Cloaking.Variants, ","),
			Signal: detect.Signal{Kind: "cloaking", Location: "page", Detail: rep.Cloaking.DetailEn}})
	}
}

// keep stores the variants as snapshots and, for a risky page, a
// screenshot of the riskiest variant. Failing to keep evidence does not
// lose the verdict: it is noted in the report's warnings.
func (in *Inspector) keep(ctx context.Context, rep *Report) {
	var shotOf *Variant
	if in.Screenshots != nil && rep.Verdict == detect.Risky {
		for _, v := range rep.Variants {
			if len(v.Page.Body) > 0 && (shotOf == nil || v.Score > shotOf.Score) {
				shotOf = v
			}
		}
	}
	var shotSum string
	if shotOf != nil {
		png, err := in.Screenshots.Capture(ctx, shotOf.Page)
		if err != nil {
			rep.Warnings = append(rep.Warnings, "screenshot: "+err.Error())
		} else {
			shotSum = SumHex(png)
			rep.Screenshot = shotSum
			if in.Snapshots != nil {
				if _, err := in.Snapshots.PutBlob(ctx, shotSum, png); err != nil {
					rep.Warnings = append(rep.Warnings, "screenshot blob: "+err.Error())
				}
			}
		}
	}
	if in.Snapshots == nil {
		return
	}
	put := map[string]bool{}
	for _, v := range rep.Variants {
		p := v.Page
		if !put[p.SHA256] {
			put[p.SHA256] = true
			if _, err := in.Snapshots.PutBlob(ctx, p.SHA256, p.Body); err != nil {
				rep.Warnings = append(rep.Warnings, fmt.Sprintf("snapshot blob (%s): %v", v.As, err))
				continue
			}
		}
		s := NewSnapshot(p)
		if v == shotOf {
			s.ScreenshotSHA256 = shotSum
		}
		if err := in.Snapshots.PutSnapshot(ctx, s); err != nil {
			rep.Warnings = append(rep.Warnings, fmt.Sprintf("snapshot (%s): %v", v.As, err))
		}
	}
}
