package web

import (
	"fmt"

	"github.com/pinggu/pinggu"
)

// Catalog keys of the assessment enumerations, written out so the catalog
// test sees each one in use.
var (
	asmKindKeys = map[pinggu.AssessmentKind]string{
		pinggu.KindPreLaunch: "field.asm.kind.pre_launch", pinggu.KindPeriodic: "field.asm.kind.periodic",
		pinggu.KindSpecial: "field.asm.kind.special", pinggu.KindThirdParty: "field.asm.kind.third_party",
	}
	asmStateKeys = map[pinggu.AssessmentState]string{
		pinggu.AssessDraft: "field.asm.state.draft", pinggu.AssessSubmitted: "field.asm.state.submitted",
		pinggu.AssessUnderReview: "field.asm.state.under_review", pinggu.AssessReturned: "field.asm.state.returned",
		pinggu.AssessAccepted: "field.asm.state.accepted",
	}
	answerKeys = map[pinggu.Answer]string{
		"": "field.asm.answer.none", pinggu.AnswerCompliant: "field.asm.answer.compliant", pinggu.AnswerPartial: "field.asm.answer.partial",
		pinggu.AnswerNonCompliant: "field.asm.answer.non_compliant", pinggu.AnswerNotApplicable: "field.asm.answer.not_applicable",
	}
	ratingKeys = map[pinggu.Rating]string{
		pinggu.RatingLow: "field.asm.rating.low", pinggu.RatingMedium: "field.asm.rating.medium",
		pinggu.RatingHigh: "field.asm.rating.high", pinggu.RatingCritical: "field.asm.rating.critical",
	}
	severityKeys = map[string]string{
		pinggu.SeverityHigh: "field.asm.severity.high", pinggu.SeverityMedium: "field.asm.severity.medium", pinggu.SeverityLow: "field.asm.severity.low",
	}
	reviewStatusKeys = map[pinggu.ReviewStatus]string{
		pinggu.ReviewOK: "field.review.ok", pinggu.ReviewDueSoon: "field.review.due_soon", pinggu.ReviewOverdue: "field.review.overdue",
	}
)

// keyedLabel translates the key of k, or shows k itself when it has none.
func keyedLabel[K ~string](lang string, keys map[K]string, k K) string {
	if key, ok := keys[k]; ok {
		return translate(lang, key)
	}
	return string(k)
}

// AsmKind names an assessment kind in the page's language.
func (p *page) AsmKind(k pinggu.AssessmentKind) string { return keyedLabel(p.Lang, asmKindKeys, k) }

// AsmState names an assessment state.
func (p *page) AsmState(s pinggu.AssessmentState) string { return keyedLabel(p.Lang, asmStateKeys, s) }

// AnswerLabel names an answer; an empty one is "unanswered".
func (p *page) AnswerLabel(a pinggu.Answer) string { return keyedLabel(p.Lang, answerKeys, a) }

// RatingLabel names a risk rating.
func (p *page) RatingLabel(r pinggu.Rating) string { return keyedLabel(p.Lang, ratingKeys, r) }

// SeverityLabel names an item's severity.
func (p *page) SeverityLabel(s string) string { return keyedLabel(p.Lang, severityKeys, s) }

// ReviewStatusLabel names how a periodic review date stands.
func (p *page) ReviewStatusLabel(s pinggu.ReviewStatus) string {
	return keyedLabel(p.Lang, reviewStatusKeys, s)
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
