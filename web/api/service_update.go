package api

import (
	"net/http"

	"github.com/pinggu/pinggu"
	"github.com/pinggu/pinggu/web/httpx"
)

// serviceUpdate merges the body into the stored service and saves it, as
// mergeUpdate does for other records, except that the store merges it into
// the version it writes: two partial PUTs of one service at once keep both
// changes. The store checks that a new owner is in the caller's scope.
func (s *Handler) serviceUpdate(w http.ResponseWriter, r *http.Request) error {
	id, err := httpx.PathID(r)
	if err != nil {
		return err
	}
	decode := httpx.JSONDecoder(w, r, s.opts.MaxBodyBytes)
	saved, err := s.svc.Services.EditService(r.Context(), id, func(v *pinggu.Service) error { return decode(v) })
	if err != nil {
		return err
	}
	s.writeJSON(w, http.StatusOK, saved)
	return nil
}
