package web

import (
	"net/http"

	"github.com/pinggu/pinggu/ledgercsv"
)

// uiServiceImportSubmit imports an uploaded CSV of services: every row or
// none, each owner named by credit code or name and checked against scope.
func (s *Server) uiServiceImportSubmit(w http.ResponseWriter, r *http.Request) {
	p := s.newPage(w, r, serviceImport.titleKey)
	p.Form = newForm(nil)
	f, ok := importUpload(p, r)
	if !ok {
		s.renderImport(w, r, p, serviceImport, nil)
		return
	}
	defer f.Close()
	rows, err := ledgercsv.ParseServices(f)
	n := 0
	if err == nil {
		n, err = s.opts.Services.ImportServices(r.Context(), rows)
	}
	if err != nil {
		problems, ok := importFailed(p, err)
		if !ok {
			s.uiError(w, r, err)
			return
		}
		s.renderImport(w, r, p, serviceImport, problems)
		return
	}
	s.redirectFlash(w, r, "/services", "flash.imported", n)
}
