package ui

import (
	"net/http"
	"strconv"

	"github.com/pinggu/pinggu"
)

// The pages of the joint-unit mechanism and of joint assessments.

type jointData struct {
	Members  []*pinggu.JointMember
	Meetings []*pinggu.JointMeeting
	Messages []*pinggu.JointMessage
	// Levels are the mechanisms the caller keeps; empty for a member.
	Levels, Kinds, Exchange []option
	Orgs                    []*pinggu.Organisation
}

// jointShow is the mechanism's page: members, meetings and the information
// exchanged, with the forms of its regulator.
func (s *Handler) jointShow(w http.ResponseWriter, r *http.Request) error {
	p := s.newPage(w, r, "page.coop_joint")
	p.Form = newForm(nil)
	return s.renderJoint(w, r, p, http.StatusOK)
}

func (s *Handler) renderJoint(w http.ResponseWriter, r *http.Request, p *page, status int) error {
	p.Active = "cooperation"
	all := pinggu.JointFilter{ListOptions: pinggu.ListOptions{Limit: pinggu.MaxLimit}}
	var d jointData
	var err error
	if d.Members, _, err = s.svc.JointUnits.ListMembers(r.Context(), all); err != nil {
		return err
	}
	if d.Meetings, _, err = s.svc.JointUnits.ListMeetings(r.Context(), all); err != nil {
		return err
	}
	if d.Messages, _, err = s.svc.JointUnits.ListMessages(r.Context(), all); err != nil {
		return err
	}
	for _, l := range jurisdictionOptions(p) {
		if pinggu.Allowed(p.Actor, pinggu.ActJointUnitManage, pinggu.Subject{Province: l.Value}) {
			d.Levels = append(d.Levels, l)
		}
	}
	if len(d.Levels) > 0 {
		d.Kinds = labelOptions(p.Lang, pinggu.MemberKinds, pinggu.MemberKindLabels)
		d.Exchange = labelOptions(p.Lang, []pinggu.ExchangeKind{pinggu.ExchangeRisk, pinggu.ExchangeNotice}, pinggu.ExchangeKindLabels)
		if d.Orgs, _, err = s.svc.Organisations.ListOrganisations(r.Context(), pinggu.OrganisationFilter{ListOptions: pinggu.ListOptions{Limit: pinggu.MaxLimit, Sort: "name"}}); err != nil {
			return err
		}
	}
	p.Data = d
	s.render(w, r, status, "joint", p)
	return nil
}

// jointForm runs a form of the mechanism's page.
func (s *Handler) jointForm(w http.ResponseWriter, r *http.Request, back, flash string, do func(v func(string) string) error) error {
	_ = r.ParseForm()
	return s.postAction(w, r, back, flash, func() error { return do(r.PostForm.Get) }, func(p *page) error {
		return s.renderJoint(w, r, p, http.StatusUnprocessableEntity)
	})
}

// jointMemberAdd records a membership.
func (s *Handler) jointMemberAdd(w http.ResponseWriter, r *http.Request) error {
	return s.jointForm(w, r, "/joint", "flash.coop_member_added", func(v func(string) string) error {
		return s.svc.JointUnits.AddMember(r.Context(), &pinggu.JointMember{Province: v("province"), OrgID: formID(v("org_id")), Kind: pinggu.MemberKind(v("kind")),
			ContactName: v("contact_name"), ContactPhone: v("contact_phone"), ContactEmail: v("contact_email"), JoinedOn: formDay(v("joined_on")), Note: v("note")})
	})
}

// jointMemberEnd records that a unit left.
func (s *Handler) jointMemberEnd(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r)
	if err != nil {
		return err
	}
	return s.jointForm(w, r, "/joint", "flash.coop_member_ended", func(v func(string) string) error {
		return s.svc.JointUnits.EndMembership(r.Context(), id, formDay(v("left_on")))
	})
}

// jointMeetingCreate schedules a meeting and shows it.
func (s *Handler) jointMeetingCreate(w http.ResponseWriter, r *http.Request) error {
	_ = r.ParseForm()
	v := r.PostForm.Get
	m := &pinggu.JointMeeting{Province: v("province"), Title: v("title"), HeldAt: formTime(v("held_at")), Place: v("place"), Agenda: v("agenda")}
	if err := s.svc.JointUnits.CreateMeeting(r.Context(), m); err != nil {
		if !isFormError(err) {
			return err
		}
		p := s.newPage(w, r, "page.coop_joint")
		p.Form = newForm(r.PostForm)
		p.Form.fail(p, err)
		return s.renderJoint(w, r, p, http.StatusUnprocessableEntity)
	}
	s.redirectFlash(w, r, meetingLink(m.ID), "flash.coop_meeting_created")
	return nil
}

// meetingLink is a meeting's page.
func meetingLink(id int64) string { return "/joint/meetings/" + strconv.FormatInt(id, 10) }

type meetingData struct {
	M         *pinggu.JointMeeting
	CanManage bool
	Members   []*pinggu.JointMember
}

// jointMeetingShow shows a meeting with its minutes and tasks.
func (s *Handler) jointMeetingShow(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r)
	if err != nil {
		return err
	}
	p := s.newPage(w, r, "page.coop_joint")
	p.Form = newForm(nil)
	return s.renderMeeting(w, r, p, id, http.StatusOK)
}

func (s *Handler) renderMeeting(w http.ResponseWriter, r *http.Request, p *page, id int64, status int) error {
	m, err := s.svc.JointUnits.FindMeeting(r.Context(), id)
	if err != nil {
		return err
	}
	p.Active, p.Title = "cooperation", m.Title
	d := meetingData{M: m, CanManage: pinggu.Allowed(p.Actor, pinggu.ActJointUnitManage, pinggu.Subject{Province: m.Province})}
	if d.CanManage {
		level := m.Province
		if level == "" {
			level = "national"
		}
		members, _, err := s.svc.JointUnits.ListMembers(r.Context(), pinggu.JointFilter{Province: level, ListOptions: pinggu.ListOptions{Limit: pinggu.MaxLimit}})
		if err != nil {
			return err
		}
		for _, x := range members {
			if x.LeftOn == nil {
				d.Members = append(d.Members, x)
			}
		}
	}
	p.Data = d
	s.render(w, r, status, "joint_meeting", p)
	return nil
}

// MayCompleteTask reports whether the actor may complete a meeting's task.
func (p *page) MayCompleteTask(m *pinggu.JointMeeting, t *pinggu.JointTask) bool {
	return pinggu.Allowed(p.Actor, pinggu.ActJointTaskComplete, pinggu.Subject{Province: m.Province, OrgID: t.OrgID, State: string(t.State)})
}

// meetingForm runs a form of a meeting's page.
func (s *Handler) meetingForm(w http.ResponseWriter, r *http.Request, id int64, flash string, do func(v func(string) string) error) error {
	_ = r.ParseForm()
	return s.postAction(w, r, meetingLink(id), flash, func() error { return do(r.PostForm.Get) }, func(p *page) error {
		return s.renderMeeting(w, r, p, id, http.StatusUnprocessableEntity)
	})
}

// meetingInScope reads the path's meeting id (404 for one not seen).
func (s *Handler) meetingInScope(r *http.Request) (int64, error) {
	id, err := pathID(r)
	if err == nil {
		_, err = s.svc.JointUnits.FindMeeting(r.Context(), id)
	}
	return id, err
}

// jointMeetingMinutes records the minutes and decisions.
func (s *Handler) jointMeetingMinutes(w http.ResponseWriter, r *http.Request) error {
	id, err := s.meetingInScope(r)
	if err != nil {
		return err
	}
	return s.meetingForm(w, r, id, "flash.coop_minutes", func(v func(string) string) error {
		_, err := s.svc.JointUnits.RecordMinutes(r.Context(), id, v("minutes"), v("decisions"))
		return err
	})
}

// jointTaskAdd gives a member a task.
func (s *Handler) jointTaskAdd(w http.ResponseWriter, r *http.Request) error {
	id, err := s.meetingInScope(r)
	if err != nil {
		return err
	}
	return s.meetingForm(w, r, id, "flash.coop_task_issued", func(v func(string) string) error {
		_, err := s.svc.JointUnits.AddJointTask(r.Context(), id, pinggu.JointTaskRequest{MemberID: formID(v("member_id")), Title: v("title"), Detail: v("detail"), DueOn: formDay(v("due_on"))})
		return err
	})
}

// jointTaskDone completes a task and returns to its meeting.
func (s *Handler) jointTaskDone(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r)
	if err != nil {
		return err
	}
	_ = r.ParseForm()
	meetingID := formID(r.PostForm.Get("meeting_id"))
	m, err := s.svc.JointUnits.FindMeeting(r.Context(), meetingID)
	found := false
	if err == nil {
		for _, t := range m.Tasks {
			found = found || t.ID == id
		}
	}
	if !found {
		return errNotFound
	}
	return s.meetingForm(w, r, meetingID, "flash.coop_task_done", func(v func(string) string) error {
		return s.svc.JointUnits.CompleteJointTask(r.Context(), id, v("note"))
	})
}

// jointMessageSend pushes a message to the members.
func (s *Handler) jointMessageSend(w http.ResponseWriter, r *http.Request) error {
	return s.jointForm(w, r, "/joint", "flash.coop_message_sent", func(v func(string) string) error {
		return s.svc.JointUnits.SendMessage(r.Context(), &pinggu.JointMessage{Province: v("province"), Kind: pinggu.ExchangeKind(v("kind")), Title: v("title"), Body: v("body")})
	})
}

// jointMessageShow shows a message with its read receipts.
func (s *Handler) jointMessageShow(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r)
	if err != nil {
		return err
	}
	m, err := s.svc.JointUnits.FindMessage(r.Context(), id)
	if err != nil {
		return err
	}
	p := s.newPage(w, r, "page.coop_joint")
	p.Active, p.Title, p.Data = "cooperation", m.Title, m
	s.render(w, r, http.StatusOK, "joint_message", p)
	return nil
}
