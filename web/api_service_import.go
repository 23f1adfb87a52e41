package web

import (
	"net/http"

	"github.com/pinggu/pinggu"
	"github.com/pinggu/pinggu/ledgercsv"
)

// apiServiceImport creates every service of a CSV file or none; a bad file
// answers 400 naming each bad row's line and field.
func (s *Server) apiServiceImport(w http.ResponseWriter, r *http.Request) {
	f, err := importFile(r)
	var rows []pinggu.ServiceImportRow
	if err == nil {
		rows, err = ledgercsv.ParseServices(f)
	}
	var n int
	if err == nil {
		n, err = s.opts.Services.ImportServices(r.Context(), rows)
	}
	if err != nil {
		s.writeProblem(w, r, err)
		return
	}
	s.writeJSON(w, http.StatusCreated, importResult{Created: n})
}
