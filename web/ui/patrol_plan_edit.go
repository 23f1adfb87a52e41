package ui

import (
	"github.com/pinggu/pinggu"
	"net/http"
)

// patrolPlanEdit shows a plan's edit form.
func (s *Handler) patrolPlanEdit(w http.ResponseWriter, r *http.Request) error {
	id, err := idParam(r)
	if err != nil {
		return err
	}
	pl, err := s.svc.Patrol.FindPatrolPlan(r.Context(), id)
	if err != nil {
		return err
	}
	p := s.newPage(w, r, "page.patrol_plan_edit")
	p.Active = "patrol"
	if !pinggu.Allowed(p.Actor, pinggu.ActPatrolPlanWrite, pinggu.Subject{Province: pl.Province}) {
		return errForbidden
	}
	p.Form = newEditForm(patrolPlanValues(pl), pl.UpdatedAt)
	return s.renderPatrolPlanForm(w, r, p, patrolPlanFormData{Action: "/patrol/plans/" + idOf(id), Cancel: "/patrol/plans/" + idOf(id), Edit: true})
}
