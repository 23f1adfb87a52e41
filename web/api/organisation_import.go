package api

import (
	"net/http"

	"github.com/pinggu/pinggu"
	"github.com/pinggu/pinggu/ledgercsv"
	"github.com/pinggu/pinggu/web/httpx"
)

// organisationImport creates every organisation of a CSV file or none;
// a bad file answers 400 naming each bad row's line and field.
func (s *Handler) organisationImport(w http.ResponseWriter, r *http.Request) error {
	f, err := httpx.ImportFile(r)
	var rows []pinggu.OrganisationImportRow
	if err == nil {
		rows, err = ledgercsv.ParseOrganisations(f)
	}
	var n int
	if err == nil {
		n, err = s.svc.Organisations.ImportOrganisations(r.Context(), rows)
	}
	if err != nil {
		return err
	}
	s.writeJSON(w, http.StatusCreated, ImportResult{Created: n})
	return nil
}
