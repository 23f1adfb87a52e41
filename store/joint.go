package store

import (
	"fmt"
	"slices"
	"strings"

	"github.com/pinggu/pinggu"
)

// Joint work on a record (an assessment, an inspection): partner
// departments invited, each one's comments per item and sign-off, and the
// share grant that lets the department see the record. The two kinds keep
// the same columns in their own tables; jointKind names them, and the
// helpers below are the one implementation both use.

// jointKind names the tables and grant of one kind of joint work.
type jointKind struct {
	table, comments, recordCol string
	grant, source              string // the share grant's ref_kind and source_kind
	audit                      string // prefix of the audit actions
	name                       string // what a participation is called
	// Messages: a department already taking part, a comment on an item
	// the record does not have, the comments' error.
	dup, badKey, badComments string
}

var (
	jointOfAssessment = jointKind{table: "assessment_partners", comments: "assessment_partner_comments", recordCol: "assessment_id",
		grant: pinggu.GrantAssessment, source: participationSource, audit: "joint_assessment", name: "联合评估参与记录",
		dup: "%s已参与此评估", badKey: "评估项“%s”不属于此评估", badComments: "评估意见有误"}
	jointOfInspection = jointKind{table: "inspection_partners", comments: "inspection_partner_comments", recordCol: "inspection_id",
		grant: pinggu.GrantInspection, source: "inspection_partner", audit: "joint_inspection", name: "联合检查参与记录",
		dup: "%s已参与此检查", badKey: "检查项“%s”不属于此检查记录", badComments: "检查意见有误"}
)

func (k jointKind) cols() string {
	return "p.id, p." + k.recordCol + `, p.partner_org_id, p.partner_name, p.message, p.invited_by, p.invited_at, p.opinion,
	p.sign_comment, p.signed_by, p.signed_at, p.withdrawn_at`
}

func (k jointKind) scan(sc rowScanner) (*pinggu.JointPartner, error) {
	var p pinggu.JointPartner
	var record int64
	var opinion string
	var invited, signed, withdrawn tscan
	err := sc.Scan(&p.ID, &record, &p.PartnerOrgID, &p.PartnerName, &p.Message, &p.InvitedBy, &invited, &opinion,
		&p.SignComment, &p.SignedBy, &signed, &withdrawn)
	p.Opinion, p.InvitedAt, p.SignedAt, p.WithdrawnAt = pinggu.SignOpinion(opinion), invited.T, signed.Ptr(), withdrawn.Ptr()
	if k.recordCol == "inspection_id" {
		p.InspectionID = record
	} else {
		p.AssessmentID = record
	}
	return &p, err
}

// jointParticipations lists the live participations in a record with
// their comments: all of them for whoever sees the record whole by its
// own scope, the caller's department's only for a partner department.
func (c *conn) jointParticipations(k jointKind, recordID int64, whole bool) ([]*pinggu.JointPartner, error) {
	var w where
	w.add("p."+k.recordCol+" = ?", recordID)
	w.add("p.withdrawn_at IS NULL")
	if orgs := c.actor.Grantees(); len(orgs) > 0 && !whole {
		args := make([]any, len(orgs))
		for i, id := range orgs {
			args[i] = id
		}
		w.add("p.partner_org_id IN ("+placeholders(len(orgs))+")", args...)
	}
	ps, err := queryAll(c, k.scan, "SELECT "+k.cols()+" FROM "+k.table+" p"+w.sql()+" ORDER BY p.id", w.args...)
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
		}, "SELECT partner_org_id, key, comment, by_user, at FROM "+k.comments+" WHERE "+k.recordCol+" = ? AND partner_org_id = ? ORDER BY key",
			recordID, p.PartnerOrgID)
		if err != nil {
			return nil, err
		}
	}
	return ps, nil
}

// jointInvite adds a partner department of the caller's level to a record
// and grants it the record; the caller has authorised the invitation.
func (c *conn) jointInvite(k jointKind, recordID, partnerOrgID int64, message string) (*pinggu.JointPartner, error) {
	o, err := c.findOrgAny(partnerOrgID)
	j, _ := c.actor.Jurisdiction()
	if err != nil || o.Kind != pinggu.OrgPartner || !j.SameLevel(o.Province) {
		return nil, invalidRef("partner_org_id", "请选择同级协作部门")
	}
	var n int
	if err := c.queryRow("SELECT count(*) FROM "+k.table+" WHERE "+k.recordCol+" = ? AND partner_org_id = ? AND withdrawn_at IS NULL",
		recordID, o.ID).Scan(&n); err != nil {
		return nil, err
	}
	if n > 0 {
		return nil, pinggu.Errorf(pinggu.ECONFLICT, k.dup, o.Name)
	}
	p := &pinggu.JointPartner{PartnerOrgID: o.ID, PartnerName: o.Name, Message: strings.TrimSpace(message), InvitedBy: actorName(c.actor), InvitedAt: c.now}
	if k.recordCol == "inspection_id" {
		p.InspectionID = recordID
	} else {
		p.AssessmentID = recordID
	}
	if err := c.queryRow("INSERT INTO "+k.table+" ("+k.recordCol+`, partner_org_id, partner_name, message, invited_by, invited_at)
		VALUES (?, ?, ?, ?, ?, ?) RETURNING id`, recordID, o.ID, o.Name, p.Message, p.InvitedBy, tval(c.now)).Scan(&p.ID); err != nil {
		return nil, fmt.Errorf("store: invite partner: %w", err)
	}
	if err := c.grant(o.ID, k.grant, recordID, k.source, p.ID); err != nil {
		return nil, err
	}
	return p, nil
}

// jointParticipation loads a live participation by its id, before the
// caller's scope of its record is checked.
func (c *conn) jointParticipation(k jointKind, id int64) (*pinggu.JointPartner, int64, error) {
	p, err := k.scan(c.queryRow("SELECT "+k.cols()+" FROM "+k.table+" p WHERE p.id = ? AND p.withdrawn_at IS NULL", id))
	if err != nil {
		return nil, 0, noRows(err, k.name)
	}
	return p, p.AssessmentID + p.InspectionID, nil
}

// jointWithdraw ends a participation and the access it gave.
func (c *conn) jointWithdraw(k jointKind, p *pinggu.JointPartner) error {
	if _, err := c.exec("UPDATE "+k.table+" SET withdrawn_at = ? WHERE id = ?", tval(c.now), p.ID); err != nil {
		return err
	}
	return c.revokeGrants(k.source, p.ID)
}

// ownJoint picks the caller's department's participation, and the subject
// the policy decides its comments and sign-off by (base: the record's).
func (c *conn) ownJoint(ps []*pinggu.JointPartner, base pinggu.Subject) (*pinggu.JointPartner, pinggu.Subject) {
	for _, p := range ps {
		if slices.Contains(c.actor.Grantees(), p.PartnerOrgID) {
			t := base
			t.OrgID = p.PartnerOrgID
			if p.SignedAt != nil {
				t.To = "signed"
			}
			return p, t
		}
	}
	return nil, base
}

// jointComment saves a department's comments by item (has says which keys
// are the record's); an empty comment removes one. It returns how many
// items were commented on.
func (c *conn) jointComment(k jointKind, recordID int64, p *pinggu.JointPartner, comments map[pinggu.ItemKey]string, has func(pinggu.ItemKey) bool) (int, error) {
	var v pinggu.Validation
	keys := make([]string, 0, len(comments))
	for key := range comments {
		keys = append(keys, string(key))
	}
	slices.Sort(keys)
	for _, key := range keys {
		text := strings.TrimSpace(comments[pinggu.ItemKey(key)])
		if !has(pinggu.ItemKey(key)) {
			v.Add(0, "comments."+key, k.badKey, key)
			continue
		}
		if _, err := c.exec("DELETE FROM "+k.comments+" WHERE "+k.recordCol+" = ? AND partner_org_id = ? AND key = ?", recordID, p.PartnerOrgID, key); err != nil {
			return 0, err
		}
		if text == "" {
			continue
		}
		if _, err := c.exec("INSERT INTO "+k.comments+" ("+k.recordCol+", partner_org_id, key, comment, by_user, at) VALUES (?, ?, ?, ?, ?, ?)",
			recordID, p.PartnerOrgID, key, text, actorName(c.actor), tval(c.now)); err != nil {
			return 0, err
		}
	}
	return len(keys), v.Err(k.badComments)
}

// jointSign records a department's sign-off.
func (c *conn) jointSign(k jointKind, p *pinggu.JointPartner, s *pinggu.SignOff) error {
	if err := s.Check(); err != nil {
		return err
	}
	_, err := c.exec("UPDATE "+k.table+" SET opinion = ?, sign_comment = ?, signed_by = ?, signed_at = ? WHERE id = ?",
		string(s.Opinion), s.Comment, actorName(c.actor), tval(c.now), p.ID)
	return err
}

// jointPending names the departments taking part in a record that have
// not signed it off.
func (c *conn) jointPending(k jointKind, recordID int64) ([]string, error) {
	return queryAll(c, func(sc rowScanner) (string, error) {
		var n string
		return n, sc.Scan(&n)
	}, "SELECT partner_name FROM "+k.table+" WHERE "+k.recordCol+" = ? AND withdrawn_at IS NULL AND signed_at IS NULL ORDER BY id", recordID)
}
