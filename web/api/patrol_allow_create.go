package api

import (
	"context"
	"github.com/pinggu/pinggu"
	"net/http"
)

// patrolAllowCreate puts a rule (or every rule) of a target on its
// allow-list, with the reason.
func (s *Handler) patrolAllowCreate(w http.ResponseWriter, r *http.Request) error {
	return patrolAct(s, w, r, http.StatusCreated, func(ctx context.Context, id int64, a pinggu.PatrolAllow) (*pinggu.PatrolAllow, error) {
		a.ID, a.TargetID = 0, id
		return &a, s.svc.Patrol.AddPatrolAllow(ctx, &a)
	})
}
