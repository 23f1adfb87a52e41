package api

import (
	"github.com/pinggu/pinggu"
	"net/http"
)

// patrolSnapshotList lists snapshots, newest first.
func (s *Handler) patrolSnapshotList(w http.ResponseWriter, r *http.Request) error {
	return patrolList(s, w, r, func(f *pinggu.PatrolSnapshotFilter) *pinggu.ListOptions { return &f.ListOptions }, s.svc.Patrol.ListPatrolSnapshots)
}
