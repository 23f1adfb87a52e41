package ui

import (
	"bytes"
	"io"
	"net/http"
	"strconv"
	"strings"

	"github.com/pinggu/pinggu"
	"github.com/pinggu/pinggu/report"
	"github.com/pinggu/pinggu/web/httpx"
)

type trainingShowData struct {
	Event       *pinggu.TrainingEvent
	Steps       []option
	CanOrganise bool
	CanRecord   bool
	CanRegister bool
	Orgs        []*pinggu.Organisation
}

// trainingShow shows an event: its details, materials, the people listed
// (invited staff see their own organisations'), and the forms the caller
// may use.
func (s *Handler) trainingShow(w http.ResponseWriter, r *http.Request) error {
	e, err := s.training(r)
	if err != nil {
		return err
	}
	p := s.newPage(w, r, "page.training_event")
	p.Form = newForm(nil)
	return s.renderTraining(w, r, p, e, http.StatusOK)
}

func (s *Handler) training(r *http.Request) (*pinggu.TrainingEvent, error) {
	id, err := httpx.PathID(r)
	if err != nil {
		return nil, err
	}
	return s.svc.Training.FindTraining(r.Context(), id)
}

// trainingInvited is whether the caller is in the event's audience as the
// page can tell: the store has already decided the caller sees the event,
// so staff who see it are invited or have people on its list.
func trainingInvited(a *pinggu.Actor) bool { return pinggu.TrainingAudienceMember(a) }

func (s *Handler) renderTraining(w http.ResponseWriter, r *http.Request, p *page, e *pinggu.TrainingEvent, status int) error {
	p.Active = "training"
	sub := pinggu.TrainingSubject(e, trainingInvited(p.Actor))
	d := trainingShowData{Event: e, CanOrganise: pinggu.Allowed(p.Actor, pinggu.ActTrainingOrganise, sub),
		CanRecord: pinggu.Allowed(p.Actor, pinggu.ActTrainingRecord, sub), CanRegister: pinggu.Allowed(p.Actor, pinggu.ActTrainingRegister, sub)}
	if d.CanOrganise {
		for _, st := range []pinggu.TrainingStep{pinggu.TrainingStepOpen, pinggu.TrainingStepHold, pinggu.TrainingStepClose, pinggu.TrainingStepCancel} {
			if _, err := pinggu.TrainingTransition(e.State, st); err == nil {
				d.Steps = append(d.Steps, option{string(st), p.TrainingStep(st)})
			}
		}
		orgs, _, err := s.svc.Organisations.ListOrganisations(r.Context(), pinggu.OrganisationFilter{ListOptions: pinggu.ListOptions{Limit: pinggu.MaxLimit}})
		if err != nil {
			return err
		}
		d.Orgs = orgs
	}
	p.Data = d
	s.render(w, r, status, "training_show", p)
	return nil
}

// trainingFailed shows the event again with the error of a form.
func (s *Handler) trainingFailed(w http.ResponseWriter, r *http.Request, e *pinggu.TrainingEvent, err error) error {
	p := s.newPage(w, r, "page.training_event")
	p.Form = newForm(r.PostForm)
	if !p.Form.fail(p, err) {
		return err
	}
	if fresh, ferr := s.svc.Training.FindTraining(r.Context(), e.ID); ferr == nil {
		e = fresh
	}
	return s.renderTraining(w, r, p, e, http.StatusUnprocessableEntity)
}

func trainingHref(e *pinggu.TrainingEvent) string { return "/training/" + httpx.FormatID(e.ID) }

// trainingStep opens, holds, closes or cancels the event.
func (s *Handler) trainingStep(w http.ResponseWriter, r *http.Request) error {
	e, err := s.training(r)
	if err != nil {
		return err
	}
	_ = r.ParseForm()
	if _, err := s.svc.Training.StepTraining(r.Context(), e.ID, pinggu.TrainingStep(r.PostForm.Get("step")), r.PostForm.Get("reason")); err != nil {
		return s.trainingFailed(w, r, e, err)
	}
	s.redirectFlash(w, r, trainingHref(e), "flash.training_stepped")
	return nil
}

// trainingMaterial uploads a file of the event's materials.
func (s *Handler) trainingMaterial(w http.ResponseWriter, r *http.Request) error {
	e, err := s.training(r)
	if err != nil {
		return err
	}
	if _, err := httpx.AttachFile(r, func(name string, rd io.Reader) (*pinggu.Attachment, error) {
		return s.svc.Training.AttachTrainingMaterial(r.Context(), e.ID, name, rd)
	}); err != nil {
		if pinggu.ErrorCode(err) == pinggu.ETOOLARGE {
			return err
		}
		return s.trainingFailed(w, r, e, err)
	}
	s.redirectFlash(w, r, trainingHref(e), "flash.asm_evidence_added")
	return nil
}

// trainingAttendeeAdd lists a person of an organisation.
func (s *Handler) trainingAttendeeAdd(w http.ResponseWriter, r *http.Request) error {
	e, err := s.training(r)
	if err != nil {
		return err
	}
	_ = r.ParseForm()
	org, _ := httpx.ParseID(r.PostForm.Get("org_id"))
	a := &pinggu.Attendee{OrgID: org, Name: r.PostForm.Get("name"), Position: r.PostForm.Get("position")}
	if err := s.svc.Training.AddAttendee(r.Context(), e.ID, a); err != nil {
		return s.trainingFailed(w, r, e, err)
	}
	s.redirectFlash(w, r, trainingHref(e), "flash.training_attendee_added")
	return nil
}

// trainingRegister registers the caller.
func (s *Handler) trainingRegister(w http.ResponseWriter, r *http.Request) error {
	e, err := s.training(r)
	if err != nil {
		return err
	}
	_ = r.ParseForm()
	if _, err := s.svc.Training.RegisterForTraining(r.Context(), e.ID, r.PostForm.Get("position")); err != nil {
		return s.trainingFailed(w, r, e, err)
	}
	s.redirectFlash(w, r, trainingHref(e), "flash.training_registered")
	return nil
}

// trainingAttendance records who attended and their scores, one row per
// person listed (fields attended_ID and score_ID).
func (s *Handler) trainingAttendance(w http.ResponseWriter, r *http.Request) error {
	e, err := s.training(r)
	if err != nil {
		return err
	}
	_ = r.ParseForm()
	var marks []pinggu.AttendanceMark
	for _, a := range e.Attendees {
		id := httpx.FormatID(a.ID)
		if _, listed := r.PostForm["row_"+id]; !listed {
			continue
		}
		m := pinggu.AttendanceMark{AttendeeID: a.ID, Attended: r.PostForm.Get("attended_"+id) == "on"}
		if v, err := strconv.ParseFloat(strings.TrimSpace(r.PostForm.Get("score_"+id)), 64); err == nil {
			m.Score = &v
		}
		marks = append(marks, m)
	}
	if _, err := s.svc.Training.RecordAttendance(r.Context(), e.ID, marks); err != nil {
		return s.trainingFailed(w, r, e, err)
	}
	s.redirectFlash(w, r, trainingHref(e), "flash.training_recorded")
	return nil
}

// trainingCertificate sends an attendee's certificate as a PDF.
func (s *Handler) trainingCertificate(w http.ResponseWriter, r *http.Request) error {
	id, err := httpx.PathID(r)
	if err != nil {
		return err
	}
	c, err := s.svc.Training.FindTrainingCertificate(r.Context(), id)
	if err != nil {
		return err
	}
	p := s.newPage(w, r, "page.training_event")
	var buf bytes.Buffer
	if err := report.TrainingCertificatePDF(&buf, c, p.Lang); err != nil {
		return err
	}
	sendDownload(w, "application/pdf", c.Attendee.CertNumber+" "+c.Attendee.Name+".pdf", buf.Bytes())
	return nil
}
