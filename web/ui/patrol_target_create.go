package ui

import (
	"github.com/pinggu/pinggu"
	"net/http"
)

// patrolTargetCreate adds a target to a list.
func (s *Handler) patrolTargetCreate(w http.ResponseWriter, r *http.Request) error {
	p := s.newPage(w, r, "page.patrol_target_new")
	p.Active = "patrol"
	_ = r.ParseForm()
	p.Form = newForm(r.PostForm)
	t := &pinggu.PatrolTarget{}
	patrolTargetFromForm(r.PostForm, t)
	t.Active = true
	if err := s.svc.Patrol.CreatePatrolTarget(r.Context(), t); err != nil {
		if !p.Form.fail(p, err) {
			return err
		}
		return s.renderPatrolTargetForm(w, r, p, patrolTargetFormData{Action: "/patrol/targets", Cancel: "/patrol/lists"})
	}
	s.redirectFlash(w, r, "/patrol/targets/"+idOf(t.ID), "flash.patrol_target_saved")
	return nil
}
