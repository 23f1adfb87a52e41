package report

import (
	"fmt"
	"strings"

	"github.com/pinggu/pinggu"
	"github.com/pinggu/pinggu/standards"
)

// view is what every export of one assessment shows, worked out once.
type view struct {
	a      *pinggu.Assessment
	lang   string
	score  pinggu.Score
	counts map[pinggu.Answer]int
	groups []standardGroup
}

// standardGroup is the items of one standard, by section in document order.
type standardGroup struct {
	ref      pinggu.StandardRef
	title    string
	sections []sectionGroup
}

type sectionGroup struct {
	title string
	items []*pinggu.AssessmentItem
}

func newView(a *pinggu.Assessment, lang string) *view {
	v := &view{a: a, lang: lang, counts: map[pinggu.Answer]int{}}
	// The stored score is the one of the last submission; a draft has none,
	// so the current answers are scored the same documented way.
	if a.Score != nil {
		v.score = *a.Score
	} else {
		v.score = pinggu.ScoreAssessment(a.ScoredItems())
	}
	for _, it := range a.Items {
		v.counts[it.Answer]++
	}
	byID := map[string]int{}
	for _, ref := range a.Standards {
		byID[ref.ID] = len(v.groups)
		v.groups = append(v.groups, standardGroup{ref: ref, title: v.standardTitle(ref)})
	}
	for _, it := range a.Items {
		gi, ok := byID[it.StandardID]
		if !ok {
			gi = len(v.groups)
			byID[it.StandardID] = gi
			ref := pinggu.StandardRef{ID: it.StandardID}
			v.groups = append(v.groups, standardGroup{ref: ref, title: v.standardTitle(ref)})
		}
		g := &v.groups[gi]
		title := v.sectionTitle(g.ref, it.Section)
		if n := len(g.sections); n > 0 && g.sections[n-1].title == title {
			g.sections[n-1].items = append(g.sections[n-1].items, it)
			continue
		}
		g.sections = append(g.sections, sectionGroup{title: title, items: []*pinggu.AssessmentItem{it}})
	}
	return v
}

// libraryStandard finds the standard the reference pins in the shipped
// library, for titles the assessment record does not carry.
func libraryStandard(ref pinggu.StandardRef) *standards.Standard {
	lib := standards.Builtin()
	if lib == nil {
		return nil
	}
	if s := lib.Get(ref.ID, ref.Version); s != nil {
		return s
	}
	return lib.Latest(ref.ID)
}

func (v *view) standardTitle(ref pinggu.StandardRef) string {
	s := libraryStandard(ref)
	switch {
	case s != nil && english(v.lang) && s.Title.En != "":
		return s.Title.En
	case ref.Title != "":
		return ref.Title
	case s != nil:
		return s.Title.Zh
	}
	return ref.ID
}

// sectionTitle names a section by the standard's title for it when the item
// records the section's id.
func (v *view) sectionTitle(ref pinggu.StandardRef, section string) string {
	if s := libraryStandard(ref); s != nil {
		for _, sec := range s.Sections {
			if sec.ID == section || sec.Title.Zh == section {
				return pick(pinggu.Label(sec.Title), v.lang)
			}
		}
	}
	if section == "" {
		return t(v.lang, "其他", "Other")
	}
	return section
}

// findings are the non-compliant items, the gaps rectification must close.
func (v *view) findings() []*pinggu.AssessmentItem {
	var out []*pinggu.AssessmentItem
	for _, it := range v.a.Items {
		if it.Answer == pinggu.AnswerNonCompliant {
			out = append(out, it)
		}
	}
	return out
}

// bandRating is the rating the score value alone gives, per the scoring rule
// documented on pinggu.ScoreAssessment.
func bandRating(value float64) pinggu.Rating {
	switch {
	case value >= 90:
		return pinggu.RatingLow
	case value >= 75:
		return pinggu.RatingMedium
	case value >= 60:
		return pinggu.RatingHigh
	}
	return pinggu.RatingCritical
}

// ratingRule explains how the rating came about: the general rule, then the
// step that decided this one.
func (v *view) ratingRule() (rule, applied string) {
	s := v.score
	rule = t(v.lang,
		"得分为适用检查项按权重计算的达标比例（符合计满分，部分符合计一半，不符合及未作答计零，不适用项不计）。得分不低于90分为低风险，不低于75分为中风险，不低于60分为高风险，其余为重大风险；存在不符合的高严重程度检查项时评级至少为高，达到3项时为重大；高严重程度检查项部分符合时评级至少为中。",
		"The score is the weighted share of applicable items met (compliant counts in full, partly compliant half, non-compliant and unanswered nothing; not-applicable items are left out). A score of 90 or more rates low, 75 or more medium, 60 or more high, below that critical; any non-compliant high-severity item makes the rating at least high, three or more make it critical; a partly met high-severity item makes it at least medium.")
	band := bandRating(s.Value)
	rating := pinggu.LabelIn(pinggu.RatingLabels, s.Rating, v.lang)
	switch {
	case s.Rating == band:
		applied = fmt.Sprintf(t(v.lang, "本次评级依据：得分 %s 分，对应“%s”。", "Applied: a score of %s gives \"%s\"."), fmtScore(s.Value), rating)
	case s.HighGaps >= 3:
		applied = fmt.Sprintf(t(v.lang, "本次评级依据：%d 项高严重程度检查项不符合，评级为“%s”。", "Applied: %d high-severity items are non-compliant, so the rating is \"%s\"."), s.HighGaps, rating)
	case s.HighGaps > 0:
		applied = fmt.Sprintf(t(v.lang, "本次评级依据：得分 %s 分对应“%s”，但有 %d 项高严重程度检查项不符合，评级提高为“%s”。", "Applied: a score of %s gives \"%s\", but %d high-severity item(s) are non-compliant, so the rating is raised to \"%s\"."),
			fmtScore(s.Value), pinggu.LabelIn(pinggu.RatingLabels, band, v.lang), s.HighGaps, rating)
	default:
		applied = fmt.Sprintf(t(v.lang, "本次评级依据：得分 %s 分对应“%s”，但有高严重程度检查项部分符合，评级提高为“%s”。", "Applied: a score of %s gives \"%s\", but a high-severity item is only partly met, so the rating is raised to \"%s\"."),
			fmtScore(s.Value), pinggu.LabelIn(pinggu.RatingLabels, band, v.lang), rating)
	}
	return rule, applied
}

func fmtScore(f float64) string { return strings.TrimSuffix(fmt.Sprintf("%.1f", f), ".0") }

// standardLine describes a pinned standard: title, id, version and digest.
func (v *view) standardLine(g standardGroup) string {
	s := fmt.Sprintf("%s（%s %s %s）", g.title, g.ref.ID, t(v.lang, "版本", "version"), g.ref.Version)
	if english(v.lang) {
		s = fmt.Sprintf("%s (%s, version %s)", g.title, g.ref.ID, g.ref.Version)
	}
	if g.ref.Digest != "" {
		s += "\n" + t(v.lang, "摘要 ", "Digest ") + g.ref.Digest
	}
	return s
}

// evidenceLines lists an item's evidence files with their hashes.
func evidenceLines(it *pinggu.AssessmentItem) string {
	var b strings.Builder
	for i, e := range it.EvidenceFiles {
		if i > 0 {
			b.WriteString("\n")
		}
		fmt.Fprintf(&b, "%s (%s)\nSHA-256 %s", e.Filename, fmtSize(e.Size), e.SHA256)
	}
	return b.String()
}

func fmtSize(n int64) string {
	switch {
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MB", float64(n)/(1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%.1f KB", float64(n)/(1<<10))
	}
	return fmt.Sprintf("%d B", n)
}

// answerText is an item's answer with the reason when not applicable.
func (v *view) answerText(it *pinggu.AssessmentItem) string {
	s := pinggu.LabelIn(pinggu.AnswerLabels, it.Answer, v.lang)
	if it.Reason != "" {
		s += t(v.lang, "（理由：", " (reason: ") + it.Reason + t(v.lang, "）", ")")
	}
	return s
}

func orDash(s string) string {
	if strings.TrimSpace(s) == "" {
		return "—"
	}
	return s
}
