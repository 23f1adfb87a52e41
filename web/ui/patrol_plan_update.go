package ui

import (
	"net/http"
)

// patrolPlanUpdate saves a plan's edit form.
func (s *Handler) patrolPlanUpdate(w http.ResponseWriter, r *http.Request) error {
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
	_ = r.ParseForm()
	p.Form = newForm(r.PostForm)
	patrolPlanFromForm(r.PostForm, pl)
	if err := s.svc.Patrol.UpdatePatrolPlan(r.Context(), pl); err != nil {
		if !p.Form.fail(p, err) {
			return err
		}
		return s.renderPatrolPlanForm(w, r, p, patrolPlanFormData{Action: "/patrol/plans/" + idOf(id), Cancel: "/patrol/plans/" + idOf(id), Edit: true})
	}
	s.redirectFlash(w, r, "/patrol/plans/"+idOf(id), "flash.patrol_plan_saved")
	return nil
}
