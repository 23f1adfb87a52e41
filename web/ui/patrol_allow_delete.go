package ui

import (
	"net/http"
	"strconv"
)

// patrolAllowDelete removes an allow-list entry and returns to its target.
func (s *Handler) patrolAllowDelete(w http.ResponseWriter, r *http.Request) error {
	id, err := idParam(r)
	if err != nil {
		return err
	}
	if err := s.svc.Patrol.RemovePatrolAllow(r.Context(), id); err != nil {
		return err
	}
	target, _ := strconv.ParseInt(r.FormValue("target_id"), 10, 64)
	s.redirectFlash(w, r, "/patrol/targets/"+idOf(target)+"#allows", "flash.patrol_allow_removed")
	return nil
}
