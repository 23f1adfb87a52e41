package web

import (
	"net/http"
	"strconv"
)

// uiLicenceDelete deletes a licence (the page asks for confirmation first
// when JavaScript runs) and returns to its organisation.
func (s *Server) uiLicenceDelete(w http.ResponseWriter, r *http.Request) {
	id, err := pathID(r)
	if err != nil {
		s.uiError(w, r, err)
		return
	}
	l, err := s.opts.Licences.FindLicence(r.Context(), id)
	if err == nil {
		err = s.opts.Licences.DeleteLicence(r.Context(), id)
	}
	if err != nil {
		s.uiError(w, r, err)
		return
	}
	s.redirectFlash(w, r, "/organisations/"+strconv.FormatInt(l.OrgID, 10), "flash.licence_deleted")
}
