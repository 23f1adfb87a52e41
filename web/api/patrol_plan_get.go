package api

import (
	"net/http"
)

// patrolPlanGet answers one plan.
func (s *Handler) patrolPlanGet(w http.ResponseWriter, r *http.Request) error {
	return patrolGet(s, w, r, s.svc.Patrol.FindPatrolPlan)
}
