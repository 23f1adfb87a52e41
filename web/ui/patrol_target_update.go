package ui

import (
	"github.com/pinggu/pinggu"
	"net/http"
)

// patrolTargetUpdate saves a target's edit form.
func (s *Handler) patrolTargetUpdate(w http.ResponseWriter, r *http.Request) error {
	id, err := idParam(r)
	if err != nil {
		return err
	}
	t, err := s.svc.Patrol.FindPatrolTarget(r.Context(), id)
	if err != nil {
		return err
	}
	p := s.newPage(w, r, "page.patrol_target_edit")
	p.Active = "patrol"
	_ = r.ParseForm()
	p.Form = newForm(r.PostForm)
	ledger := t.Source == pinggu.PatrolFromLedger
	// The form applies to the target as stored when it is saved.
	if _, err := s.svc.Patrol.EditPatrolTarget(r.Context(), id, func(cur *pinggu.PatrolTarget) error {
		if err := p.Form.checkVersion(p, cur.UpdatedAt); err != nil {
			return err
		}
		if ledger {
			cur.Tags, cur.Note, cur.Active = splitList(r.PostForm.Get("tags")), r.PostForm.Get("note"), r.PostForm.Get("active") == "1"
		} else {
			list := cur.ListID
			patrolTargetFromForm(r.PostForm, cur)
			cur.ListID = list
		}
		return nil
	}); err != nil {
		if !p.Form.fail(p, err) {
			return err
		}
		return s.renderPatrolTargetForm(w, r, p, patrolTargetFormData{Action: "/patrol/targets/" + idOf(id), Cancel: "/patrol/targets/" + idOf(id), Edit: true, Ledger: ledger})
	}
	s.redirectFlash(w, r, "/patrol/targets/"+idOf(id), "flash.patrol_target_saved")
	return nil
}
