package api

import "net/http"

// organisationUpdate merges the body into the stored organisation and
// saves it; a new parent must be in the caller's scope.
func (s *Handler) organisationUpdate(w http.ResponseWriter, r *http.Request) error {
	return mergeUpdate(s, w, r, s.svc.Organisations.EditOrganisation)
}
