package web

import (
	"net/http"

	"github.com/pinggu/pinggu"
)

// uiServiceImportShow shows the CSV upload form for services.
func (s *Server) uiServiceImportShow(w http.ResponseWriter, r *http.Request) {
	p := s.newPage(w, r, serviceImport.titleKey)
	if !p.Actor.May(pinggu.ActServiceWrite) {
		s.uiForbidden(w, r)
		return
	}
	s.renderImport(w, r, p, serviceImport, nil)
}
