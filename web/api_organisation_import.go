package web

import (
	"net/http"

	"github.com/pinggu/pinggu"
	"github.com/pinggu/pinggu/ledgercsv"
)

// apiOrganisationImport creates every organisation of a CSV file or none;
// a bad file answers 400 naming each bad row's line and field.
func (s *Server) apiOrganisationImport(w http.ResponseWriter, r *http.Request) {
	f, err := importFile(r)
	var rows []pinggu.OrganisationImportRow
	if err == nil {
		rows, err = ledgercsv.ParseOrganisations(f)
	}
	var n int
	if err == nil {
		n, err = s.opts.Organisations.ImportOrganisations(r.Context(), rows)
	}
	if err != nil {
		s.writeProblem(w, r, err)
		return
	}
	s.writeJSON(w, http.StatusCreated, importResult{Created: n})
}
