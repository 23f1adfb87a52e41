package api

import (
	"github.com/pinggu/pinggu"
	"net/http"
)

// patrolListList lists the patrol lists in the caller's patrol scope.
func (s *Handler) patrolListList(w http.ResponseWriter, r *http.Request) error {
	return patrolList(s, w, r, func(f *pinggu.PatrolListFilter) *pinggu.ListOptions { return &f.ListOptions }, s.svc.Patrol.ListPatrolLists)
}
