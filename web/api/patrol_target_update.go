package api

import "net/http"

// patrolTargetUpdate merges the body into a target and saves it; a new
// owner outside the caller's scope answers 404.
func (s *Handler) patrolTargetUpdate(w http.ResponseWriter, r *http.Request) error {
	if s.svc.Patrol == nil {
		return errDisabled
	}
	return mergeUpdate(s, w, r, s.svc.Patrol.EditPatrolTarget)
}
