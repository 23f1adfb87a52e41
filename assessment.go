package pinggu

import (
	"math"
	"slices"
	"time"
)

// AssessmentKind is why an assessment is made.
type AssessmentKind string

// Assessment kinds.
const (
	KindPreLaunch  AssessmentKind = "pre_launch"  // 上线前评估
	KindPeriodic   AssessmentKind = "periodic"    // 定期核查
	KindSpecial    AssessmentKind = "special"     // 专项/全流程评估, ordered by a regulator
	KindThirdParty AssessmentKind = "third_party" // 第三方评估
)

// AssessmentKinds lists the kinds in display order.
var AssessmentKinds = []AssessmentKind{KindPreLaunch, KindPeriodic, KindSpecial, KindThirdParty}

// Valid reports whether k is a kind of assessment.
func (k AssessmentKind) Valid() bool { return slices.Contains(AssessmentKinds, k) }

// AssessmentState is an assessment's place in its review lifecycle.
type AssessmentState string

// Assessment states: draft → submitted → under review → accepted | returned → submitted …
const (
	AssessDraft       AssessmentState = "draft"
	AssessSubmitted   AssessmentState = "submitted"
	AssessUnderReview AssessmentState = "under_review"
	AssessReturned    AssessmentState = "returned"
	AssessAccepted    AssessmentState = "accepted"
)

// AssessmentStates lists the states in lifecycle order.
var AssessmentStates = []AssessmentState{AssessDraft, AssessSubmitted, AssessUnderReview, AssessReturned, AssessAccepted}

// Valid reports whether s is a state of the review lifecycle.
func (s AssessmentState) Valid() bool { return slices.Contains(AssessmentStates, s) }

var assessmentTransitions = map[AssessmentState][]AssessmentState{
	AssessDraft:       {AssessSubmitted},
	AssessSubmitted:   {AssessUnderReview},
	AssessUnderReview: {AssessAccepted, AssessReturned},
	AssessReturned:    {AssessSubmitted},
	AssessAccepted:    nil, // final: a new finding needs a new assessment
}

// CheckAssessmentTransition decides whether an assessment may move between
// two states. Who may make the move (the enterprise submits, the regulator
// reviews) is decided by the store with the actor's role.
func CheckAssessmentTransition(from, to AssessmentState) error {
	for _, x := range assessmentTransitions[from] {
		if x == to {
			return nil
		}
	}
	return Errorf(ECONFLICT, "评估状态不能由“%s”变更为“%s”", LabelOf(AssessmentStateLabels, from), LabelOf(AssessmentStateLabels, to))
}

// Answer is an assessor's verdict on one item of a standard.
type Answer string

// Answers. An empty Answer means the item is not answered yet.
const (
	AnswerCompliant     Answer = "compliant"      // 符合
	AnswerPartial       Answer = "partial"        // 部分符合
	AnswerNonCompliant  Answer = "non_compliant"  // 不符合
	AnswerNotApplicable Answer = "not_applicable" // 不适用 (needs a reason)
)

// Severity of an item, as the standards library writes it.
const (
	SeverityHigh   = "high"
	SeverityMedium = "medium"
	SeverityLow    = "low"
)

// ScoredItem is one item of an assessment as the scoring function sees it.
type ScoredItem struct {
	ID       string
	Weight   float64
	Severity string
	Answer   Answer
}

// Rating is the risk rating of an assessment: 低, 中, 高, 重大.
type Rating string

// Ratings, from least to most risk.
const (
	RatingLow      Rating = "low"
	RatingMedium   Rating = "medium"
	RatingHigh     Rating = "high"
	RatingCritical Rating = "critical"
)

var ratingRank = map[Rating]int{RatingLow: 0, RatingMedium: 1, RatingHigh: 2, RatingCritical: 3}

// Score is the result of scoring an assessment.
type Score struct {
	// Value is 0–100: the weighted share of applicable items met, with a
	// partly compliant item counting half. Not-applicable items are left out
	// of both sides.
	Value float64 `json:"value"`
	// Rating is derived from Value and capped by the gaps found.
	Rating       Rating `json:"rating"`
	Answered     int    `json:"answered"`
	Total        int    `json:"total"`
	NonCompliant int    `json:"non_compliant"`
	// HighGaps counts non-compliant items of high severity.
	HighGaps int `json:"high_gaps"`
}

// Complete reports whether every item has an answer.
func (s Score) Complete() bool { return s.Answered == s.Total }

// ScoreAssessment computes the score and rating of a set of answered items.
//
// The value is 100 × Σ(weight × credit) / Σ(weight) over applicable answered
// items, where credit is 1 for compliant, ½ for partly compliant and 0 for
// non-compliant; unanswered items count as non-compliant, so a half-done
// assessment cannot look good. The rating follows the value (≥ 90 low,
// ≥ 75 medium, ≥ 60 high, below that critical) and is then capped by the
// gaps, because one missing control can carry the whole risk: any
// non-compliant high-severity item makes the rating at least high, three or
// more make it critical, and a partly met high-severity item makes it at
// least medium.
func ScoreAssessment(items []ScoredItem) Score {
	s := Score{Total: len(items)}
	var got, of float64
	partialHigh := false
	for _, it := range items {
		w := it.Weight
		if w <= 0 {
			w = 1
		}
		switch it.Answer {
		case AnswerCompliant:
			got += w
		case AnswerPartial:
			got += w / 2
			partialHigh = partialHigh || it.Severity == SeverityHigh
		case AnswerNonCompliant:
			s.NonCompliant++
			if it.Severity == SeverityHigh {
				s.HighGaps++
			}
		case AnswerNotApplicable:
			s.Answered++
			continue
		default: // unanswered
			of += w
			continue
		}
		s.Answered++
		of += w
	}
	s.Value = 100
	if of > 0 {
		s.Value = math.Round(1000*got/of) / 10
	}
	switch {
	case s.Value >= 90:
		s.Rating = RatingLow
	case s.Value >= 75:
		s.Rating = RatingMedium
	case s.Value >= 60:
		s.Rating = RatingHigh
	default:
		s.Rating = RatingCritical
	}
	atLeast := func(r Rating) {
		if ratingRank[s.Rating] < ratingRank[r] {
			s.Rating = r
		}
	}
	if partialHigh {
		atLeast(RatingMedium)
	}
	if s.HighGaps > 0 {
		atLeast(RatingHigh)
	}
	if s.HighGaps >= 3 {
		atLeast(RatingCritical)
	}
	return s
}

// DefaultReviewInterval is how long a launched service may go without a
// periodic review; MajorChangeWindow is how soon a review is due after a
// major change of the service.
const (
	DefaultReviewMonths = 12
	MajorChangeWindow   = 30 * 24 * time.Hour
	ReviewDueSoonWindow = 30 * 24 * time.Hour
)

// NextReviewDue is when a launched service's next periodic review is due:
// the configured interval (in months, default 12) after its launch or its
// last accepted review, or sooner — within MajorChangeWindow — after a major
// change.
func NextReviewDue(lastReviewOrLaunch time.Time, intervalMonths int, majorChange *time.Time) time.Time {
	if intervalMonths <= 0 {
		intervalMonths = DefaultReviewMonths
	}
	due := lastReviewOrLaunch.AddDate(0, intervalMonths, 0)
	if majorChange != nil && majorChange.After(lastReviewOrLaunch) {
		if early := majorChange.Add(MajorChangeWindow); early.Before(due) {
			due = early
		}
	}
	return due
}

// CheckDueAt validates the due date of an assessment being created at now:
// a special assessment, which a regulator orders, is due on a date to come,
// by which the enterprise submits it; the other kinds have none of their
// own (a periodic review's is the service's), so theirs is dropped.
func CheckDueAt(v *Validation, a *Assessment, now time.Time) {
	if a.Kind != KindSpecial {
		a.DueAt = nil
		return
	}
	switch {
	case a.DueAt == nil || a.DueAt.IsZero():
		v.Add(0, "due_at", "专项评估须设定完成期限")
	case !a.DueAt.After(now):
		v.Add(0, "due_at", "完成期限须晚于当前时间")
	}
}

// ReviewStatus says how a due date stands at now.
type ReviewStatus string

// Review statuses.
const (
	ReviewOK      ReviewStatus = "ok"
	ReviewDueSoon ReviewStatus = "due_soon"
	ReviewOverdue ReviewStatus = "overdue"
)

// StatusOfReview classifies a due date at now.
func StatusOfReview(due, now time.Time) ReviewStatus {
	switch {
	case now.After(due):
		return ReviewOverdue
	case due.Sub(now) <= ReviewDueSoonWindow:
		return ReviewDueSoon
	}
	return ReviewOK
}
