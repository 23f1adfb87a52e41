package api

import (
	"github.com/pinggu/pinggu"
	"net/http"
)

// patrolFindingList lists findings, the most recently seen first.
func (s *Handler) patrolFindingList(w http.ResponseWriter, r *http.Request) error {
	return patrolList(s, w, r, func(f *pinggu.PatrolFindingFilter) *pinggu.ListOptions { return &f.ListOptions }, s.svc.Patrol.ListPatrolFindings)
}
