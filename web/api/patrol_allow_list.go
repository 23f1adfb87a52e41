package api

import (
	"context"
	"github.com/pinggu/pinggu"
	"net/http"
)

// patrolAllowList lists a target's allow-list.
func (s *Handler) patrolAllowList(w http.ResponseWriter, r *http.Request) error {
	return patrolGet(s, w, r, func(ctx context.Context, id int64) (ListResponse[*pinggu.PatrolAllow], error) {
		items, err := s.svc.Patrol.ListPatrolAllows(ctx, id)
		return newList(items, len(items), pinggu.ListOptions{Limit: len(items)}), err
	})
}
