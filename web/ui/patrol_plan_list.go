package ui

import (
	"github.com/pinggu/pinggu"
	"net/http"
)

type patrolPlanListData struct {
	Plans     []*pinggu.PatrolPlan
	CanCreate bool
	Pager     pager
}

// patrolPlanList lists the plans in the actor's patrol scope.
func (s *Handler) patrolPlanList(w http.ResponseWriter, r *http.Request) error {
	p := s.newPage(w, r, "page.patrol_plans")
	p.Active = "patrol"
	o := listParams(r)
	list, total, err := s.svc.Patrol.ListPatrolPlans(r.Context(), pinggu.PatrolPlanFilter{ListOptions: o})
	if err != nil {
		return err
	}
	p.Data = patrolPlanListData{Plans: list, Pager: p.newPager(r, total, o),
		CanCreate: pinggu.Allowed(p.Actor, pinggu.ActPatrolPlanWrite, pinggu.Subject{Province: p.Actor.PatrolKeeping()})}
	s.render(w, r, http.StatusOK, "patrol_plans", p)
	return nil
}
