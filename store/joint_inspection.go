package store

import (
	"context"
	"fmt"

	"github.com/pinggu/pinggu"
)

var _ pinggu.JointInspectionService = (*DB)(nil)

// Joint inspections (联合检查): the joint-assessment workflow (joint.go) on
// an inspection record: partner departments of the regulator's level are
// invited to one record or to every record of a campaign, see only those
// records (their items and what was found), comment per checklist item
// and sign off; the campaign does not close before they have signed.

// inspectionParticipations lists the live participations in an inspection.
func (c *conn) inspectionParticipations(in *pinggu.Inspection) ([]*pinggu.JointPartner, error) {
	return c.jointParticipations(jointOfInspection, in.ID, c.actor.LedgerScope().Covers(in.OrgID, in.Province))
}

// InspectionPartners lists the departments taking part in an inspection.
func (db *DB) InspectionPartners(ctx context.Context, inspectionID int64) ([]*pinggu.JointPartner, error) {
	c := db.reader(ctx)
	in, err := c.findInspection(inspectionID)
	if err != nil {
		return nil, err
	}
	return c.inspectionParticipations(in)
}

// lockInspection serialises the joint work on one inspection on
// PostgreSQL; SQLite has a single writer already.
func (c *conn) lockInspection(id int64) error {
	if !c.db.d.pg() {
		return nil
	}
	var x int64
	err := c.queryRow("SELECT id FROM inspections WHERE id = ? FOR UPDATE", id).Scan(&x)
	return noRows(err, "检查记录")
}

// inviteToInspection brings a department into one inspection the caller
// may invite to, and tells it.
func (c *conn) inviteToInspection(in *pinggu.Inspection, partnerOrgID int64, message string) (*pinggu.JointPartner, error) {
	if err := pinggu.Authorize(c.actor, pinggu.ActJointInvite, in.JointSubject()); err != nil {
		return nil, err
	}
	p, err := c.jointInvite(jointOfInspection, in.ID, partnerOrgID, message)
	if err != nil {
		return nil, err
	}
	if err := c.notify(&pinggu.Notice{Kind: pinggu.NoticeJointInvited, Subject: pinggu.Ref{Kind: pinggu.RefInspection, ID: in.ID},
		Link: fmt.Sprintf("/inspections/%d", in.ID), OrgID: in.OrgID, Province: in.Province,
		Title:      "联合检查邀请：" + in.Campaign + " · " + in.OrgName,
		Message:    "请贵单位参与“" + in.Campaign + "”对" + in.OrgName + "的联合检查，逐项提出意见并会签。" + p.Message,
		Recipients: []pinggu.Recipient{{Party: pinggu.PartyPartner, OrgID: p.PartnerOrgID}}}); err != nil {
		return nil, err
	}
	return p, c.audit(change{action: "joint_inspection.invite", objectType: "inspection", objectID: in.ID, detail: p.PartnerName, after: p})
}

// InviteInspectionPartner brings a partner department of the caller's
// level into an inspection of an open campaign: it is granted the record
// and told.
func (db *DB) InviteInspectionPartner(ctx context.Context, inspectionID, partnerOrgID int64, message string) (*pinggu.JointPartner, error) {
	var out *pinggu.JointPartner
	err := db.inTx(ctx, func(c *conn) error {
		if err := c.lockInspection(inspectionID); err != nil {
			return err
		}
		in, err := c.findInspection(inspectionID)
		if err != nil {
			return err
		}
		out, err = c.inviteToInspection(in, partnerOrgID, message)
		return err
	})
	return out, err
}

// InviteCampaignPartner brings a department into every inspection
// recorded so far in a campaign the caller sees, except those it already
// takes part in; records made later are invited to one by one.
func (db *DB) InviteCampaignPartner(ctx context.Context, campaignID, partnerOrgID int64, message string) (int, error) {
	n := 0
	err := db.inTx(ctx, func(c *conn) error {
		cp, err := c.findCampaign(campaignID)
		if err != nil {
			return err
		}
		if err := pinggu.Authorize(c.actor, pinggu.ActJointInvite, pinggu.Subject{Kind: pinggu.JointOfInspection, Province: cp.Province, State: string(cp.State)}); err != nil {
			return err
		}
		var w where
		w.add("i.campaign_id = ?", cp.ID)
		w.inspectionScope(c.actor)
		w.add("NOT EXISTS (SELECT 1 FROM inspection_partners x WHERE x.inspection_id = i.id AND x.partner_org_id = ? AND x.withdrawn_at IS NULL)", partnerOrgID)
		ids, err := queryAll(c, scanID, "SELECT i.id FROM inspections i"+w.sql()+" ORDER BY i.id", w.args...)
		if err != nil {
			return err
		}
		if len(ids) == 0 {
			return pinggu.Errorf(pinggu.ECONFLICT, "该检查活动没有可邀请参与的检查记录")
		}
		for _, id := range ids {
			if err := c.lockInspection(id); err != nil {
				return err
			}
			in, err := c.findInspection(id)
			if err != nil {
				return err
			}
			if _, err := c.inviteToInspection(in, partnerOrgID, message); err != nil {
				return err
			}
			n++
		}
		return nil
	})
	return n, err
}

// WithdrawInspectionPartner ends a department's part in an inspection and
// its access to it.
func (db *DB) WithdrawInspectionPartner(ctx context.Context, participationID int64) error {
	return db.inTx(ctx, func(c *conn) error {
		p, id, err := c.jointParticipation(jointOfInspection, participationID)
		if err != nil {
			return err
		}
		in, err := c.findInspection(id)
		if err != nil {
			return notFound(jointOfInspection.name)
		}
		if err := pinggu.Authorize(c.actor, pinggu.ActJointWithdraw, in.JointSubject()); err != nil {
			return err
		}
		if err := c.jointWithdraw(jointOfInspection, p); err != nil {
			return err
		}
		return c.audit(change{action: "joint_inspection.withdraw", objectType: "inspection", objectID: in.ID, detail: p.PartnerName, before: p})
	})
}

// ownInspectionPart finds the caller's department's part in an inspection
// and the subject the policy decides it by.
func (c *conn) ownInspectionPart(inspectionID int64) (*pinggu.Inspection, *pinggu.JointPartner, pinggu.Subject, error) {
	if err := c.lockInspection(inspectionID); err != nil {
		return nil, nil, pinggu.Subject{}, err
	}
	in, err := c.findInspection(inspectionID)
	if err != nil {
		return nil, nil, pinggu.Subject{}, err
	}
	ps, err := c.inspectionParticipations(in)
	if err != nil {
		return nil, nil, pinggu.Subject{}, err
	}
	p, t := c.ownJoint(ps, in.JointSubject())
	return in, p, t, nil
}

// CommentInspectionItems saves the caller's department's comments by
// checklist item; an empty comment removes one.
func (db *DB) CommentInspectionItems(ctx context.Context, inspectionID int64, comments map[pinggu.ItemKey]string) error {
	return db.inTx(ctx, func(c *conn) error {
		in, p, t, err := c.ownInspectionPart(inspectionID)
		if err != nil {
			return err
		}
		if err := pinggu.Authorize(c.actor, pinggu.ActJointComment, t); err != nil {
			return err
		}
		n, err := c.jointComment(jointOfInspection, in.ID, p, comments, func(k pinggu.ItemKey) bool {
			for _, it := range in.Items {
				if it.Key == k {
					return true
				}
			}
			return false
		})
		if err != nil {
			return err
		}
		return c.audit(change{action: "joint_inspection.comment", objectType: "inspection", objectID: in.ID,
			detail: fmt.Sprintf("%s提出%d项检查意见", p.PartnerName, n)})
	})
}

// SignOffInspection records the caller's department's sign-off and tells
// the inspection's regulators.
func (db *DB) SignOffInspection(ctx context.Context, inspectionID int64, s pinggu.SignOff) error {
	return db.inTx(ctx, func(c *conn) error {
		in, p, t, err := c.ownInspectionPart(inspectionID)
		if err != nil {
			return err
		}
		if err := pinggu.Authorize(c.actor, pinggu.ActJointSignOff, t); err != nil {
			return err
		}
		if err := c.jointSign(jointOfInspection, p, &s); err != nil {
			return err
		}
		label := pinggu.SignOpinionLabels[s.Opinion].Zh
		var issuer string
		if err := c.queryRow("SELECT issuer FROM campaigns WHERE id = ?", in.CampaignID).Scan(&issuer); err != nil {
			return err
		}
		recipients := []pinggu.Recipient{pinggu.RegulatorsOf(in.Province)}
		if issuer == "" {
			recipients = append(recipients, pinggu.Recipient{Party: pinggu.PartyMinistry})
		}
		if err := c.notify(&pinggu.Notice{Kind: pinggu.NoticeJointSigned, Subject: pinggu.Ref{Kind: pinggu.RefInspection, ID: in.ID},
			Link: fmt.Sprintf("/inspections/%d", in.ID), OrgID: in.OrgID, Province: in.Province,
			Title:      p.PartnerName + "会签：" + in.Campaign + " · " + in.OrgName,
			Message:    p.PartnerName + "对“" + in.Campaign + "”" + in.OrgName + "检查记录的会签意见：" + label + "。" + s.Comment,
			Recipients: recipients}); err != nil {
			return err
		}
		return c.audit(change{action: "joint_inspection.sign_off", objectType: "inspection", objectID: in.ID, detail: p.PartnerName + "：" + label + " " + s.Comment})
	})
}

// campaignPendingSignOffs names the departments that have not yet signed
// off an inspection of the campaign they take part in.
func (c *conn) campaignPendingSignOffs(campaignID int64) ([]string, error) {
	names, err := queryAll(c, func(sc rowScanner) (string, error) {
		var n string
		return n, sc.Scan(&n)
	}, `SELECT DISTINCT p.partner_name FROM inspection_partners p JOIN inspections i ON i.id = p.inspection_id
		WHERE i.campaign_id = ? AND p.withdrawn_at IS NULL AND p.signed_at IS NULL ORDER BY p.partner_name`, campaignID)
	return names, err
}
