package api

import (
	"net/http"

	"github.com/pinggu/pinggu/web/httpx"
)

// licenceGet answers one licence in the caller's scope.
func (s *Handler) licenceGet(w http.ResponseWriter, r *http.Request) error {
	id, err := httpx.PathID(r)
	if err != nil {
		return err
	}
	o, err := s.svc.Licences.FindLicence(r.Context(), id)
	if err != nil {
		return err
	}
	s.writeJSON(w, http.StatusOK, o)
	return nil
}
