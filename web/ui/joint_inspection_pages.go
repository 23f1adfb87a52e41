package ui

import (
	"net/http"
	"slices"
	"strconv"
	"strings"

	"github.com/pinggu/pinggu"
)

// jointWork is the joint work on a record as its page shows it: the
// departments taking part with their comments and sign-offs, the
// regulator's invitation form, a department's comment and sign-off forms.
type jointWork struct {
	Partners []*pinggu.JointPartner
	// Own is the caller's department's participation; Comments its comments by item.
	Own      *pinggu.JointPartner
	Comments map[pinggu.ItemKey]string
	// Numbers are the items' numbers as the record's page shows them.
	Numbers    map[pinggu.ItemKey]int
	CanInvite  bool
	CanComment bool
	CanSign    bool
	Candidates []pinggu.OrgRef
	Opinions   []option
}

// CommentOf is the caller's department's comment on an item.
func (d *jointWork) CommentOf(k pinggu.ItemKey) string { return d.Comments[k] }

// ItemNo is an item's number as the record's page shows it, so that a
// comment names the item as the officer sees it, not by its key.
func (d *jointWork) ItemNo(k pinggu.ItemKey) int { return d.Numbers[k] }

// newJointData works out what the viewer may do on a record with its
// participations: invite is the policy's subject of the record for the
// regulator's invitation, base its subject for a department's own part;
// numbers are the record's items' numbers.
func (s *Handler) newJointData(r *http.Request, p *page, parts []*pinggu.JointPartner, invite, base pinggu.Subject, numbers map[pinggu.ItemKey]int) (*jointWork, error) {
	d := &jointWork{Partners: parts, Comments: map[pinggu.ItemKey]string{}, Numbers: numbers,
		CanInvite: pinggu.Allowed(p.Actor, pinggu.ActJointInvite, invite),
		Opinions:  labelOptions(p.Lang, pinggu.SignOpinions, pinggu.SignOpinionLabels)}
	for _, x := range parts {
		if slices.Contains(p.Actor.Grantees(), x.PartnerOrgID) {
			d.Own = x
		}
	}
	if d.Own != nil {
		t := base
		t.OrgID = d.Own.PartnerOrgID
		if d.Own.SignedAt != nil {
			t.To = "signed"
		}
		d.CanComment = pinggu.Allowed(p.Actor, pinggu.ActJointComment, t)
		d.CanSign = pinggu.Allowed(p.Actor, pinggu.ActJointSignOff, t)
		for _, c := range d.Own.Comments {
			d.Comments[c.Key] = c.Comment
		}
	}
	if d.CanInvite && s.svc.Cases != nil {
		j, _ := p.Actor.Jurisdiction()
		var err error
		if d.Candidates, err = s.svc.Cases.PartnerDepartments(r.Context(), j.Province); err != nil {
			return nil, err
		}
	}
	return d, nil
}

// inspectionJoint loads the joint work on an inspection for its page; nil
// when the server has no joint inspections.
func (s *Handler) inspectionJoint(r *http.Request, p *page, in *pinggu.Inspection) (*jointWork, error) {
	if s.svc.JointInspections == nil {
		return nil, nil
	}
	parts, err := s.svc.JointInspections.InspectionPartners(r.Context(), in.ID)
	if err != nil {
		return nil, err
	}
	numbers := map[pinggu.ItemKey]int{}
	for i, it := range in.Items {
		numbers[it.Key] = i + 1
	}
	return s.newJointData(r, p, parts, in.JointSubject(), in.JointSubject(), numbers)
}

// jointInspectionForm runs a form of the joint part of an inspection's
// page and returns to it.
func (s *Handler) jointInspectionForm(w http.ResponseWriter, r *http.Request, flash string, do func(id int64) error) error {
	id, err := pathID(r)
	if err == nil {
		_, err = s.svc.Campaigns.FindInspection(r.Context(), id)
	}
	if err != nil {
		return err
	}
	_ = r.ParseForm()
	back := "/inspections/" + strconv.FormatInt(id, 10) + "#joint"
	return s.postAction(w, r, back, flash, func() error { return do(id) }, func(p *page) error {
		return s.renderInspection(w, r, p, id, http.StatusUnprocessableEntity)
	})
}

// inspectionInvite brings a partner department into an inspection.
func (s *Handler) inspectionInvite(w http.ResponseWriter, r *http.Request) error {
	return s.jointInspectionForm(w, r, "flash.joint_inspection_invited", func(id int64) error {
		_, err := s.svc.JointInspections.InviteInspectionPartner(r.Context(), id, formID(r.PostForm.Get("partner_org_id")), r.PostForm.Get("message"))
		return err
	})
}

// inspectionPartnerComments saves the department's comments (fields
// comment.<item key>).
func (s *Handler) inspectionPartnerComments(w http.ResponseWriter, r *http.Request) error {
	return s.jointInspectionForm(w, r, "flash.coop_commented", func(id int64) error {
		comments := map[pinggu.ItemKey]string{}
		for k, vs := range r.PostForm {
			if key, ok := strings.CutPrefix(k, "comment."); ok && len(vs) > 0 {
				comments[pinggu.ItemKey(key)] = vs[0]
			}
		}
		return s.svc.JointInspections.CommentInspectionItems(r.Context(), id, comments)
	})
}

// inspectionSignOff records the department's sign-off.
func (s *Handler) inspectionSignOff(w http.ResponseWriter, r *http.Request) error {
	return s.jointInspectionForm(w, r, "flash.coop_signed", func(id int64) error {
		return s.svc.JointInspections.SignOffInspection(r.Context(), id, pinggu.SignOff{Opinion: pinggu.SignOpinion(r.PostForm.Get("opinion")), Comment: r.PostForm.Get("comment")})
	})
}

// inspectionParticipationWithdraw ends a department's part in an inspection.
func (s *Handler) inspectionParticipationWithdraw(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r)
	if err != nil {
		return err
	}
	_ = r.ParseForm()
	inspID := formID(r.PostForm.Get("inspection_id"))
	if _, err := s.svc.Campaigns.FindInspection(r.Context(), inspID); err != nil {
		return err
	}
	return s.postAction(w, r, "/inspections/"+strconv.FormatInt(inspID, 10)+"#joint", "flash.joint_inspection_withdrawn", func() error {
		return s.svc.JointInspections.WithdrawInspectionPartner(r.Context(), id)
	}, func(p *page) error { return s.renderInspection(w, r, p, inspID, http.StatusUnprocessableEntity) })
}

// campaignInvite brings a partner department into every inspection of a
// campaign recorded so far.
func (s *Handler) campaignInvite(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r)
	if err != nil {
		return err
	}
	if _, err := s.svc.Campaigns.FindCampaign(r.Context(), id); err != nil {
		return err
	}
	_ = r.ParseForm()
	return s.campaignAction(w, r, id, func(p *page) (string, int, error) {
		n, err := s.svc.JointInspections.InviteCampaignPartner(r.Context(), id, formID(r.PostForm.Get("partner_org_id")), r.PostForm.Get("message"))
		return "", n, err
	})
}
