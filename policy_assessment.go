package pinggu

import (
	"slices"
	"strings"
	"unicode/utf8"
)

// Actions of the assessment workflow and the standards library.
const (
	// ActAssessmentCreate starts an assessment of Subject.Kind for a service
	// (the subject is the service's owner and province).
	ActAssessmentCreate Action = "assessment.create"
	// ActAssessmentAnswer answers an assessment's items and attaches or
	// removes evidence, while the assessment is in Subject.State.
	ActAssessmentAnswer Action = "assessment.answer"
	// ActAssessmentSubmit submits the answers for review.
	ActAssessmentSubmit Action = "assessment.submit"
	// ActReviewStart takes a submitted assessment into review.
	ActReviewStart Action = "assessment.review_start"
	// ActReviewDecide accepts or returns an assessment under review.
	ActReviewDecide Action = "assessment.review"
	// ActReviewsView opens the regulator's list of reviews due.
	ActReviewsView Action = "assessment.reviews_view"
	// ActStandardImport publishes a standard or a new version of one.
	ActStandardImport Action = "standard.import"
	// ActReviewIntervalSet sets a category's interval between periodic reviews.
	ActReviewIntervalSet Action = "review_interval.set"
	// ActAssessmentOrder orders special assessments at all (which service
	// is ActAssessmentCreate's to decide): the regulators.
	ActAssessmentOrder Action = "assessment.order"
	// ActAssessmentView opens an assessment: its owner's ledger scope, and
	// the third-party body engaged for it.
	ActAssessmentView Action = "assessment.view"
)

func init() {
	definePolicy(map[Action]Rule{
		ActAssessmentCreate:  mayCreateAssessment,
		ActAssessmentAnswer:  mayAnswer,
		ActAssessmentSubmit:  mayAnswer,
		ActReviewStart:       mayReview(AssessUnderReview),
		ActReviewDecide:      mayReview(AssessAccepted),
		ActReviewsView:       isRegulator,
		ActStandardImport:    only("仅部级监管人员可发布评估标准", RoleMinistry, RoleSystem),
		ActReviewIntervalSet: only("仅部级监管人员可设置定期核查周期", RoleMinistry, RoleSystem),
		ActAssessmentView:    mayViewAssessment,
		ActAssessmentOrder:   isRegulator,
	})
}

// AssessmentSubject is an assessment as the policy sees it.
func AssessmentSubject(a *Assessment) Subject {
	return Subject{OrgID: a.OrgID, Province: a.Province, AssessorOrgID: a.AssessorOrgID, Kind: string(a.Kind), State: string(a.State),
		AssessorLevel: string(a.AssessorLevel)}
}

// Editable reports whether an assessment in state s takes answers and
// evidence: a draft, or one returned for rework.
func Editable(s AssessmentState) bool { return s == AssessDraft || s == AssessReturned }

// mayCreateAssessment: enterprises assess their own services; regulators
// order special assessments of services in their jurisdiction.
func mayCreateAssessment(a *Actor, t Subject) error {
	ok := false
	switch {
	case roleIn(a, RoleSystem):
		ok = true
	case AssessmentKind(t.Kind) == KindSpecial:
		ok = supervises(a, t.Province)
	default:
		ok = roleIn(a, RoleEntAdmin, RoleEntAssess) && slices.Contains(a.OrgIDs, t.OrgID)
	}
	if !ok {
		return deny("无权为此业务发起%s", LabelOf(AssessmentKindLabels, AssessmentKind(t.Kind)))
	}
	return mayEngage(t)
}

// mayEngage: a third-party assessment engages only a body whose
// certificate in force covers the level the service calls for; expiry,
// suspension and revocation end a body's new engagements.
func mayEngage(t Subject) error {
	if AssessmentKind(t.Kind) != KindThirdParty || t.AssessorOrgID == 0 {
		return nil
	}
	need := CertLevel(t.RequiredLevel)
	if !need.Valid() {
		need = CertLevelA // unknown calls for the highest, failing closed
	}
	if !CertLevel(t.AssessorLevel).Covers(need) {
		return Errorf(ECONFLICT, "所选第三方评估机构未持有有效的%s及以上能力认定证书，不能承接此业务的第三方评估", CertLevelLabels[need])
	}
	return nil
}

// mayAnswer: the owner's enterprise staff or the engaged third-party body
// answer, attach evidence and submit, while the assessment is a draft or
// returned.
func mayAnswer(a *Actor, t Subject) error {
	ok := false
	switch {
	case roleIn(a, RoleSystem):
		ok = true
	case roleIn(a, RoleEntAdmin, RoleEntAssess):
		ok = slices.Contains(a.OrgIDs, t.OrgID)
	case roleIn(a, RoleThirdParty):
		ok = t.AssessorOrgID != 0 && slices.Contains(a.OrgIDs, t.AssessorOrgID)
		if ok && !CertLevel(t.AssessorLevel).Valid() {
			// The body keeps reading what it did; it works on no
			// engagement without a certificate in force.
			return Errorf(ECONFLICT, "本机构能力认定证书已过期、暂停或撤销，不能继续开展评估")
		}
	}
	if !ok {
		return deny("无权填写此评估")
	}
	if !Editable(AssessmentState(t.State)) {
		return Errorf(ECONFLICT, "评估处于“%s”状态，不能修改", LabelOf(AssessmentStateLabels, AssessmentState(t.State)))
	}
	return nil
}

// mayReview: the ministry, and the bureau of the owner's province, review;
// the assessment must be in a state that can move on to next (under review
// to start a review, accepted or returned to decide one).
func mayReview(next AssessmentState) Rule {
	return func(a *Actor, t Subject) error {
		if !supervises(a, t.Province) {
			return deny("仅部级监管人员和属地通信管理局可审核评估")
		}
		return CheckAssessmentTransition(AssessmentState(t.State), next)
	}
}

// mayViewAssessment mirrors the store's assessment scope: the owner's
// ledger scope, or the engaged body's assessors.
func mayViewAssessment(a *Actor, t Subject) error {
	if t.AssessorOrgID != 0 && slices.Contains(a.EngagedOrgIDs(), t.AssessorOrgID) {
		return nil
	}
	return inLedgerScope(a, t)
}

// isRegulator: the ministry and the bureaus.
func isRegulator(a *Actor, _ Subject) error {
	if _, ok := a.Jurisdiction(); !ok {
		return deny("仅监管部门可执行此操作")
	}
	return nil
}

// MayAnswer reports whether the actor may answer the assessment now.
func MayAnswer(a *Actor, asm *Assessment) bool {
	return Allowed(a, ActAssessmentAnswer, AssessmentSubject(asm))
}

// MayReview reports whether the actor may take the assessment into review
// or decide it now.
func MayReview(a *Actor, asm *Assessment) bool {
	t := AssessmentSubject(asm)
	return Allowed(a, ActReviewStart, t) || Allowed(a, ActReviewDecide, t)
}

// Check validates a review decision on its own: accepted or returned, and a
// return needs a summary saying why. CheckFor adds what depends on the
// assessment.
func (d *ReviewDecision) Check() error {
	var v Validation
	d.check(&v)
	return v.Err("审核意见有误")
}

func (d *ReviewDecision) check(v *Validation) {
	if d.Decision != AssessAccepted && d.Decision != AssessReturned {
		v.Add(0, "decision", "审核结论须为通过或退回")
	}
	if d.Decision == AssessReturned && strings.TrimSpace(d.Summary) == "" {
		v.Add(0, "summary", "退回评估须说明理由")
	}
}

// AcceptReasonMinRunes is the shortest reason, in characters, for accepting
// an assessment despite its risks: a sentence a reader can weigh, not a tick.
const AcceptReasonMinRunes = 10

// NeedsAcceptReason reports whether accepting an assessment with score s
// needs a written reason: it is rated critical (重大风险), or a high-severity
// item is non-compliant. A regulator may still accept it (compensating
// controls, a launch on conditions), but not silently: the reason goes into
// the review history, the audit log and the report.
func NeedsAcceptReason(s *Score) bool {
	return s != nil && (s.Rating == RatingCritical || s.HighGaps > 0)
}

// CheckFor validates a decision on a: Check, and an acceptance of a risky
// assessment (NeedsAcceptReason of its submitted score) needs AcceptReason.
func (d *ReviewDecision) CheckFor(a *Assessment) error {
	var v Validation
	d.check(&v)
	if d.Decision == AssessAccepted && NeedsAcceptReason(a.Score) {
		switch n := utf8.RuneCountInString(strings.TrimSpace(d.AcceptReason)); {
		case n == 0:
			v.Add(0, "accept_reason", "该评估评级为“%s”（高严重程度不符合项%d项），通过须写明接受风险的理由", LabelOf(RatingLabels, a.Score.Rating), a.Score.HighGaps)
		case n < AcceptReasonMinRunes:
			v.Add(0, "accept_reason", "接受风险的理由须写明依据，不少于%d个字", AcceptReasonMinRunes)
		}
	}
	return v.Err("审核意见有误")
}

// AnswersAssessments reports whether the actor answers assessments at all —
// those of its own organisation, or those its body is engaged for — so the
// assessment index shows it a to-do list.
func AnswersAssessments(a *Actor) bool {
	if a == nil {
		return false
	}
	own := Subject{OrgID: a.OrgID, AssessorOrgID: a.OrgID, State: string(AssessDraft), AssessorLevel: string(CertLevelA)}
	return Allowed(a, ActAssessmentAnswer, own)
}
