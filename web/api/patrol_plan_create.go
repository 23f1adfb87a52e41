package api

import (
	"github.com/pinggu/pinggu"
	"net/http"
)

// patrolPlanCreate adds a plan: a bureau's of its province, a national
// role's national unless it names a province.
func (s *Handler) patrolPlanCreate(w http.ResponseWriter, r *http.Request) error {
	if s.svc.Patrol == nil {
		return errDisabled
	}
	var p pinggu.PatrolPlan
	if err := s.decodeJSON(w, r, &p); err != nil {
		return err
	}
	p.ID = 0
	if err := s.svc.Patrol.CreatePatrolPlan(r.Context(), &p); err != nil {
		return err
	}
	s.writeJSON(w, http.StatusCreated, &p)
	return nil
}
