package api

import (
	"net/http"

	"github.com/pinggu/pinggu"
	"github.com/pinggu/pinggu/web/httpx"
)

// certRegister is the public register of capability certificates: any
// caller, signed in or not.
func (s *Handler) certRegister(w http.ResponseWriter, r *http.Request) error {
	var f pinggu.CertFilter
	if err := httpx.DecodeQuery(r.URL.Query(), &f); err != nil {
		return err
	}
	f.ListOptions = f.ListOptions.Normalize()
	items, total, err := s.svc.Cert.Register(r.Context(), f)
	if err != nil {
		return err
	}
	s.writeJSON(w, http.StatusOK, newList(items, total, f.ListOptions))
	return nil
}

// certCriteria lists the criteria of certification with the levels each
// applies to.
func (s *Handler) certCriteria(w http.ResponseWriter, r *http.Request) error {
	s.writeJSON(w, http.StatusOK, map[string]any{"items": pinggu.CertCriteria})
	return nil
}
