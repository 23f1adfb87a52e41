package api

import (
	"github.com/pinggu/pinggu"
	"net/http"
)

// patrolRunList lists runs, newest first, with their progress.
func (s *Handler) patrolRunList(w http.ResponseWriter, r *http.Request) error {
	return patrolList(s, w, r, func(f *pinggu.PatrolRunFilter) *pinggu.ListOptions { return &f.ListOptions }, s.svc.Patrol.ListPatrolRuns)
}
