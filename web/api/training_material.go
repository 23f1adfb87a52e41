package api

import (
	"io"
	"net/http"

	"github.com/pinggu/pinggu"
	"github.com/pinggu/pinggu/web/httpx"
)

// trainingMaterial adds a file (multipart field "file") to an event's
// materials.
func (s *Handler) trainingMaterial(w http.ResponseWriter, r *http.Request) error {
	id, err := httpx.PathID(r)
	if err == nil {
		_, err = s.svc.Training.FindTraining(r.Context(), id)
	}
	if err != nil {
		return err
	}
	a, err := httpx.AttachFile(r, func(name string, rd io.Reader) (*pinggu.Attachment, error) {
		return s.svc.Training.AttachTrainingMaterial(r.Context(), id, name, rd)
	})
	if err != nil {
		return err
	}
	s.writeJSON(w, http.StatusCreated, a)
	return nil
}
