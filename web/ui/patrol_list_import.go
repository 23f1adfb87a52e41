package ui

import (
	"github.com/pinggu/pinggu"
	"github.com/pinggu/pinggu/ledgercsv"
	"github.com/pinggu/pinggu/web/httpx"
	"net/http"
)

// patrolListImport adds a CSV file's targets to a list, all or none; a bad
// file shows every bad row by line and field.
func (s *Handler) patrolListImport(w http.ResponseWriter, r *http.Request) error {
	id, err := idParam(r)
	if err != nil {
		return err
	}
	if _, err := s.svc.Patrol.FindPatrolList(r.Context(), id); err != nil {
		return err
	}
	p := s.newPage(w, r, "page.patrol_list")
	p.Active = "patrol"
	p.Form = newForm(nil)
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
		err = httpx.AsUploadError(err)
		switch pinggu.ErrorCode(err) {
		case pinggu.EINVALID, pinggu.ECONFLICT:
			p.Form.Error = pinggu.ErrorMessage(err)
			ip := importPage{nameKey: "patrol.name"}
			return s.renderPatrolList(w, r, p, id, ip.problems(p, pinggu.ErrorFields(err)))
		}
		return err
	}
	s.redirectFlash(w, r, "/patrol/lists/"+idOf(id), "flash.patrol_imported", n)
	return nil
}
