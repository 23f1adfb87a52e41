package ui

import (
	"net/http"

	"github.com/pinggu/pinggu"
)

// patrolPlanUpdate saves a plan's edit form.
func (s *Handler) patrolPlanUpdate(w http.ResponseWriter, r *http.Request) error {
	id, err := idParam(r)
	if err != nil {
		return err
	}
	p := s.newPage(w, r, "page.patrol_plan_edit")
	p.Active = "patrol"
	_ = r.ParseForm()
	p.Form = newForm(r.PostForm)
	// The form applies to the plan as stored when it is saved.
	if _, err := s.svc.Patrol.EditPatrolPlan(r.Context(), id, func(cur *pinggu.PatrolPlan) error {
		if err := p.Form.checkVersion(p, cur.UpdatedAt); err != nil {
			return err
		}
		patrolPlanFromForm(r.PostForm, cur)
		return nil
	}); err != nil {
		if !p.Form.fail(p, err) {
			return err
		}
		return s.renderPatrolPlanForm(w, r, p, patrolPlanFormData{Action: "/patrol/plans/" + idOf(id), Cancel: "/patrol/plans/" + idOf(id), Edit: true})
	}
	s.redirectFlash(w, r, "/patrol/plans/"+idOf(id), "flash.patrol_plan_saved")
	return nil
}
