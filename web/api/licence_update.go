package api

import "net/http"

// licenceUpdate merges the body into the stored licence and saves it.
func (s *Handler) licenceUpdate(w http.ResponseWriter, r *http.Request) error {
	return mergeUpdate(s, w, r, s.svc.Licences.EditLicence)
}
