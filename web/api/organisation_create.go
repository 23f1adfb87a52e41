package api

import (
	"net/http"

	"github.com/pinggu/pinggu"
)

// organisationCreate registers an organisation; a parent outside the
// caller's scope answers 404.
func (s *Handler) organisationCreate(w http.ResponseWriter, r *http.Request) error {
	return createOwned(s, w, r,
		func(v *pinggu.Organisation, id int64) { v.ID = id },
		parentOf,
		s.svc.Organisations.CreateOrganisation)
}
