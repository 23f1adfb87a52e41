package web

import (
	"net/http"

	"github.com/pinggu/pinggu/ledgercsv"
)

// uiOrganisationImportSubmit imports an uploaded CSV of organisations: every
// row or none. A bad file comes back as a table of each bad row.
func (s *Server) uiOrganisationImportSubmit(w http.ResponseWriter, r *http.Request) {
	p := s.newPage(w, r, orgImport.titleKey)
	p.Form = newForm(nil)
	f, ok := importUpload(p, r)
	if !ok {
		s.renderImport(w, r, p, orgImport, nil)
		return
	}
	defer f.Close()
	rows, err := ledgercsv.ParseOrganisations(f)
	n := 0
	if err == nil {
		n, err = s.opts.Organisations.ImportOrganisations(r.Context(), rows)
	}
	if err != nil {
		problems, ok := importFailed(p, err)
		if !ok {
			s.uiError(w, r, err)
			return
		}
		s.renderImport(w, r, p, orgImport, problems)
		return
	}
	s.redirectFlash(w, r, "/organisations", "flash.imported", n)
}
