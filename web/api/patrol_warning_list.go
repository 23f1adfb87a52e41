package api

import (
	"github.com/pinggu/pinggu"
	"net/http"
)

// patrolWarningList is the caller's warning inbox: the warnings addressed
// to its side, newest first (?open=true, ?overdue=true, ?state=…).
func (s *Handler) patrolWarningList(w http.ResponseWriter, r *http.Request) error {
	return patrolList(s, w, r, func(f *pinggu.PatrolWarningFilter) *pinggu.ListOptions { return &f.ListOptions }, s.svc.Patrol.ListPatrolWarnings)
}
