package web

import (
	"net/http"

	"github.com/pinggu/pinggu"
)

// apiLicenceCreate records a licence; an owner outside the caller's scope answers 404.
func (s *Server) apiLicenceCreate(w http.ResponseWriter, r *http.Request) {
	createOwned(s, w, r,
		func(v *pinggu.Licence, id int64) { v.ID = id },
		func(v *pinggu.Licence) int64 { return v.OrgID },
		s.opts.Licences.CreateLicence)
}
