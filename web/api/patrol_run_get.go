package api

import (
	"net/http"
)

// patrolRunGet answers one run with its progress counted now.
func (s *Handler) patrolRunGet(w http.ResponseWriter, r *http.Request) error {
	return patrolGet(s, w, r, s.svc.Patrol.FindPatrolRun)
}
