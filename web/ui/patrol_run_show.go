package ui

import (
	"github.com/pinggu/pinggu"
	"net/http"
)

type patrolRunData struct {
	Run       *pinggu.PatrolRun
	Snapshots []*pinggu.PatrolSnapshot
}

// patrolRunShow shows a run's progress (a small script refreshes it while
// it runs) and the snapshots it has taken so far.
func (s *Handler) patrolRunShow(w http.ResponseWriter, r *http.Request) error {
	id, err := idParam(r)
	if err != nil {
		return err
	}
	run, err := s.svc.Patrol.FindPatrolRun(r.Context(), id)
	if err != nil {
		return err
	}
	p := s.newPage(w, r, "page.patrol_run")
	p.Active = "patrol"
	d := patrolRunData{Run: run}
	if d.Snapshots, _, err = s.svc.Patrol.ListPatrolSnapshots(r.Context(), pinggu.PatrolSnapshotFilter{RunID: id, ListOptions: pinggu.ListOptions{Limit: 50}}); err != nil {
		return err
	}
	p.Data = d
	s.render(w, r, http.StatusOK, "patrol_run", p)
	return nil
}
