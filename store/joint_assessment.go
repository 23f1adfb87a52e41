package store

import (
	"context"
	"fmt"

	"github.com/pinggu/pinggu"
)

var _ pinggu.JointAssessmentService = (*DB)(nil)

// participationSource is the source_kind of the grant a joint assessment
// gives a partner department.
const participationSource = "assessment_partner"

// participations lists the live participations of an assessment (see
// jointParticipations).
func (c *conn) participations(a *pinggu.Assessment) ([]*pinggu.AssessmentPartner, error) {
	return c.jointParticipations(jointOfAssessment, a.ID, c.actor.LedgerScope().Covers(a.OrgID, a.Province))
}

// AssessmentPartners lists the departments taking part in an assessment.
func (db *DB) AssessmentPartners(ctx context.Context, assessmentID int64) ([]*pinggu.AssessmentPartner, error) {
	c := db.reader(ctx)
	a, err := c.findAssessment(assessmentID)
	if err != nil {
		return nil, err
	}
	return c.participations(a)
}

// InvitePartner brings a partner department of the same level into an
// undecided assessment: it is granted the assessment and told.
func (db *DB) InvitePartner(ctx context.Context, assessmentID, partnerOrgID int64, message string) (*pinggu.AssessmentPartner, error) {
	var out *pinggu.AssessmentPartner
	err := db.inTx(ctx, func(c *conn) error {
		if err := c.lockAssessment(assessmentID); err != nil {
			return err
		}
		a, err := c.findAssessment(assessmentID)
		if err != nil {
			return err
		}
		if err := pinggu.Authorize(c.actor, pinggu.ActJointInvite, pinggu.AssessmentSubject(a)); err != nil {
			return err
		}
		p, err := c.jointInvite(jointOfAssessment, a.ID, partnerOrgID, message)
		if err != nil {
			return err
		}
		if err := c.notify(&pinggu.Notice{Kind: pinggu.NoticeJointInvited, Subject: pinggu.Ref{Kind: "assessment", ID: a.ID},
			Link: fmt.Sprintf("/assessments/%d", a.ID), OrgID: a.OrgID, Province: a.Province,
			Title:      "联合评估邀请：" + a.Title,
			Message:    "请贵单位参与“" + a.Title + "”的联合评估，逐项提出意见并会签。" + p.Message,
			Recipients: []pinggu.Recipient{{Party: pinggu.PartyPartner, OrgID: p.PartnerOrgID}}}); err != nil {
			return err
		}
		out = p
		return c.audit(change{action: "joint_assessment.invite", objectType: "assessment", objectID: a.ID, detail: p.PartnerName, after: p})
	})
	return out, err
}

// WithdrawPartner ends a department's part in an assessment and its
// access to it.
func (db *DB) WithdrawPartner(ctx context.Context, participationID int64) error {
	return db.inTx(ctx, func(c *conn) error {
		p, id, err := c.jointParticipation(jointOfAssessment, participationID)
		if err != nil {
			return err
		}
		a, err := c.findAssessment(id)
		if err != nil {
			return notFound(jointOfAssessment.name)
		}
		if err := pinggu.Authorize(c.actor, pinggu.ActJointWithdraw, pinggu.AssessmentSubject(a)); err != nil {
			return err
		}
		if err := c.jointWithdraw(jointOfAssessment, p); err != nil {
			return err
		}
		return c.audit(change{action: "joint_assessment.withdraw", objectType: "assessment", objectID: a.ID, detail: p.PartnerName, before: p})
	})
}

// ownParticipation finds the caller's department's part in an assessment
// and the subject the policy decides it by.
func (c *conn) ownParticipation(assessmentID int64) (*pinggu.Assessment, *pinggu.AssessmentPartner, pinggu.Subject, error) {
	if err := c.lockAssessment(assessmentID); err != nil {
		return nil, nil, pinggu.Subject{}, err
	}
	a, err := c.findAssessment(assessmentID)
	if err != nil {
		return nil, nil, pinggu.Subject{}, err
	}
	ps, err := c.participations(a)
	if err != nil {
		return nil, nil, pinggu.Subject{}, err
	}
	p, t := c.ownJoint(ps, pinggu.Subject{Province: a.Province, State: string(a.State)})
	return a, p, t, nil
}

// CommentItems saves the caller's department's comments by item; an empty
// comment removes one.
func (db *DB) CommentItems(ctx context.Context, assessmentID int64, comments map[pinggu.ItemKey]string) error {
	return db.inTx(ctx, func(c *conn) error {
		a, p, t, err := c.ownParticipation(assessmentID)
		if err != nil {
			return err
		}
		if err := pinggu.Authorize(c.actor, pinggu.ActJointComment, t); err != nil {
			return err
		}
		if err := c.loadItems(a); err != nil {
			return err
		}
		n, err := c.jointComment(jointOfAssessment, a.ID, p, comments, func(k pinggu.ItemKey) bool { return hasItem(a, k) })
		if err != nil {
			return err
		}
		return c.audit(change{action: "joint_assessment.comment", objectType: "assessment", objectID: a.ID,
			detail: fmt.Sprintf("%s提出%d项评估意见", p.PartnerName, n)})
	})
}

// SignOffAssessment records the caller's department's sign-off and tells
// the assessment's regulators.
func (db *DB) SignOffAssessment(ctx context.Context, assessmentID int64, s pinggu.SignOff) error {
	return db.inTx(ctx, func(c *conn) error {
		a, p, t, err := c.ownParticipation(assessmentID)
		if err != nil {
			return err
		}
		if err := pinggu.Authorize(c.actor, pinggu.ActJointSignOff, t); err != nil {
			return err
		}
		if err := c.jointSign(jointOfAssessment, p, &s); err != nil {
			return err
		}
		label := pinggu.SignOpinionLabels[s.Opinion].Zh
		if err := c.notify(&pinggu.Notice{Kind: pinggu.NoticeJointSigned, Subject: pinggu.Ref{Kind: "assessment", ID: a.ID},
			Link: fmt.Sprintf("/assessments/%d/review", a.ID), OrgID: a.OrgID, Province: a.Province,
			Title:      p.PartnerName + "会签：" + a.Title,
			Message:    p.PartnerName + "对“" + a.Title + "”的会签意见：" + label + "。" + s.Comment,
			Recipients: []pinggu.Recipient{pinggu.RegulatorsOf(a.Province)}}); err != nil {
			return err
		}
		return c.audit(change{action: "joint_assessment.sign_off", objectType: "assessment", objectID: a.ID, detail: p.PartnerName + "：" + label + " " + s.Comment})
	})
}

// pendingSignOffs names the departments taking part in an assessment that
// have not signed it off; the review refuses to accept it before they do.
func (c *conn) pendingSignOffs(assessmentID int64) ([]string, error) {
	return c.jointPending(jointOfAssessment, assessmentID)
}
