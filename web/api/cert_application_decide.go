package api

import (
	"net/http"

	"github.com/pinggu/pinggu"
	"github.com/pinggu/pinggu/web/httpx"
)

// certApplicationDecide approves, returns or rejects a submitted
// application (the ministry).
func (s *Handler) certApplicationDecide(w http.ResponseWriter, r *http.Request) error {
	id, err := httpx.PathID(r)
	if err != nil {
		return err
	}
	if _, err := s.svc.Cert.FindCertApplication(r.Context(), id); err != nil {
		return err
	}
	var d pinggu.CertDecision
	if err := s.decodeJSON(w, r, &d); err != nil {
		return err
	}
	a, err := s.svc.Cert.DecideCertApplication(r.Context(), id, d)
	if err != nil {
		return err
	}
	s.writeJSON(w, http.StatusOK, a)
	return nil
}
