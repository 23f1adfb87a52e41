package ui

import (
	"net/http"
	"net/url"
)

// patrolPlanNew shows the form that adds a plan.
func (s *Handler) patrolPlanNew(w http.ResponseWriter, r *http.Request) error {
	p := s.newPage(w, r, "page.patrol_plan_new")
	p.Active = "patrol"
	p.Form = newForm(url.Values{"frequency_minutes": {"1440"}, "priority": {"2"}, "active": {"1"}})
	return s.renderPatrolPlanForm(w, r, p, patrolPlanFormData{Action: "/patrol/plans", Cancel: "/patrol/plans"})
}
