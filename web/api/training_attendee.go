package api

import (
	"net/http"

	"github.com/pinggu/pinggu"
	"github.com/pinggu/pinggu/web/httpx"
)

// attendeeRequest is a person the organiser lists.
type attendeeRequest struct {
	OrgID    int64  `json:"org_id"`
	Name     string `json:"name"`
	Position string `json:"position,omitempty"`
}

// registrationRequest is invited staff registering themselves.
type registrationRequest struct {
	Position string `json:"position,omitempty"`
}

// trainingAttendeeAdd lists a person of an organisation for an event.
func (s *Handler) trainingAttendeeAdd(w http.ResponseWriter, r *http.Request) error {
	id, err := httpx.PathID(r)
	if err != nil {
		return err
	}
	if _, err := s.svc.Training.FindTraining(r.Context(), id); err != nil {
		return err
	}
	var in attendeeRequest
	if err := s.decodeJSON(w, r, &in); err != nil {
		return err
	}
	a := &pinggu.Attendee{OrgID: in.OrgID, Name: in.Name, Position: in.Position}
	if err := s.svc.Training.AddAttendee(r.Context(), id, a); err != nil {
		return err
	}
	s.writeJSON(w, http.StatusCreated, a)
	return nil
}

// trainingRegister registers the caller for an open event it is invited to.
func (s *Handler) trainingRegister(w http.ResponseWriter, r *http.Request) error {
	id, err := httpx.PathID(r)
	if err != nil {
		return err
	}
	if _, err := s.svc.Training.FindTraining(r.Context(), id); err != nil {
		return err
	}
	var in registrationRequest
	if err := s.decodeJSON(w, r, &in); err != nil {
		return err
	}
	a, err := s.svc.Training.RegisterForTraining(r.Context(), id, in.Position)
	if err != nil {
		return err
	}
	s.writeJSON(w, http.StatusCreated, a)
	return nil
}

// trainingAttendance records attendance and scores of a held event.
func (s *Handler) trainingAttendance(w http.ResponseWriter, r *http.Request) error {
	id, err := httpx.PathID(r)
	if err != nil {
		return err
	}
	if _, err := s.svc.Training.FindTraining(r.Context(), id); err != nil {
		return err
	}
	var in []pinggu.AttendanceMark
	if err := s.decodeJSON(w, r, &in); err != nil {
		return err
	}
	e, err := s.svc.Training.RecordAttendance(r.Context(), id, in)
	if err != nil {
		return err
	}
	s.writeJSON(w, http.StatusOK, e)
	return nil
}
