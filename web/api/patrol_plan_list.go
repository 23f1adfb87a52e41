package api

import (
	"github.com/pinggu/pinggu"
	"net/http"
)

// patrolPlanList lists the plans in the caller's patrol scope.
func (s *Handler) patrolPlanList(w http.ResponseWriter, r *http.Request) error {
	return patrolList(s, w, r, func(f *pinggu.PatrolPlanFilter) *pinggu.ListOptions { return &f.ListOptions }, s.svc.Patrol.ListPatrolPlans)
}
