package ui

import (
	"net/http"
	"strconv"
	"strings"

	"github.com/pinggu/pinggu"
)

type jointAssessmentData struct {
	A *pinggu.Assessment
	*jointWork
}

// assessmentJoint is the joint-assessment page of an assessment: the
// departments taking part with their comments and sign-offs; the
// regulator's invitation form and a department's comment and sign-off
// forms.
func (s *Handler) assessmentJoint(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r)
	if err != nil {
		return err
	}
	p := s.newPage(w, r, "coop.joint_assessment")
	p.Form = newForm(nil)
	return s.renderAssessmentJoint(w, r, p, id, http.StatusOK)
}

func (s *Handler) renderAssessmentJoint(w http.ResponseWriter, r *http.Request, p *page, id int64, status int) error {
	a, err := s.svc.Assessments.FindAssessment(r.Context(), id)
	if err != nil {
		return err
	}
	parts, err := s.svc.JointAssessments.AssessmentPartners(r.Context(), id)
	if err != nil {
		return err
	}
	p.Active = "assessment"
	numbers := map[pinggu.ItemKey]int{}
	for _, it := range a.Items {
		numbers[it.Key] = it.N
	}
	joint, err := s.newJointData(r, p, parts, pinggu.AssessmentSubject(a), pinggu.Subject{Province: a.Province, State: string(a.State)}, numbers)
	if err != nil {
		return err
	}
	d := jointAssessmentData{A: a, jointWork: joint}
	p.Title = p.T("coop.joint_assessment") + p.Colon() + a.Title
	p.Data = d
	s.render(w, r, status, "assessment_joint", p)
	return nil
}

// jointAssessmentForm runs a form of the joint-assessment page.
func (s *Handler) jointAssessmentForm(w http.ResponseWriter, r *http.Request, flash string, do func(id int64) error) error {
	id, err := pathID(r)
	if err == nil {
		_, err = s.svc.Assessments.FindAssessment(r.Context(), id)
	}
	if err != nil {
		return err
	}
	_ = r.ParseForm()
	back := "/assessments/" + strconv.FormatInt(id, 10) + "/joint"
	return s.postAction(w, r, back, flash, func() error { return do(id) }, func(p *page) error {
		return s.renderAssessmentJoint(w, r, p, id, http.StatusUnprocessableEntity)
	})
}

// assessmentInvite brings a partner department in.
func (s *Handler) assessmentInvite(w http.ResponseWriter, r *http.Request) error {
	return s.jointAssessmentForm(w, r, "flash.coop_invited", func(id int64) error {
		_, err := s.svc.JointAssessments.InvitePartner(r.Context(), id, formID(r.PostForm.Get("partner_org_id")), r.PostForm.Get("message"))
		return err
	})
}

// assessmentPartnerComments saves the department's comments (fields
// comment.<item key>).
func (s *Handler) assessmentPartnerComments(w http.ResponseWriter, r *http.Request) error {
	return s.jointAssessmentForm(w, r, "flash.coop_commented", func(id int64) error {
		comments := map[pinggu.ItemKey]string{}
		for k, vs := range r.PostForm {
			if key, ok := strings.CutPrefix(k, "comment."); ok && len(vs) > 0 {
				comments[pinggu.ItemKey(key)] = vs[0]
			}
		}
		return s.svc.JointAssessments.CommentItems(r.Context(), id, comments)
	})
}

// assessmentSignOff records the department's sign-off.
func (s *Handler) assessmentSignOff(w http.ResponseWriter, r *http.Request) error {
	return s.jointAssessmentForm(w, r, "flash.coop_signed", func(id int64) error {
		return s.svc.JointAssessments.SignOffAssessment(r.Context(), id, pinggu.SignOff{Opinion: pinggu.SignOpinion(r.PostForm.Get("opinion")), Comment: r.PostForm.Get("comment")})
	})
}

// participationWithdraw ends a department's part.
func (s *Handler) participationWithdraw(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r)
	if err != nil {
		return err
	}
	_ = r.ParseForm()
	asmID := formID(r.PostForm.Get("assessment_id"))
	if _, err := s.svc.Assessments.FindAssessment(r.Context(), asmID); err != nil {
		return err
	}
	return s.postAction(w, r, "/assessments/"+strconv.FormatInt(asmID, 10)+"/joint", "flash.coop_withdrawn", func() error {
		return s.svc.JointAssessments.WithdrawPartner(r.Context(), id)
	}, func(p *page) error { return s.renderAssessmentJoint(w, r, p, asmID, http.StatusUnprocessableEntity) })
}

// SeesJoint reports whether the actor works on the joint assessment of a:
// its regulators and the partner departments.
func (p *page) SeesJoint(a *pinggu.Assessment) bool {
	return pinggu.MayReview(p.Actor, a) || pinggu.Allowed(p.Actor, pinggu.ActJointInvite, pinggu.AssessmentSubject(a)) || len(p.Actor.Grantees()) > 0
}
