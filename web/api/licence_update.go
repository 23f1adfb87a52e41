package api

import (
	"net/http"

	"github.com/pinggu/pinggu"
)

// licenceUpdate merges the body into the stored licence and saves it.
func (s *Handler) licenceUpdate(w http.ResponseWriter, r *http.Request) error {
	return mergeUpdate(s, w, r, s.svc.Licences.FindLicence,
		func(v *pinggu.Licence, id int64) { v.ID = id },
		func(v *pinggu.Licence) int64 { return v.OrgID },
		s.svc.Licences.UpdateLicence)
}
