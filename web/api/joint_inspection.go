package api

import (
	"net/http"

	"github.com/pinggu/pinggu"
	"github.com/pinggu/pinggu/web/httpx"
)

// The handlers of joint inspections, as those of joint assessments: each
// looks the inspection up first, so one outside the caller's scope (and
// grants) answers 404.

// inspectionPartners lists the departments taking part in an inspection.
func (s *Handler) inspectionPartners(w http.ResponseWriter, r *http.Request) error {
	id, err := httpx.PathID(r)
	var list []*pinggu.JointPartner
	if err == nil {
		list, err = s.svc.JointInspections.InspectionPartners(r.Context(), id)
	}
	if err != nil {
		return err
	}
	s.writeJSON(w, http.StatusOK, newList(list, len(list), pinggu.ListOptions{Limit: max(len(list), 1)}))
	return nil
}

// inspectionInvite invites a partner department to one inspection.
func (s *Handler) inspectionInvite(w http.ResponseWriter, r *http.Request) error {
	id, err := httpx.PathID(r)
	if err == nil {
		_, err = s.svc.Campaigns.FindInspection(r.Context(), id)
	}
	var req inviteRequest
	if err == nil {
		err = s.decodeJSON(w, r, &req)
	}
	var p *pinggu.JointPartner
	if err == nil {
		p, err = s.svc.JointInspections.InviteInspectionPartner(r.Context(), id, req.PartnerOrgID, req.Message)
	}
	if err != nil {
		return err
	}
	s.writeJSON(w, http.StatusCreated, p)
	return nil
}

// campaignInvite invites a partner department to every inspection of a
// campaign recorded so far.
func (s *Handler) campaignInvite(w http.ResponseWriter, r *http.Request) error {
	id, err := httpx.PathID(r)
	if err == nil {
		_, err = s.svc.Campaigns.FindCampaign(r.Context(), id)
	}
	var req inviteRequest
	if err == nil {
		err = s.decodeJSON(w, r, &req)
	}
	n := 0
	if err == nil {
		n, err = s.svc.JointInspections.InviteCampaignPartner(r.Context(), id, req.PartnerOrgID, req.Message)
	}
	if err != nil {
		return err
	}
	s.writeJSON(w, http.StatusCreated, countResponse{Count: n})
	return nil
}

// inspectionParticipationWithdraw ends a department's part in an inspection.
func (s *Handler) inspectionParticipationWithdraw(w http.ResponseWriter, r *http.Request) error {
	id, err := httpx.PathID(r)
	if err == nil {
		err = s.svc.JointInspections.WithdrawInspectionPartner(r.Context(), id)
	}
	if err != nil {
		return err
	}
	w.WriteHeader(http.StatusNoContent)
	return nil
}

// inspectionPartnerComments saves the caller's department's comments.
func (s *Handler) inspectionPartnerComments(w http.ResponseWriter, r *http.Request) error {
	id, err := httpx.PathID(r)
	if err == nil {
		_, err = s.svc.Campaigns.FindInspection(r.Context(), id)
	}
	var req map[pinggu.ItemKey]string
	if err == nil {
		err = s.decodeJSON(w, r, &req)
	}
	if err == nil {
		err = s.svc.JointInspections.CommentInspectionItems(r.Context(), id, req)
	}
	if err != nil {
		return err
	}
	return s.inspectionPartners(w, r)
}

// inspectionSignOff records the caller's department's sign-off.
func (s *Handler) inspectionSignOff(w http.ResponseWriter, r *http.Request) error {
	id, err := httpx.PathID(r)
	if err == nil {
		_, err = s.svc.Campaigns.FindInspection(r.Context(), id)
	}
	var req pinggu.SignOff
	if err == nil {
		err = s.decodeJSON(w, r, &req)
	}
	if err == nil {
		err = s.svc.JointInspections.SignOffInspection(r.Context(), id, req)
	}
	if err != nil {
		return err
	}
	return s.inspectionPartners(w, r)
}
