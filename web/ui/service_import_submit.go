package ui

import (
	"net/http"

	"github.com/pinggu/pinggu/ledgercsv"
)

// serviceImportSubmit imports an uploaded CSV of services: every row or
// none, each owner named by credit code or name and checked against scope.
func (s *Handler) serviceImportSubmit(w http.ResponseWriter, r *http.Request) error {
	p := s.newPage(w, r, serviceImport.titleKey)
	p.Form = newForm(nil)
	f, ok := importUpload(p, r)
	if !ok {
		s.renderImport(w, r, p, serviceImport, nil)
		return nil
	}
	defer f.Close()
	rows, err := ledgercsv.ParseServices(f)
	n := 0
	if err == nil {
		n, err = s.svc.Services.ImportServices(r.Context(), rows)
	}
	if err != nil {
		problems, ok := importFailed(p, err)
		if !ok {
			return err
		}
		s.renderImport(w, r, p, serviceImport, problems)
		return nil
	}
	s.redirectFlash(w, r, "/services", "flash.imported", n)
	return nil
}
