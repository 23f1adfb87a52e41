package ui

import (
	"net/http"
)

// patrolPlanRun starts a round of a plan now and shows its progress.
func (s *Handler) patrolPlanRun(w http.ResponseWriter, r *http.Request) error {
	id, err := idParam(r)
	if err != nil {
		return err
	}
	run, err := s.svc.Patrol.RunPatrolPlan(r.Context(), id)
	if err != nil {
		return err
	}
	s.redirectFlash(w, r, "/patrol/runs/"+idOf(run.ID), "flash.patrol_run_started")
	return nil
}
