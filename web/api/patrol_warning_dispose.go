package api

import (
	"context"
	"github.com/pinggu/pinggu"
	"net/http"
)

// patrolWarningDispose reports how an acknowledged warning was dealt with;
// the platform then re-fetches the page to verify it.
func (s *Handler) patrolWarningDispose(w http.ResponseWriter, r *http.Request) error {
	return patrolAct(s, w, r, http.StatusOK, func(ctx context.Context, id int64, d pinggu.PatrolDisposal) (*pinggu.PatrolWarning, error) {
		return s.svc.Patrol.DisposePatrolWarning(ctx, id, d)
	})
}
