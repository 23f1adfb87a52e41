package api

import (
	"net/http"

	"github.com/pinggu/pinggu/web/httpx"
)

// certApplicationGet returns one application with its files.
func (s *Handler) certApplicationGet(w http.ResponseWriter, r *http.Request) error {
	id, err := httpx.PathID(r)
	if err != nil {
		return err
	}
	a, err := s.svc.Cert.FindCertApplication(r.Context(), id)
	if err != nil {
		return err
	}
	s.writeJSON(w, http.StatusOK, a)
	return nil
}
