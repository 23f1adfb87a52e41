package ui

import (
	"fmt"
	"time"

	"github.com/pinggu/pinggu"
)

// AsmKind names an assessment kind in the page's language.
func (p *page) AsmKind(k pinggu.AssessmentKind) string {
	return pinggu.LabelIn(pinggu.AssessmentKindLabels, k, p.Lang)
}

// AsmState names an assessment state.
func (p *page) AsmState(s pinggu.AssessmentState) string {
	return pinggu.LabelIn(pinggu.AssessmentStateLabels, s, p.Lang)
}

// AnswerLabel names an answer; an empty one is "unanswered".
func (p *page) AnswerLabel(a pinggu.Answer) string {
	return pinggu.LabelIn(pinggu.AnswerLabels, a, p.Lang)
}

// RatingLabel names a risk rating.
func (p *page) RatingLabel(r pinggu.Rating) string {
	return pinggu.LabelIn(pinggu.RatingLabels, r, p.Lang)
}

// SeverityLabel names an item's severity.
func (p *page) SeverityLabel(s string) string {
	return pinggu.LabelIn(pinggu.SeverityLabels, s, p.Lang)
}

// ReviewStatusLabel names how a periodic review date stands.
func (p *page) ReviewStatusLabel(s pinggu.ReviewStatus) string {
	return pinggu.LabelIn(pinggu.ReviewStatusLabels, s, p.Lang)
}

// AsmDue shows when a special assessment is due, and, while the enterprise
// has still to submit it, whether that is soon or past: "" for an
// assessment without a due date of its own.
func (p *page) AsmDue(a *pinggu.Assessment) string {
	if a.DueAt == nil {
		return ""
	}
	s := p.T("asm.due_at") + " " + pinggu.FormatDate(*a.DueAt)
	if pinggu.Editable(a.State) {
		if st := pinggu.StatusOfReview(*a.DueAt, time.Now()); st != pinggu.ReviewOK {
			s += " · " + p.ReviewStatusLabel(st)
		}
	}
	return s
}

// answerChoices are the radio buttons of an item, in the order assessors read them.
var answerChoices = []pinggu.Answer{pinggu.AnswerCompliant, pinggu.AnswerPartial, pinggu.AnswerNonCompliant, pinggu.AnswerNotApplicable}

// AnswerChoices lists the answers an item offers.
func (p *page) AnswerChoices() []option {
	out := make([]option, len(answerChoices))
	for i, a := range answerChoices {
		out[i] = option{string(a), p.AnswerLabel(a)}
	}
	return out
}

// asmKindOptions lists the kinds for a select.
func asmKindOptions(p *page) []option {
	out := make([]option, len(pinggu.AssessmentKinds))
	for i, k := range pinggu.AssessmentKinds {
		out[i] = option{string(k), p.AsmKind(k)}
	}
	return out
}

// asmStateOptions lists the states for a select.
func asmStateOptions(p *page) []option {
	out := make([]option, len(pinggu.AssessmentStates))
	for i, st := range pinggu.AssessmentStates {
		out[i] = option{string(st), p.AsmState(st)}
	}
	return out
}

// FileSize shows a file size as people read it.
func (p *page) FileSize(n int64) string {
	switch {
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MiB", float64(n)/(1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%.1f KiB", float64(n)/(1<<10))
	}
	return fmt.Sprintf("%d B", n)
}
