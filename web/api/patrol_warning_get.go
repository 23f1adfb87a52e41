package api

import (
	"net/http"
)

// patrolWarningGet answers one warning with its findings.
func (s *Handler) patrolWarningGet(w http.ResponseWriter, r *http.Request) error {
	return patrolGet(s, w, r, s.svc.Patrol.FindPatrolWarning)
}
