package pinggu

import (
	"context"
	"slices"
	"strings"
	"time"
)

// Joint assessments and inspections (联合评估, 联合检查): a regulator brings
// partner departments into an assessment or an inspection record on the
// existing workflow; each comments on the items and signs off. An
// assessment is not accepted, and a campaign not closed, before every
// department taking part has signed.

// SignOpinion is a partner department's conclusion on an assessment.
type SignOpinion string

// Sign-off opinions.
const (
	OpinionAgree       SignOpinion = "agree"        // 同意
	OpinionReservation SignOpinion = "reservations" // 有保留意见
	OpinionDisagree    SignOpinion = "disagree"     // 不同意
)

// SignOpinions lists the opinions in order.
var SignOpinions = []SignOpinion{OpinionAgree, OpinionReservation, OpinionDisagree}

// Kinds of record partner departments take part in (Subject.Kind of the
// joint actions).
const (
	JointOfAssessment = ""           // a joint assessment
	JointOfInspection = "inspection" // a joint inspection
)

// JointPartner is a partner department taking part in an assessment or an
// inspection record: exactly one of AssessmentID and InspectionID is set.
type JointPartner struct {
	ID           int64             `json:"id"`
	AssessmentID int64             `json:"assessment_id,omitempty"`
	InspectionID int64             `json:"inspection_id,omitempty"`
	PartnerOrgID int64             `json:"partner_org_id"`
	PartnerName  string            `json:"partner_name"`
	Message      string            `json:"message,omitempty"`
	InvitedBy    string            `json:"invited_by"`
	InvitedAt    time.Time         `json:"invited_at"`
	Opinion      SignOpinion       `json:"opinion,omitempty"`
	SignComment  string            `json:"sign_comment,omitempty"`
	SignedBy     string            `json:"signed_by,omitempty"`
	SignedAt     *time.Time        `json:"signed_at,omitempty"`
	WithdrawnAt  *time.Time        `json:"withdrawn_at,omitempty"`
	Comments     []*PartnerComment `json:"comments,omitempty"`
}

// AssessmentPartner is a partner department taking part in an assessment.
type AssessmentPartner = JointPartner

// PartnerComment is a partner department's comment on one item.
type PartnerComment struct {
	PartnerOrgID int64     `json:"partner_org_id"`
	Key          ItemKey   `json:"key"`
	Comment      string    `json:"comment"`
	By           string    `json:"by"`
	At           time.Time `json:"at"`
}

// SignOff is a department's sign-off.
type SignOff struct {
	Opinion SignOpinion `json:"opinion"`
	Comment string      `json:"comment"`
}

// Check validates a sign-off: an opinion, and reasons unless it agrees.
func (s *SignOff) Check() error {
	var v Validation
	s.Comment = strings.TrimSpace(s.Comment)
	if !slices.Contains(SignOpinions, s.Opinion) {
		v.Add(0, "opinion", "会签意见“%s”无效", s.Opinion)
	}
	if s.Opinion != OpinionAgree && s.Comment == "" {
		v.Add(0, "comment", "保留或不同意须说明理由")
	}
	checkLen(&v, "comment", s.Comment, 4000)
	return v.Err("会签意见有误")
}

// JointAssessmentService brings partner departments into assessments.
type JointAssessmentService interface {
	// AssessmentPartners lists the departments taking part in an
	// assessment the caller sees, with their comments and sign-offs.
	AssessmentPartners(ctx context.Context, assessmentID int64) ([]*AssessmentPartner, error)
	// InvitePartner brings a department into an assessment.
	InvitePartner(ctx context.Context, assessmentID, partnerOrgID int64, message string) (*AssessmentPartner, error)
	// WithdrawPartner ends a department's part in an assessment.
	WithdrawPartner(ctx context.Context, participationID int64) error
	// CommentItems saves the caller's department's comments by item.
	CommentItems(ctx context.Context, assessmentID int64, comments map[ItemKey]string) error
	// SignOffAssessment records the caller's department's sign-off.
	SignOffAssessment(ctx context.Context, assessmentID int64, s SignOff) error
}

// JointInspectionService brings partner departments into inspections: one
// inspection record, or every record of a campaign so far.
type JointInspectionService interface {
	// InspectionPartners lists the departments taking part in an
	// inspection the caller sees, with their comments and sign-offs.
	InspectionPartners(ctx context.Context, inspectionID int64) ([]*JointPartner, error)
	// InviteInspectionPartner brings a department into an inspection.
	InviteInspectionPartner(ctx context.Context, inspectionID, partnerOrgID int64, message string) (*JointPartner, error)
	// InviteCampaignPartner brings a department into every inspection
	// recorded in a campaign it does not take part in yet, and says how many.
	InviteCampaignPartner(ctx context.Context, campaignID, partnerOrgID int64, message string) (int, error)
	// WithdrawInspectionPartner ends a department's part in an inspection.
	WithdrawInspectionPartner(ctx context.Context, participationID int64) error
	// CommentInspectionItems saves the caller's department's comments by item.
	CommentInspectionItems(ctx context.Context, inspectionID int64, comments map[ItemKey]string) error
	// SignOffInspection records the caller's department's sign-off.
	SignOffInspection(ctx context.Context, inspectionID int64, s SignOff) error
}
