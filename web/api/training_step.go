package api

import (
	"net/http"

	"github.com/pinggu/pinggu"
	"github.com/pinggu/pinggu/web/httpx"
)

// trainingStepRequest moves an event: open, hold, close or cancel (with a
// reason).
type trainingStepRequest struct {
	Step   pinggu.TrainingStep `json:"step"`
	Reason string              `json:"reason,omitempty"`
}

// trainingStep moves an event along its lifecycle; closing issues the
// certificates.
func (s *Handler) trainingStep(w http.ResponseWriter, r *http.Request) error {
	id, err := httpx.PathID(r)
	if err != nil {
		return err
	}
	if _, err := s.svc.Training.FindTraining(r.Context(), id); err != nil {
		return err
	}
	var in trainingStepRequest
	if err := s.decodeJSON(w, r, &in); err != nil {
		return err
	}
	e, err := s.svc.Training.StepTraining(r.Context(), id, in.Step, in.Reason)
	if err != nil {
		return err
	}
	s.writeJSON(w, http.StatusOK, e)
	return nil
}
