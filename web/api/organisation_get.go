package api

import (
	"net/http"

	"github.com/pinggu/pinggu/web/httpx"
)

// organisationGet answers one organisation in the caller's scope.
func (s *Handler) organisationGet(w http.ResponseWriter, r *http.Request) error {
	id, err := httpx.PathID(r)
	if err != nil {
		return err
	}
	o, err := s.svc.Organisations.FindOrganisation(r.Context(), id)
	if err != nil {
		return err
	}
	s.writeJSON(w, http.StatusOK, o)
	return nil
}
