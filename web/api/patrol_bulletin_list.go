package api

import (
	"github.com/pinggu/pinggu"
	"net/http"
)

// patrolBulletinList lists the bulletins the caller may read.
func (s *Handler) patrolBulletinList(w http.ResponseWriter, r *http.Request) error {
	return patrolList(s, w, r, func(f *pinggu.PatrolBulletinFilter) *pinggu.ListOptions { return &f.ListOptions }, s.svc.Patrol.ListPatrolBulletins)
}
