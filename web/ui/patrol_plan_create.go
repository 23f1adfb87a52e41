package ui

import (
	"github.com/pinggu/pinggu"
	"net/http"
)

// patrolPlanCreate adds a plan.
func (s *Handler) patrolPlanCreate(w http.ResponseWriter, r *http.Request) error {
	p := s.newPage(w, r, "page.patrol_plan_new")
	p.Active = "patrol"
	_ = r.ParseForm()
	p.Form = newForm(r.PostForm)
	pl := &pinggu.PatrolPlan{}
	patrolPlanFromForm(r.PostForm, pl)
	if err := s.svc.Patrol.CreatePatrolPlan(r.Context(), pl); err != nil {
		if !p.Form.fail(p, err) {
			return err
		}
		return s.renderPatrolPlanForm(w, r, p, patrolPlanFormData{Action: "/patrol/plans", Cancel: "/patrol/plans"})
	}
	s.redirectFlash(w, r, "/patrol/plans/"+idOf(pl.ID), "flash.patrol_plan_saved")
	return nil
}
