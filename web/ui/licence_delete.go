package ui

import (
	"net/http"
	"strconv"

	"github.com/pinggu/pinggu/web/httpx"
)

// licenceDelete deletes a licence (the page asks for confirmation first
// when JavaScript runs) and returns to its organisation.
func (s *Handler) licenceDelete(w http.ResponseWriter, r *http.Request) error {
	id, err := httpx.PathID(r)
	if err != nil {
		return err
	}
	l, err := s.svc.Licences.FindLicence(r.Context(), id)
	if err == nil {
		err = s.svc.Licences.DeleteLicence(r.Context(), id)
	}
	if err != nil {
		return err
	}
	s.redirectFlash(w, r, "/organisations/"+strconv.FormatInt(l.OrgID, 10), "flash.licence_deleted")
	return nil
}
