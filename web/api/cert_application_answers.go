package api

import (
	"net/http"

	"github.com/pinggu/pinggu"
	"github.com/pinggu/pinggu/web/httpx"
)

// certApplicationAnswers records statements on criteria, by criterion ID.
func (s *Handler) certApplicationAnswers(w http.ResponseWriter, r *http.Request) error {
	id, err := httpx.PathID(r)
	if err != nil {
		return err
	}
	if _, err := s.svc.Cert.FindCertApplication(r.Context(), id); err != nil {
		return err
	}
	var in map[string]pinggu.CertAnswer
	if err := s.decodeJSON(w, r, &in); err != nil {
		return err
	}
	a, err := s.svc.Cert.SaveCertApplication(r.Context(), id, in)
	if err != nil {
		return err
	}
	s.writeJSON(w, http.StatusOK, a)
	return nil
}
