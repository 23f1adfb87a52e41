package store

import (
	"context"
	"fmt"
	"slices"
	"strings"

	"github.com/pinggu/pinggu"
)

var _ pinggu.JointAssessmentService = (*DB)(nil)

// participationSource is the source_kind of the grant a joint assessment
// gives a partner department.
const participationSource = "assessment_partner"

const partnerCols = `p.id, p.assessment_id, p.partner_org_id, p.partner_name, p.message, p.invited_by, p.invited_at, p.opinion,
	p.sign_comment, p.signed_by, p.signed_at, p.withdrawn_at`

func scanPartner(sc rowScanner) (*pinggu.AssessmentPartner, error) {
	var p pinggu.AssessmentPartner
	var opinion string
	var invited, signed, withdrawn tscan
	err := sc.Scan(&p.ID, &p.AssessmentID, &p.PartnerOrgID, &p.PartnerName, &p.Message, &p.InvitedBy, &invited, &opinion,
		&p.SignComment, &p.SignedBy, &signed, &withdrawn)
	p.Opinion, p.InvitedAt, p.SignedAt, p.WithdrawnAt = pinggu.SignOpinion(opinion), invited.T, signed.Ptr(), withdrawn.Ptr()
	return &p, err
}

// participations lists the live participations of an assessment: all of
// them for whoever sees it by its own scope, the caller's department's
// only for a partner department.
func (c *conn) participations(a *pinggu.Assessment) ([]*pinggu.AssessmentPartner, error) {
	var w where
	w.add("p.assessment_id = ?", a.ID)
	w.add("p.withdrawn_at IS NULL")
	if orgs := c.actor.Grantees(); len(orgs) > 0 && !c.actor.LedgerScope().Covers(a.OrgID, a.Province) {
		args := make([]any, len(orgs))
		for i, id := range orgs {
			args[i] = id
		}
		w.add("p.partner_org_id IN ("+placeholders(len(orgs))+")", args...)
	}
	ps, err := queryAll(c, scanPartner, "SELECT "+partnerCols+" FROM assessment_partners p"+w.sql()+" ORDER BY p.id", w.args...)
	if err != nil {
		return nil, err
	}
	for _, p := range ps {
		p.Comments, err = queryAll(c, func(sc rowScanner) (*pinggu.PartnerComment, error) {
			var x pinggu.PartnerComment
			var key string
			var at tscan
			err := sc.Scan(&x.PartnerOrgID, &key, &x.Comment, &x.By, &at)
			x.Key, x.At = pinggu.ItemKey(key), at.T
			return &x, err
		}, "SELECT partner_org_id, key, comment, by_user, at FROM assessment_partner_comments WHERE assessment_id = ? AND partner_org_id = ? ORDER BY key",
			a.ID, p.PartnerOrgID)
		if err != nil {
			return nil, err
		}
	}
	return ps, nil
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
		o, err := c.findOrgAny(partnerOrgID)
		j, _ := c.actor.Jurisdiction()
		if err != nil || o.Kind != pinggu.OrgPartner || !j.SameLevel(o.Province) {
			return invalidRef("partner_org_id", "请选择同级协作部门")
		}
		ps, err := c.participations(a)
		if err != nil {
			return err
		}
		for _, p := range ps {
			if p.PartnerOrgID == o.ID {
				return pinggu.Errorf(pinggu.ECONFLICT, "%s已参与此评估", o.Name)
			}
		}
		p := &pinggu.AssessmentPartner{AssessmentID: a.ID, PartnerOrgID: o.ID, PartnerName: o.Name, Message: strings.TrimSpace(message),
			InvitedBy: actorName(c.actor), InvitedAt: c.now}
		if err := c.queryRow(`INSERT INTO assessment_partners (assessment_id, partner_org_id, partner_name, message, invited_by, invited_at)
			VALUES (?, ?, ?, ?, ?, ?) RETURNING id`, a.ID, o.ID, o.Name, p.Message, p.InvitedBy, tval(c.now)).Scan(&p.ID); err != nil {
			return fmt.Errorf("store: invite partner: %w", err)
		}
		if err := c.grant(o.ID, pinggu.GrantAssessment, a.ID, participationSource, p.ID); err != nil {
			return err
		}
		if err := c.notify(&pinggu.Notice{Kind: pinggu.NoticeJointInvited, Subject: pinggu.Ref{Kind: "assessment", ID: a.ID},
			Link: fmt.Sprintf("/assessments/%d", a.ID), OrgID: a.OrgID, Province: a.Province,
			Title:      "联合评估邀请：" + a.Title,
			Message:    "请贵单位参与“" + a.Title + "”的联合评估，逐项提出意见并会签。" + p.Message,
			Recipients: []pinggu.Recipient{{Party: pinggu.PartyPartner, OrgID: o.ID}}}); err != nil {
			return err
		}
		out = p
		return c.audit(change{action: "joint_assessment.invite", objectType: "assessment", objectID: a.ID, detail: o.Name, after: p})
	})
	return out, err
}

// WithdrawPartner ends a department's part in an assessment and its
// access to it.
func (db *DB) WithdrawPartner(ctx context.Context, participationID int64) error {
	return db.inTx(ctx, func(c *conn) error {
		p, err := scanPartner(c.queryRow("SELECT "+partnerCols+" FROM assessment_partners p WHERE p.id = ? AND p.withdrawn_at IS NULL", participationID))
		if err != nil {
			return noRows(err, "联合评估参与记录")
		}
		a, err := c.findAssessment(p.AssessmentID)
		if err != nil {
			return notFound("联合评估参与记录")
		}
		if err := pinggu.Authorize(c.actor, pinggu.ActJointWithdraw, pinggu.AssessmentSubject(a)); err != nil {
			return err
		}
		if _, err := c.exec("UPDATE assessment_partners SET withdrawn_at = ? WHERE id = ?", tval(c.now), p.ID); err != nil {
			return err
		}
		if err := c.revokeGrants(participationSource, p.ID); err != nil {
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
	for _, p := range ps {
		if slices.Contains(c.actor.Grantees(), p.PartnerOrgID) {
			t := pinggu.Subject{OrgID: p.PartnerOrgID, Province: a.Province, State: string(a.State)}
			if p.SignedAt != nil {
				t.To = "signed"
			}
			return a, p, t, nil
		}
	}
	return a, nil, pinggu.Subject{Province: a.Province, State: string(a.State)}, nil
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
		var v pinggu.Validation
		keys := make([]string, 0, len(comments))
		for k := range comments {
			keys = append(keys, string(k))
		}
		slices.Sort(keys)
		for _, k := range keys {
			text := strings.TrimSpace(comments[pinggu.ItemKey(k)])
			if !hasItem(a, pinggu.ItemKey(k)) {
				v.Add(0, "comments."+k, "评估项“%s”不属于此评估", k)
				continue
			}
			if _, err := c.exec("DELETE FROM assessment_partner_comments WHERE assessment_id = ? AND partner_org_id = ? AND key = ?", a.ID, p.PartnerOrgID, k); err != nil {
				return err
			}
			if text == "" {
				continue
			}
			if _, err := c.exec("INSERT INTO assessment_partner_comments (assessment_id, partner_org_id, key, comment, by_user, at) VALUES (?, ?, ?, ?, ?, ?)",
				a.ID, p.PartnerOrgID, k, text, actorName(c.actor), tval(c.now)); err != nil {
				return err
			}
		}
		if err := v.Err("评估意见有误"); err != nil {
			return err
		}
		return c.audit(change{action: "joint_assessment.comment", objectType: "assessment", objectID: a.ID,
			detail: fmt.Sprintf("%s提出%d项评估意见", p.PartnerName, len(keys))})
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
		if err := s.Check(); err != nil {
			return err
		}
		if _, err := c.exec("UPDATE assessment_partners SET opinion = ?, sign_comment = ?, signed_by = ?, signed_at = ? WHERE id = ?",
			string(s.Opinion), s.Comment, actorName(c.actor), tval(c.now), p.ID); err != nil {
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
	return queryAll(c, func(sc rowScanner) (string, error) {
		var n string
		return n, sc.Scan(&n)
	}, "SELECT partner_name FROM assessment_partners WHERE assessment_id = ? AND withdrawn_at IS NULL AND signed_at IS NULL ORDER BY id", assessmentID)
}
