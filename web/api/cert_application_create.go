package api

import (
	"net/http"

	"github.com/pinggu/pinggu"
)

// certApplyRequest starts an application of the caller's own body.
type certApplyRequest struct {
	Level pinggu.CertLevel `json:"level"`
}

// certApplicationCreate drafts an application of the caller's body.
func (s *Handler) certApplicationCreate(w http.ResponseWriter, r *http.Request) error {
	var in certApplyRequest
	if err := s.decodeJSON(w, r, &in); err != nil {
		return err
	}
	a := &pinggu.CertApplication{Level: in.Level}
	if err := s.svc.Cert.CreateCertApplication(r.Context(), a); err != nil {
		return err
	}
	s.writeJSON(w, http.StatusCreated, a)
	return nil
}
