package api

import (
	"net/http"

	"github.com/pinggu/pinggu/web/httpx"
)

// evidenceDelete removes an evidence file from its item.
func (s *Handler) evidenceDelete(w http.ResponseWriter, r *http.Request) error {
	id, err := httpx.PathID(r)
	if err == nil {
		err = s.svc.Assessments.DeleteEvidence(r.Context(), id)
	}
	if err != nil {
		return err
	}
	w.WriteHeader(http.StatusNoContent)
	return nil
}
