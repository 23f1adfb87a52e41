package api

import (
	"net/http"

	"github.com/pinggu/pinggu/web/httpx"
)

// certApplicationSubmit submits a complete application to the ministry.
func (s *Handler) certApplicationSubmit(w http.ResponseWriter, r *http.Request) error {
	id, err := httpx.PathID(r)
	if err != nil {
		return err
	}
	a, err := s.svc.Cert.SubmitCertApplication(r.Context(), id)
	if err != nil {
		return err
	}
	s.writeJSON(w, http.StatusOK, a)
	return nil
}
