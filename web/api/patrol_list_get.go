package api

import (
	"net/http"
)

// patrolListGet answers one patrol list.
func (s *Handler) patrolListGet(w http.ResponseWriter, r *http.Request) error {
	return patrolGet(s, w, r, s.svc.Patrol.FindPatrolList)
}
