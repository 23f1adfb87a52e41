package api

import (
	"net/http"

	"github.com/pinggu/pinggu"
)

// certChangeRequest names a certificate of the public register and what
// to do to it.
type certChangeRequest struct {
	CertificateID int64 `json:"certificate_id"`
	pinggu.CertChange
}

// certChange suspends, reinstates or revokes a certificate (the ministry).
func (s *Handler) certChange(w http.ResponseWriter, r *http.Request) error {
	var in certChangeRequest
	if err := s.decodeJSON(w, r, &in); err != nil {
		return err
	}
	k, err := s.svc.Cert.ChangeCertificate(r.Context(), in.CertificateID, in.CertChange)
	if err != nil {
		return err
	}
	s.writeJSON(w, http.StatusOK, k)
	return nil
}
