package web

import (
	"net/http"

	"github.com/pinggu/pinggu"
)

// apiOrganisationUpdate merges the body into the stored organisation and
// saves it; a new parent must be in the caller's scope.
func (s *Server) apiOrganisationUpdate(w http.ResponseWriter, r *http.Request) {
	mergeUpdate(s, w, r, s.opts.Organisations.FindOrganisation,
		func(v *pinggu.Organisation, id int64) { v.ID = id },
		parentOf,
		s.opts.Organisations.UpdateOrganisation)
}
