package api

import (
	"context"
	"github.com/pinggu/pinggu"
	"net/http"
)

// patrolWarningRecheck queues a re-fetch of a warning's target now.
func (s *Handler) patrolWarningRecheck(w http.ResponseWriter, r *http.Request) error {
	return patrolAct(s, w, r, http.StatusAccepted, func(ctx context.Context, id int64, _ struct{}) (*pinggu.PatrolRun, error) {
		return s.svc.Patrol.RequestRecheck(ctx, pinggu.Ref{Kind: "patrol_warning", ID: id})
	})
}
