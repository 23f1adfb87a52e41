package ui

import (
	"github.com/pinggu/pinggu"
	"net/http"
)

type patrolHomeData struct {
	Running        []*pinggu.PatrolRun
	Warnings       []*pinggu.PatrolWarning
	Targets, Risky int
	Open, Overdue  int
	Unassigned     int
	CanPlan        bool
}

// patrolHome is patrol's overview: the rounds running now with their
// progress, the counts that need attention and the newest warnings.
func (s *Handler) patrolHome(w http.ResponseWriter, r *http.Request) error {
	p := s.newPage(w, r, "page.patrol")
	p.Active = "patrol"
	ctx := r.Context()
	var d patrolHomeData
	var err error
	if d.Running, _, err = s.svc.Patrol.ListPatrolRuns(ctx, pinggu.PatrolRunFilter{State: pinggu.RunRunning, ListOptions: pinggu.ListOptions{Limit: 20}}); err != nil {
		return err
	}
	if _, d.Targets, err = s.svc.Patrol.ListPatrolTargets(ctx, pinggu.PatrolTargetFilter{ListOptions: pinggu.ListOptions{Limit: 1}}); err != nil {
		return err
	}
	if _, d.Risky, err = s.svc.Patrol.ListPatrolTargets(ctx, pinggu.PatrolTargetFilter{Risky: true, ListOptions: pinggu.ListOptions{Limit: 1}}); err != nil {
		return err
	}
	if _, d.Unassigned, err = s.svc.Patrol.ListPatrolTargets(ctx, pinggu.PatrolTargetFilter{Unassigned: true, ListOptions: pinggu.ListOptions{Limit: 1}}); err != nil {
		return err
	}
	if d.Warnings, d.Open, err = s.svc.Patrol.ListPatrolWarnings(ctx, pinggu.PatrolWarningFilter{Open: true, ListOptions: pinggu.ListOptions{Limit: 10}}); err != nil {
		return err
	}
	if _, d.Overdue, err = s.svc.Patrol.ListPatrolWarnings(ctx, pinggu.PatrolWarningFilter{Overdue: true, ListOptions: pinggu.ListOptions{Limit: 1}}); err != nil {
		return err
	}
	d.CanPlan = pinggu.Allowed(p.Actor, pinggu.ActPatrolPlanWrite, pinggu.Subject{Province: p.Actor.PatrolKeeping()})
	p.Data = d
	s.render(w, r, http.StatusOK, "patrol_home", p)
	return nil
}
