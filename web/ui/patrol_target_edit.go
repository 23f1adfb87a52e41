package ui

import (
	"github.com/pinggu/pinggu"
	"net/http"
)

// patrolTargetEdit shows a target's edit form.
func (s *Handler) patrolTargetEdit(w http.ResponseWriter, r *http.Request) error {
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
	if !pinggu.Allowed(p.Actor, pinggu.ActPatrolTargetWrite, pinggu.Subject{Province: t.Province}) {
		return errForbidden
	}
	p.Form = newEditForm(patrolTargetValues(t), t.UpdatedAt)
	return s.renderPatrolTargetForm(w, r, p, patrolTargetFormData{Action: "/patrol/targets/" + idOf(id), Cancel: "/patrol/targets/" + idOf(id),
		Edit: true, Ledger: t.Source == pinggu.PatrolFromLedger})
}
