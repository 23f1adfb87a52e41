package api

import (
	"net/http"

	"github.com/pinggu/pinggu"
)

// licenceCreate records a licence; an owner outside the caller's scope answers 404.
func (s *Handler) licenceCreate(w http.ResponseWriter, r *http.Request) error {
	return createOwned(s, w, r,
		func(v *pinggu.Licence, id int64) { v.ID = id },
		func(v *pinggu.Licence) int64 { return v.OrgID },
		s.svc.Licences.CreateLicence)
}
