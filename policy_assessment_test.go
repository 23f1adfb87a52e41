package pinggu

import "testing"

func init() {
	asm := func(s Subject, k AssessmentKind, st AssessmentState) Subject {
		return s.with(string(k), string(st), "")
	}
	answerers := append([]Role{RoleThirdParty}, enterprise...)
	policyRows = append(policyRows, []policyRow{
		{ActAssessmentCreate, "pre-launch, own service", asm(ownSub, KindPreLaunch, ""), enterprise},
		{ActAssessmentCreate, "periodic, own service", asm(ownSub, KindPeriodic, ""), enterprise},
		{ActAssessmentCreate, "third-party, own service", asm(ownSub, KindThirdParty, ""), enterprise},
		{ActAssessmentCreate, "pre-launch, another tenant's service", asm(foreignSub, KindPreLaunch, ""), platformOnly},
		{ActAssessmentCreate, "special, in the bureau's province", asm(ownSub, KindSpecial, ""), regulators},
		{ActAssessmentCreate, "special, in another province", asm(foreignSub, KindSpecial, ""), nationally},
		{ActAssessmentOrder, "", Subject{}, regulators},

		{ActAssessmentAnswer, "own draft", asm(ownSub, KindPreLaunch, AssessDraft), enterprise},
		{ActAssessmentAnswer, "own returned", asm(ownSub, KindPreLaunch, AssessReturned), enterprise},
		{ActAssessmentAnswer, "own submitted", asm(ownSub, KindPreLaunch, AssessSubmitted), nobody},
		{ActAssessmentAnswer, "own under review", asm(ownSub, KindPreLaunch, AssessUnderReview), nobody},
		{ActAssessmentAnswer, "own accepted", asm(ownSub, KindPreLaunch, AssessAccepted), nobody},
		{ActAssessmentAnswer, "engaged draft", asm(engagedSub, KindThirdParty, AssessDraft), answerers},
		{ActAssessmentAnswer, "engaged accepted", asm(engagedSub, KindThirdParty, AssessAccepted), nobody},
		{ActAssessmentAnswer, "another tenant's draft", asm(foreignSub, KindPreLaunch, AssessDraft), platformOnly},
		{ActAssessmentSubmit, "own draft", asm(ownSub, KindPeriodic, AssessDraft), enterprise},
		{ActAssessmentSubmit, "engaged returned", asm(engagedSub, KindThirdParty, AssessReturned), answerers},
		{ActAssessmentSubmit, "own submitted", asm(ownSub, KindPeriodic, AssessSubmitted), nobody},

		{ActReviewStart, "submitted, in the bureau's province", asm(ownSub, KindPreLaunch, AssessSubmitted), regulators},
		{ActReviewStart, "submitted, in another province", asm(foreignSub, KindPreLaunch, AssessSubmitted), nationally},
		{ActReviewStart, "draft", asm(ownSub, KindPreLaunch, AssessDraft), nobody},
		{ActReviewStart, "under review", asm(ownSub, KindPreLaunch, AssessUnderReview), nobody},
		{ActReviewStart, "returned", asm(ownSub, KindPreLaunch, AssessReturned), nobody},
		{ActReviewStart, "accepted", asm(ownSub, KindPreLaunch, AssessAccepted), nobody},
		{ActReviewDecide, "under review, in the bureau's province", asm(ownSub, KindPeriodic, AssessUnderReview), regulators},
		{ActReviewDecide, "under review, in another province", asm(foreignSub, KindPeriodic, AssessUnderReview), nationally},
		{ActReviewDecide, "submitted", asm(ownSub, KindPeriodic, AssessSubmitted), nobody},
		{ActReviewDecide, "draft", asm(ownSub, KindPeriodic, AssessDraft), nobody},
		{ActReviewDecide, "accepted", asm(ownSub, KindPeriodic, AssessAccepted), nobody},
		{ActReviewsView, "", Subject{}, regulators},
		{ActStandardImport, "", Subject{}, nationally},
		{ActReviewIntervalSet, "", Subject{}, nationally},
	}...)
}

func TestAcceptingRiskNeedsAReason(t *testing.T) {
	clean := &Score{Value: 95, Rating: RatingLow}
	gap := &Score{Value: 92, Rating: RatingHigh, HighGaps: 1}
	critical := &Score{Value: 40, Rating: RatingCritical}
	for _, c := range []struct {
		score *Score
		d     ReviewDecision
		field string // the field refused, "" for none
	}{
		{clean, ReviewDecision{Decision: AssessAccepted}, ""},
		{gap, ReviewDecision{Decision: AssessAccepted, Summary: "同意"}, "accept_reason"},
		{critical, ReviewDecision{Decision: AssessAccepted}, "accept_reason"},
		{critical, ReviewDecision{Decision: AssessAccepted, AcceptReason: "同意上线"}, "accept_reason"},
		{critical, ReviewDecision{Decision: AssessAccepted, AcceptReason: "已有临时管控措施，限期三十日整改"}, ""},
		{critical, ReviewDecision{Decision: AssessReturned, Summary: "请整改"}, ""},
		{critical, ReviewDecision{Decision: AssessReturned}, "summary"},
	} {
		err := c.d.CheckFor(&Assessment{Score: c.score})
		got := ""
		if f := ErrorFields(err); len(f) > 0 {
			got = f[0].Field
		}
		if got != c.field {
			t.Errorf("%s of a %s assessment with reason %q: refused field %q, want %q (%v)", c.d.Decision, c.score.Rating, c.d.AcceptReason, got, c.field, err)
		}
	}
	if NeedsAcceptReason(clean) || !NeedsAcceptReason(gap) || !NeedsAcceptReason(critical) || NeedsAcceptReason(nil) {
		t.Error("NeedsAcceptReason")
	}
}
