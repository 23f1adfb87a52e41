package ui

import (
	"github.com/pinggu/pinggu"
	"net/http"
)

type patrolPlanData struct {
	Plan            *pinggu.PatrolPlan
	Runs            []*pinggu.PatrolRun
	ListNames       []string
	CanEdit, CanRun bool
}

// patrolPlanShow shows a plan, what it selects and its runs.
func (s *Handler) patrolPlanShow(w http.ResponseWriter, r *http.Request) error {
	id, err := idParam(r)
	if err != nil {
		return err
	}
	ctx := r.Context()
	pl, err := s.svc.Patrol.FindPatrolPlan(ctx, id)
	if err != nil {
		return err
	}
	p := s.newPage(w, r, "page.patrol_plan")
	p.Active = "patrol"
	d := patrolPlanData{Plan: pl}
	sub := pinggu.Subject{Province: pl.Province}
	d.CanEdit, d.CanRun = pinggu.Allowed(p.Actor, pinggu.ActPatrolPlanWrite, sub), pinggu.Allowed(p.Actor, pinggu.ActPatrolRun, sub)
	if d.Runs, _, err = s.svc.Patrol.ListPatrolRuns(ctx, pinggu.PatrolRunFilter{PlanID: id, ListOptions: pinggu.ListOptions{Limit: 20}}); err != nil {
		return err
	}
	for _, lid := range pl.ListIDs {
		if l, err := s.svc.Patrol.FindPatrolList(ctx, lid); err == nil {
			d.ListNames = append(d.ListNames, l.Name)
		}
	}
	p.Data = d
	s.render(w, r, http.StatusOK, "patrol_plan", p)
	return nil
}
