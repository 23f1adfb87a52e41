package api

import (
	"net/http"

	"github.com/pinggu/pinggu"
	"github.com/pinggu/pinggu/ledgercsv"
	"github.com/pinggu/pinggu/web/httpx"
)

// serviceImport creates every service of a CSV file or none; a bad file
// answers 400 naming each bad row's line and field.
func (s *Handler) serviceImport(w http.ResponseWriter, r *http.Request) error {
	f, err := httpx.ImportFile(r)
	var rows []pinggu.ServiceImportRow
	if err == nil {
		rows, err = ledgercsv.ParseServices(f)
	}
	var n int
	if err == nil {
		n, err = s.svc.Services.ImportServices(r.Context(), rows)
	}
	if err != nil {
		return err
	}
	s.writeJSON(w, http.StatusCreated, ImportResult{Created: n})
	return nil
}
