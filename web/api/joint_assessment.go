package api

import (
	"net/http"

	"github.com/pinggu/pinggu"
	"github.com/pinggu/pinggu/web/httpx"
)

// The handlers of joint assessments. Each looks the assessment up first,
// so one outside the caller's scope (and grants) answers 404.

// assessmentPartners lists the departments taking part in an assessment.
func (s *Handler) assessmentPartners(w http.ResponseWriter, r *http.Request) error {
	id, err := httpx.PathID(r)
	var list []*pinggu.AssessmentPartner
	if err == nil {
		list, err = s.svc.JointAssessments.AssessmentPartners(r.Context(), id)
	}
	if err != nil {
		return err
	}
	s.writeJSON(w, http.StatusOK, newList(list, len(list), pinggu.ListOptions{Limit: max(len(list), 1)}))
	return nil
}

// inviteRequest brings a partner department into an assessment.
type inviteRequest struct {
	PartnerOrgID int64  `json:"partner_org_id"`
	Message      string `json:"message,omitempty"`
}

// assessmentInvite invites a partner department.
func (s *Handler) assessmentInvite(w http.ResponseWriter, r *http.Request) error {
	id, err := httpx.PathID(r)
	if err == nil {
		_, err = s.svc.Assessments.FindAssessment(r.Context(), id)
	}
	var req inviteRequest
	if err == nil {
		err = s.decodeJSON(w, r, &req)
	}
	var p *pinggu.AssessmentPartner
	if err == nil {
		p, err = s.svc.JointAssessments.InvitePartner(r.Context(), id, req.PartnerOrgID, req.Message)
	}
	if err != nil {
		return err
	}
	s.writeJSON(w, http.StatusCreated, p)
	return nil
}

// participationWithdraw ends a department's part in an assessment.
func (s *Handler) participationWithdraw(w http.ResponseWriter, r *http.Request) error {
	id, err := httpx.PathID(r)
	if err == nil {
		err = s.svc.JointAssessments.WithdrawPartner(r.Context(), id)
	}
	if err != nil {
		return err
	}
	w.WriteHeader(http.StatusNoContent)
	return nil
}

// assessmentPartnerComments saves the caller's department's comments.
func (s *Handler) assessmentPartnerComments(w http.ResponseWriter, r *http.Request) error {
	id, err := httpx.PathID(r)
	if err == nil {
		_, err = s.svc.Assessments.FindAssessment(r.Context(), id)
	}
	var req map[pinggu.ItemKey]string
	if err == nil {
		err = s.decodeJSON(w, r, &req)
	}
	if err == nil {
		err = s.svc.JointAssessments.CommentItems(r.Context(), id, req)
	}
	if err != nil {
		return err
	}
	return s.assessmentPartners(w, r)
}

// assessmentSignOff records the caller's department's sign-off.
func (s *Handler) assessmentSignOff(w http.ResponseWriter, r *http.Request) error {
	id, err := httpx.PathID(r)
	if err == nil {
		_, err = s.svc.Assessments.FindAssessment(r.Context(), id)
	}
	var req pinggu.SignOff
	if err == nil {
		err = s.decodeJSON(w, r, &req)
	}
	if err == nil {
		err = s.svc.JointAssessments.SignOffAssessment(r.Context(), id, req)
	}
	if err != nil {
		return err
	}
	return s.assessmentPartners(w, r)
}
