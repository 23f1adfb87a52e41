package api

import (
	"github.com/pinggu/pinggu"
	"net/http"
)

// patrolTargetUpdate merges the body into a target and saves it; a new
// owner outside the caller's scope answers 404.
func (s *Handler) patrolTargetUpdate(w http.ResponseWriter, r *http.Request) error {
	if s.svc.Patrol == nil {
		return errDisabled
	}
	return mergeUpdate(s, w, r, s.svc.Patrol.FindPatrolTarget,
		func(v *pinggu.PatrolTarget, id int64) { v.ID = id },
		func(v *pinggu.PatrolTarget) int64 { return v.OrgID },
		s.svc.Patrol.UpdatePatrolTarget)
}
