package web

import (
	"net/http"

	"github.com/pinggu/pinggu"
)

// apiOrganisationCreate registers an organisation; a parent outside the
// caller's scope answers 404.
func (s *Server) apiOrganisationCreate(w http.ResponseWriter, r *http.Request) {
	createOwned(s, w, r,
		func(v *pinggu.Organisation, id int64) { v.ID = id },
		parentOf,
		s.opts.Organisations.CreateOrganisation)
}
