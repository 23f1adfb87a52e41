package api

import (
	"net/http"
	"time"

	"github.com/pinggu/pinggu"
	"github.com/pinggu/pinggu/web/httpx"
)

// The handlers of the joint-unit mechanism.

// jointMembers lists the memberships the caller sees.
func (s *Handler) jointMembers(w http.ResponseWriter, r *http.Request) error {
	var f pinggu.JointFilter
	if err := httpx.DecodeQuery(r.URL.Query(), &f); err != nil {
		return err
	}
	f.ListOptions = f.ListOptions.Normalize()
	items, total, err := s.svc.JointUnits.ListMembers(r.Context(), f)
	if err != nil {
		return err
	}
	s.writeJSON(w, http.StatusOK, newList(items, total, f.ListOptions))
	return nil
}

// jointMemberAdd records a membership.
func (s *Handler) jointMemberAdd(w http.ResponseWriter, r *http.Request) error {
	var m pinggu.JointMember
	if err := s.decodeJSON(w, r, &m); err != nil {
		return err
	}
	if err := s.svc.JointUnits.AddMember(r.Context(), &m); err != nil {
		return err
	}
	s.writeJSON(w, http.StatusCreated, &m)
	return nil
}

// leaveRequest records the day a unit left.
type leaveRequest struct {
	LeftOn time.Time `json:"left_on"`
}

// jointMemberEnd records the end of a membership.
func (s *Handler) jointMemberEnd(w http.ResponseWriter, r *http.Request) error {
	id, err := httpx.PathID(r)
	var req leaveRequest
	if err == nil {
		err = s.decodeJSON(w, r, &req)
	}
	if err == nil {
		err = s.svc.JointUnits.EndMembership(r.Context(), id, req.LeftOn)
	}
	if err != nil {
		return err
	}
	w.WriteHeader(http.StatusNoContent)
	return nil
}

// jointMeetings lists the meetings the caller sees.
func (s *Handler) jointMeetings(w http.ResponseWriter, r *http.Request) error {
	var f pinggu.JointFilter
	if err := httpx.DecodeQuery(r.URL.Query(), &f); err != nil {
		return err
	}
	f.ListOptions = f.ListOptions.Normalize()
	items, total, err := s.svc.JointUnits.ListMeetings(r.Context(), f)
	if err != nil {
		return err
	}
	s.writeJSON(w, http.StatusOK, newList(items, total, f.ListOptions))
	return nil
}

// jointMeetingCreate schedules (or records) a meeting.
func (s *Handler) jointMeetingCreate(w http.ResponseWriter, r *http.Request) error {
	var m pinggu.JointMeeting
	if err := s.decodeJSON(w, r, &m); err != nil {
		return err
	}
	if err := s.svc.JointUnits.CreateMeeting(r.Context(), &m); err != nil {
		return err
	}
	s.writeJSON(w, http.StatusCreated, &m)
	return nil
}

// jointMeetingGet answers a meeting with its tasks.
func (s *Handler) jointMeetingGet(w http.ResponseWriter, r *http.Request) error {
	id, err := httpx.PathID(r)
	var m *pinggu.JointMeeting
	if err == nil {
		m, err = s.svc.JointUnits.FindMeeting(r.Context(), id)
	}
	if err != nil {
		return err
	}
	s.writeJSON(w, http.StatusOK, m)
	return nil
}

// minutesRequest records a meeting's minutes and decisions.
type minutesRequest struct {
	Minutes   string `json:"minutes"`
	Decisions string `json:"decisions"`
}

// jointMeetingMinutes records the minutes.
func (s *Handler) jointMeetingMinutes(w http.ResponseWriter, r *http.Request) error {
	id, err := httpx.PathID(r)
	if err == nil {
		_, err = s.svc.JointUnits.FindMeeting(r.Context(), id)
	}
	var req minutesRequest
	if err == nil {
		err = s.decodeJSON(w, r, &req)
	}
	var m *pinggu.JointMeeting
	if err == nil {
		m, err = s.svc.JointUnits.RecordMinutes(r.Context(), id, req.Minutes, req.Decisions)
	}
	if err != nil {
		return err
	}
	s.writeJSON(w, http.StatusOK, m)
	return nil
}

// jointTaskAdd gives a member a follow-up task of a meeting.
func (s *Handler) jointTaskAdd(w http.ResponseWriter, r *http.Request) error {
	id, err := httpx.PathID(r)
	if err == nil {
		_, err = s.svc.JointUnits.FindMeeting(r.Context(), id)
	}
	var req pinggu.JointTaskRequest
	if err == nil {
		err = s.decodeJSON(w, r, &req)
	}
	var t *pinggu.JointTask
	if err == nil {
		t, err = s.svc.JointUnits.AddJointTask(r.Context(), id, req)
	}
	if err != nil {
		return err
	}
	s.writeJSON(w, http.StatusCreated, t)
	return nil
}

// jointTaskDone marks a task done.
func (s *Handler) jointTaskDone(w http.ResponseWriter, r *http.Request) error {
	id, err := httpx.PathID(r)
	var req responseRequest
	if err == nil {
		err = s.decodeJSON(w, r, &req)
	}
	if err == nil {
		err = s.svc.JointUnits.CompleteJointTask(r.Context(), id, req.Text)
	}
	if err != nil {
		return err
	}
	w.WriteHeader(http.StatusNoContent)
	return nil
}

// jointMessages lists the messages the caller sees.
func (s *Handler) jointMessages(w http.ResponseWriter, r *http.Request) error {
	var f pinggu.JointFilter
	if err := httpx.DecodeQuery(r.URL.Query(), &f); err != nil {
		return err
	}
	f.ListOptions = f.ListOptions.Normalize()
	items, total, err := s.svc.JointUnits.ListMessages(r.Context(), f)
	if err != nil {
		return err
	}
	s.writeJSON(w, http.StatusOK, newList(items, total, f.ListOptions))
	return nil
}

// jointMessageSend pushes a message to the members.
func (s *Handler) jointMessageSend(w http.ResponseWriter, r *http.Request) error {
	var m pinggu.JointMessage
	if err := s.decodeJSON(w, r, &m); err != nil {
		return err
	}
	if err := s.svc.JointUnits.SendMessage(r.Context(), &m); err != nil {
		return err
	}
	s.writeJSON(w, http.StatusCreated, &m)
	return nil
}

// jointMessageGet answers a message with its read receipts.
func (s *Handler) jointMessageGet(w http.ResponseWriter, r *http.Request) error {
	id, err := httpx.PathID(r)
	var m *pinggu.JointMessage
	if err == nil {
		m, err = s.svc.JointUnits.FindMessage(r.Context(), id)
	}
	if err != nil {
		return err
	}
	s.writeJSON(w, http.StatusOK, m)
	return nil
}
