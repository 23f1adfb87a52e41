package api

import (
	"github.com/pinggu/pinggu/web/httpx"
	"net/http"
)

// patrolAllowDelete takes an entry off a target's allow-list.
func (s *Handler) patrolAllowDelete(w http.ResponseWriter, r *http.Request) error {
	if s.svc.Patrol == nil {
		return errDisabled
	}
	id, err := httpx.PathID(r)
	if err == nil {
		err = s.svc.Patrol.RemovePatrolAllow(r.Context(), id)
	}
	if err != nil {
		return err
	}
	w.WriteHeader(http.StatusNoContent)
	return nil
}
