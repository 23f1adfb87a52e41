package api

import (
	"net/http"
	"time"

	"github.com/pinggu/pinggu"
)

// trainingRequest is an event's details as its organiser writes them.
type trainingRequest struct {
	Title    string                  `json:"title"`
	Kind     pinggu.TrainingKind     `json:"kind"`
	Audience pinggu.TrainingAudience `json:"audience"`
	StartsAt time.Time               `json:"starts_at"`
	Place    string                  `json:"place"`
	Online   bool                    `json:"online,omitempty"`
	Summary  string                  `json:"summary,omitempty"`
	PassMark *float64                `json:"pass_mark,omitempty"`
}

func (in trainingRequest) event() *pinggu.TrainingEvent {
	return &pinggu.TrainingEvent{Title: in.Title, Kind: in.Kind, Audience: in.Audience, StartsAt: in.StartsAt, Place: in.Place,
		Online: in.Online, Summary: in.Summary, PassMark: in.PassMark}
}

// trainingCreate plans an event organised by the caller.
func (s *Handler) trainingCreate(w http.ResponseWriter, r *http.Request) error {
	var in trainingRequest
	if err := s.decodeJSON(w, r, &in); err != nil {
		return err
	}
	e := in.event()
	if err := s.svc.Training.CreateTraining(r.Context(), e); err != nil {
		return err
	}
	s.writeJSON(w, http.StatusCreated, e)
	return nil
}
