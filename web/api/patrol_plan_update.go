package api

import (
	"github.com/pinggu/pinggu"
	"net/http"
)

// patrolPlanUpdate merges the body into a plan and saves it.
func (s *Handler) patrolPlanUpdate(w http.ResponseWriter, r *http.Request) error {
	if s.svc.Patrol == nil {
		return errDisabled
	}
	return mergeUpdate(s, w, r, s.svc.Patrol.FindPatrolPlan,
		func(v *pinggu.PatrolPlan, id int64) { v.ID = id },
		func(v *pinggu.PatrolPlan) int64 { return 0 },
		s.svc.Patrol.UpdatePatrolPlan)
}
