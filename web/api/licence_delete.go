package api

import (
	"net/http"

	"github.com/pinggu/pinggu/web/httpx"
)

// licenceDelete deletes a licence in the caller's scope.
func (s *Handler) licenceDelete(w http.ResponseWriter, r *http.Request) error {
	id, err := httpx.PathID(r)
	if err == nil {
		// Looked up first so a role that may not delete still learns nothing
		// about a licence outside its scope: 404, not 403.
		_, err = s.svc.Licences.FindLicence(r.Context(), id)
	}
	if err == nil {
		err = s.svc.Licences.DeleteLicence(r.Context(), id)
	}
	if err != nil {
		return err
	}
	w.WriteHeader(http.StatusNoContent)
	return nil
}
