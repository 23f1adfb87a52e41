package web

import (
	"net/http"

	"github.com/pinggu/pinggu"
)

// uiOrganisationImportShow shows the CSV upload form for organisations.
func (s *Server) uiOrganisationImportShow(w http.ResponseWriter, r *http.Request) {
	p := s.newPage(w, r, orgImport.titleKey)
	if !p.Actor.May(pinggu.ActLedgerWrite) {
		s.uiForbidden(w, r)
		return
	}
	s.renderImport(w, r, p, orgImport, nil)
}
