package api

import (
	"context"
	"github.com/pinggu/pinggu"
	"net/http"
)

// patrolWarningAck acknowledges a new warning.
func (s *Handler) patrolWarningAck(w http.ResponseWriter, r *http.Request) error {
	return patrolAct(s, w, r, http.StatusOK, func(ctx context.Context, id int64, req patrolAckRequest) (*pinggu.PatrolWarning, error) {
		return s.svc.Patrol.AcknowledgePatrolWarning(ctx, id, req.Note)
	})
}
