package api

import (
	"context"
	"github.com/pinggu/pinggu"
	"net/http"
)

// patrolPlanRun starts a round of a plan now ("run now"); the answer is
// the run, whose progress GET /api/patrol/runs/{id} follows.
func (s *Handler) patrolPlanRun(w http.ResponseWriter, r *http.Request) error {
	return patrolAct(s, w, r, http.StatusAccepted, func(ctx context.Context, id int64, _ struct{}) (*pinggu.PatrolRun, error) {
		return s.svc.Patrol.RunPatrolPlan(ctx, id)
	})
}
