package api

import (
	"net/http"
)

// patrolSnapshotGet answers one snapshot's record.
func (s *Handler) patrolSnapshotGet(w http.ResponseWriter, r *http.Request) error {
	return patrolGet(s, w, r, s.svc.Patrol.FindPatrolSnapshot)
}
