package api

import (
	"net/http"
)

// patrolBulletinGet answers one bulletin with its figures.
func (s *Handler) patrolBulletinGet(w http.ResponseWriter, r *http.Request) error {
	return patrolGet(s, w, r, s.svc.Patrol.FindPatrolBulletin)
}
