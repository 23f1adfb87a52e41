package ui

import (
	"net/http"

	"github.com/pinggu/pinggu"
	"github.com/pinggu/pinggu/web/httpx"
)

// certChange suspends, reinstates or revokes a certificate from the
// register (the ministry); a missing reason comes back as a message.
func (s *Handler) certChange(w http.ResponseWriter, r *http.Request) error {
	_ = r.ParseForm()
	id, _ := httpx.ParseID(r.PostForm.Get("certificate_id"))
	ch := pinggu.CertChange{Action: pinggu.CertAction(r.PostForm.Get("action")), Reason: r.PostForm.Get("reason")}
	if _, err := s.svc.Cert.ChangeCertificate(r.Context(), id, ch); err != nil {
		if !isFormError(err) {
			return err
		}
		s.redirectFlash(w, r, "/certification", "flash.cert_change_failed")
		return nil
	}
	s.redirectFlash(w, r, "/certification", "flash.cert_changed")
	return nil
}
