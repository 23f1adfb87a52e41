package pinggu

import (
	"testing"
	"time"
)

func TestAssessmentTransitions(t *testing.T) {
	ok := [][2]AssessmentState{
		{AssessDraft, AssessSubmitted}, {AssessSubmitted, AssessUnderReview},
		{AssessUnderReview, AssessAccepted}, {AssessUnderReview, AssessReturned}, {AssessReturned, AssessSubmitted},
	}
	isOK := map[[2]AssessmentState]bool{}
	for _, p := range ok {
		isOK[p] = true
	}
	for _, from := range AssessmentStates {
		for _, to := range AssessmentStates {
			err := CheckAssessmentTransition(from, to)
			if isOK[[2]AssessmentState{from, to}] != (err == nil) {
				t.Errorf("%s → %s: err = %v", from, to, err)
			}
		}
	}
}

func TestScoreAssessment(t *testing.T) {
	item := func(sev string, w float64, a Answer) ScoredItem {
		return ScoredItem{Weight: w, Severity: sev, Answer: a}
	}
	for _, tc := range []struct {
		name   string
		items  []ScoredItem
		value  float64
		rating Rating
	}{
		{"all compliant", []ScoredItem{item("high", 3, AnswerCompliant), item("low", 1, AnswerCompliant)}, 100, RatingLow},
		{"partial counts half", []ScoredItem{item("low", 1, AnswerCompliant), item("low", 1, AnswerPartial)}, 75, RatingMedium},
		{"not applicable left out", []ScoredItem{item("low", 1, AnswerCompliant), item("high", 5, AnswerNotApplicable)}, 100, RatingLow},
		{"weights matter", []ScoredItem{item("low", 9, AnswerCompliant), item("low", 1, AnswerNonCompliant)}, 90, RatingLow},
		{"one high gap caps at high despite a good score", []ScoredItem{item("low", 20, AnswerCompliant), item("high", 1, AnswerNonCompliant)}, 95.2, RatingHigh},
		{"three high gaps are critical", []ScoredItem{item("low", 100, AnswerCompliant), item("high", 1, AnswerNonCompliant), item("high", 1, AnswerNonCompliant), item("high", 1, AnswerNonCompliant)}, 97.1, RatingCritical},
		{"partial high is at least medium", []ScoredItem{item("low", 40, AnswerCompliant), item("high", 1, AnswerPartial)}, 98.8, RatingMedium},
		{"unanswered counts against", []ScoredItem{item("low", 1, AnswerCompliant), item("low", 1, "")}, 50, RatingCritical},
	} {
		s := ScoreAssessment(tc.items)
		if s.Value != tc.value || s.Rating != tc.rating {
			t.Errorf("%s: score %.1f %s, want %.1f %s", tc.name, s.Value, s.Rating, tc.value, tc.rating)
		}
	}
	s := ScoreAssessment([]ScoredItem{item("low", 1, AnswerCompliant), item("low", 1, "")})
	if s.Complete() {
		t.Error("an assessment with an unanswered item reported complete")
	}
}

func TestLaunchGate(t *testing.T) {
	bureau, ent := &Actor{Role: RoleBureau, Province: "440000"}, &Actor{Role: RoleEntAdmin}
	gate := func(a *Actor, launchedBefore, accepted bool, reason string) (bool, string) {
		override, err := LaunchGate(a, launchedBefore, accepted, reason)
		return override, ErrorCode(err)
	}
	for _, tc := range []struct {
		name           string
		a              *Actor
		before, accept bool
		reason         string
		override       bool
		code           string
	}{
		{"accepted assessment", ent, false, true, "", false, ""},
		{"relaunch after suspension", ent, true, false, "", false, ""},
		{"no assessment", ent, false, false, "", false, ECONFLICT},
		{"enterprise override", ent, false, false, "急需上线", false, EFORBIDDEN},
		{"bureau override with reason", bureau, false, false, "经研究同意先行上线，30日内补充评估", true, ""},
		{"bureau override without a reason", bureau, false, false, "", false, ECONFLICT},
		{"the platform's own load", SystemActor, false, false, "存量业务", true, ""},
	} {
		if o, c := gate(tc.a, tc.before, tc.accept, tc.reason); o != tc.override || c != tc.code {
			t.Errorf("%s: override %v, code %q; want %v, %q", tc.name, o, c, tc.override, tc.code)
		}
	}
}

func TestNextReviewDue(t *testing.T) {
	launch := time.Date(2026, 1, 15, 0, 0, 0, 0, time.UTC)
	if got, want := NextReviewDue(launch, 0, nil), time.Date(2027, 1, 15, 0, 0, 0, 0, time.UTC); !got.Equal(want) {
		t.Errorf("default interval: %s, want %s", got, want)
	}
	if got, want := NextReviewDue(launch, 6, nil), time.Date(2026, 7, 15, 0, 0, 0, 0, time.UTC); !got.Equal(want) {
		t.Errorf("6 months: %s, want %s", got, want)
	}
	change := time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC)
	if got, want := NextReviewDue(launch, 12, &change), change.Add(MajorChangeWindow); !got.Equal(want) {
		t.Errorf("after a major change: %s, want %s", got, want)
	}
	late := time.Date(2027, 1, 10, 0, 0, 0, 0, time.UTC)
	if got, want := NextReviewDue(launch, 12, &late), time.Date(2027, 1, 15, 0, 0, 0, 0, time.UTC); !got.Equal(want) {
		t.Errorf("a change just before the due date does not postpone it: %s, want %s", got, want)
	}
	due := time.Date(2027, 1, 15, 0, 0, 0, 0, time.UTC)
	for now, want := range map[time.Time]ReviewStatus{
		due.AddDate(0, -3, 0): ReviewOK, due.AddDate(0, 0, -10): ReviewDueSoon, due.AddDate(0, 0, 1): ReviewOverdue,
	} {
		if got := StatusOfReview(due, now); got != want {
			t.Errorf("at %s: %s, want %s", now.Format(time.DateOnly), got, want)
		}
	}
}
