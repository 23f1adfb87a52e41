package api

import (
	"net/http"

	"github.com/pinggu/pinggu"
	"github.com/pinggu/pinggu/web/httpx"
)

// bulletinStepRequest moves a bulletin: submit, return (with reason),
// approve or publish.
type bulletinStepRequest struct {
	Step   pinggu.BulletinStep `json:"step"`
	Reason string              `json:"reason,omitempty"`
}

// bulletinStep moves a bulletin along its lifecycle.
func (s *Handler) bulletinStep(w http.ResponseWriter, r *http.Request) error {
	id, err := httpx.PathID(r)
	if err != nil {
		return err
	}
	if _, err := s.svc.Bulletins.FindBulletin(r.Context(), id); err != nil {
		return err
	}
	var in bulletinStepRequest
	if err := s.decodeJSON(w, r, &in); err != nil {
		return err
	}
	b, err := s.svc.Bulletins.StepBulletin(r.Context(), id, in.Step, in.Reason)
	if err != nil {
		return err
	}
	s.writeJSON(w, http.StatusOK, b)
	return nil
}
