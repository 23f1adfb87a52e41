package ui

import (
	"net/http"

	"github.com/pinggu/pinggu"
)

// serviceImportShow shows the CSV upload form for services.
func (s *Handler) serviceImportShow(w http.ResponseWriter, r *http.Request) error {
	p := s.newPage(w, r, serviceImport.titleKey)
	if !p.Actor.May(pinggu.ActServiceWrite) {
		return errForbidden
	}
	s.renderImport(w, r, p, serviceImport, nil)
	return nil
}
