package api

import (
	"github.com/pinggu/pinggu"
	"net/http"
)

// patrolTargetCreate adds a target to a list; an owner outside the
// caller's scope answers 404.
func (s *Handler) patrolTargetCreate(w http.ResponseWriter, r *http.Request) error {
	if s.svc.Patrol == nil {
		return errDisabled
	}
	return createOwned(s, w, r,
		func(v *pinggu.PatrolTarget, id int64) { v.ID = id },
		func(v *pinggu.PatrolTarget) int64 { return v.OrgID },
		s.svc.Patrol.CreatePatrolTarget)
}
