package ui

import (
	"net/http"

	"github.com/pinggu/pinggu/ledgercsv"
)

// organisationImportSubmit imports an uploaded CSV of organisations: every
// row or none. A bad file comes back as a table of each bad row.
func (s *Handler) organisationImportSubmit(w http.ResponseWriter, r *http.Request) error {
	p := s.newPage(w, r, orgImport.titleKey)
	p.Form = newForm(nil)
	f, ok := importUpload(p, r)
	if !ok {
		s.renderImport(w, r, p, orgImport, nil)
		return nil
	}
	defer f.Close()
	rows, err := ledgercsv.ParseOrganisations(f)
	n := 0
	if err == nil {
		n, err = s.svc.Organisations.ImportOrganisations(r.Context(), rows)
	}
	if err != nil {
		problems, ok := importFailed(p, err)
		if !ok {
			return err
		}
		s.renderImport(w, r, p, orgImport, problems)
		return nil
	}
	s.redirectFlash(w, r, "/organisations", "flash.imported", n)
	return nil
}
