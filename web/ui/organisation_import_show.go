package ui

import (
	"net/http"

	"github.com/pinggu/pinggu"
)

// organisationImportShow shows the CSV upload form for organisations.
func (s *Handler) organisationImportShow(w http.ResponseWriter, r *http.Request) error {
	p := s.newPage(w, r, orgImport.titleKey)
	if !p.Actor.May(pinggu.ActLedgerWrite) {
		return errForbidden
	}
	s.renderImport(w, r, p, orgImport, nil)
	return nil
}
