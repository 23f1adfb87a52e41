package api

import (
	"net/http"

	"github.com/pinggu/pinggu/web/httpx"
)

// evidenceUpload attaches one file to one item. The form must send the
// key before the file, as browsers do in document order, so the file is
// streamed to the store instead of being held in memory.
func (s *Handler) evidenceUpload(w http.ResponseWriter, r *http.Request) error {
	id, err := httpx.PathID(r)
	if err == nil {
		_, err = s.svc.Assessments.FindAssessment(r.Context(), id)
	}
	if err != nil {
		return err
	}
	ev, err := httpx.AddEvidence(r, s.svc.Assessments, id)
	if err != nil {
		return err
	}
	s.writeJSON(w, http.StatusCreated, ev)
	return nil
}
