package api

import (
	"net/http"

	"github.com/pinggu/pinggu/web/httpx"
)

// trainingGet returns one event with its materials and the people on its
// list the caller may see.
func (s *Handler) trainingGet(w http.ResponseWriter, r *http.Request) error {
	id, err := httpx.PathID(r)
	if err != nil {
		return err
	}
	e, err := s.svc.Training.FindTraining(r.Context(), id)
	if err != nil {
		return err
	}
	s.writeJSON(w, http.StatusOK, e)
	return nil
}
