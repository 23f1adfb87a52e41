package api

import (
	"github.com/pinggu/pinggu"
	"github.com/pinggu/pinggu/ledgercsv"
	"github.com/pinggu/pinggu/web/httpx"
	"net/http"
)

// patrolListImport adds every target of a CSV file to a list, or none; a
// bad file answers 400 naming each bad row's line and field. A list
// outside the caller's scope answers 404 before the file is read.
func (s *Handler) patrolListImport(w http.ResponseWriter, r *http.Request) error {
	if s.svc.Patrol == nil {
		return errDisabled
	}
	id, err := httpx.PathID(r)
	if err == nil {
		_, err = s.svc.Patrol.FindPatrolList(r.Context(), id)
	}
	if err != nil {
		return err
	}
	f, err := httpx.ImportFile(r)
	var rows []pinggu.PatrolTargetImportRow
	if err == nil {
		rows, err = ledgercsv.ParsePatrolTargets(f)
	}
	var n int
	if err == nil {
		n, err = s.svc.Patrol.ImportPatrolTargets(r.Context(), id, rows)
	}
	if err != nil {
		return err
	}
	s.writeJSON(w, http.StatusCreated, ImportResult{Created: n})
	return nil
}
