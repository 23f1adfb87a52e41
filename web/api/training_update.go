package api

import (
	"net/http"

	"github.com/pinggu/pinggu/web/httpx"
)

// trainingUpdate changes an event's details while it is not final.
func (s *Handler) trainingUpdate(w http.ResponseWriter, r *http.Request) error {
	id, err := httpx.PathID(r)
	if err != nil {
		return err
	}
	if _, err := s.svc.Training.FindTraining(r.Context(), id); err != nil {
		return err
	}
	var in trainingRequest
	if err := s.decodeJSON(w, r, &in); err != nil {
		return err
	}
	e := in.event()
	e.ID = id
	out, err := s.svc.Training.UpdateTraining(r.Context(), e)
	if err != nil {
		return err
	}
	s.writeJSON(w, http.StatusOK, out)
	return nil
}
