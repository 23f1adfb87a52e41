package api

import (
	"github.com/pinggu/pinggu"
	"net/http"
)

// patrolListCreate starts a patrol list: a bureau's of its province, a
// national role's national unless it names a province.
func (s *Handler) patrolListCreate(w http.ResponseWriter, r *http.Request) error {
	if s.svc.Patrol == nil {
		return errDisabled
	}
	var req patrolListRequest
	if err := s.decodeJSON(w, r, &req); err != nil {
		return err
	}
	l := &pinggu.PatrolList{Name: req.Name, Description: req.Description, Province: req.Province}
	if err := s.svc.Patrol.CreatePatrolList(r.Context(), l); err != nil {
		return err
	}
	s.writeJSON(w, http.StatusCreated, l)
	return nil
}
