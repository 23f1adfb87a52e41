package api

import (
	"context"
	"github.com/pinggu/pinggu"
	"net/http"
)

// patrolListUpdate renames a patrol list or changes its description.
func (s *Handler) patrolListUpdate(w http.ResponseWriter, r *http.Request) error {
	return patrolAct(s, w, r, http.StatusOK, func(ctx context.Context, id int64, req patrolListRequest) (*pinggu.PatrolList, error) {
		l, err := s.svc.Patrol.FindPatrolList(ctx, id)
		if err != nil {
			return nil, err
		}
		if req.Name != "" {
			l.Name = req.Name
		}
		l.Description = req.Description
		return l, s.svc.Patrol.UpdatePatrolList(ctx, l)
	})
}
