package api

import (
	"net/http"
)

// patrolTargetGet answers one target.
func (s *Handler) patrolTargetGet(w http.ResponseWriter, r *http.Request) error {
	return patrolGet(s, w, r, s.svc.Patrol.FindPatrolTarget)
}
