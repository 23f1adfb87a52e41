package api

import (
	"net/http"

	"github.com/pinggu/pinggu"
	"github.com/pinggu/pinggu/web/httpx"
)

// certApplicationList lists the applications the caller may see: a body
// its own, the ministry and support institutions all.
func (s *Handler) certApplicationList(w http.ResponseWriter, r *http.Request) error {
	var f pinggu.CertFilter
	if err := httpx.DecodeQuery(r.URL.Query(), &f); err != nil {
		return err
	}
	f.ListOptions = f.ListOptions.Normalize()
	items, total, err := s.svc.Cert.ListCertApplications(r.Context(), f)
	if err != nil {
		return err
	}
	s.writeJSON(w, http.StatusOK, newList(items, total, f.ListOptions))
	return nil
}
