package web

import (
	"net/http"

	"github.com/pinggu/pinggu"
)

// apiLicenceUpdate merges the body into the stored licence and saves it.
func (s *Server) apiLicenceUpdate(w http.ResponseWriter, r *http.Request) {
	mergeUpdate(s, w, r, s.opts.Licences.FindLicence,
		func(v *pinggu.Licence, id int64) { v.ID = id },
		func(v *pinggu.Licence) int64 { return v.OrgID },
		s.opts.Licences.UpdateLicence)
}
