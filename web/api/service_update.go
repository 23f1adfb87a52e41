package api

import "net/http"

// serviceUpdate merges the body into the stored service and saves it: the
// store merges it into the version it writes, so two partial PUTs of one
// service at once keep both changes, and checks that a new owner is in the
// caller's scope.
func (s *Handler) serviceUpdate(w http.ResponseWriter, r *http.Request) error {
	return mergeUpdate(s, w, r, s.svc.Services.EditService)
}
