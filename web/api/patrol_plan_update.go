package api

import "net/http"

// patrolPlanUpdate merges the body into a plan and saves it.
func (s *Handler) patrolPlanUpdate(w http.ResponseWriter, r *http.Request) error {
	if s.svc.Patrol == nil {
		return errDisabled
	}
	return mergeUpdate(s, w, r, s.svc.Patrol.EditPatrolPlan)
}
