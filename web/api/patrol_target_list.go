package api

import (
	"github.com/pinggu/pinggu"
	"net/http"
)

// patrolTargetList lists the targets in the caller's patrol scope.
func (s *Handler) patrolTargetList(w http.ResponseWriter, r *http.Request) error {
	return patrolList(s, w, r, func(f *pinggu.PatrolTargetFilter) *pinggu.ListOptions { return &f.ListOptions }, s.svc.Patrol.ListPatrolTargets)
}
