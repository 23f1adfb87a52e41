package web

import "net/http"

// uiServiceImportShow shows the CSV upload form for services.
func (s *Server) uiServiceImportShow(w http.ResponseWriter, r *http.Request) {
	p := s.newPage(w, r, serviceImport.titleKey)
	if !p.Actor.CanWriteServices() {
		s.uiForbidden(w, r)
		return
	}
	s.renderImport(w, r, p, serviceImport, nil)
}
