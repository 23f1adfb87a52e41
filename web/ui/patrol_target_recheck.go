package ui

import (
	"github.com/pinggu/pinggu"
	"net/http"
)

// patrolTargetRecheck re-fetches a target now and shows the run.
func (s *Handler) patrolTargetRecheck(w http.ResponseWriter, r *http.Request) error {
	id, err := idParam(r)
	if err != nil {
		return err
	}
	run, err := s.svc.Patrol.RequestRecheck(r.Context(), pinggu.Ref{Kind: "patrol_target", ID: id})
	if err != nil {
		return err
	}
	s.redirectFlash(w, r, "/patrol/runs/"+idOf(run.ID), "flash.patrol_recheck")
	return nil
}
