package ui

import (
	"github.com/pinggu/pinggu"
	"net/http"
)

// patrolAllowCreate adds an allow-list entry to a target.
func (s *Handler) patrolAllowCreate(w http.ResponseWriter, r *http.Request) error {
	id, err := idParam(r)
	if err != nil {
		return err
	}
	a := &pinggu.PatrolAllow{TargetID: id, Rule: r.FormValue("rule"), Reason: r.FormValue("reason")}
	if err := s.svc.Patrol.AddPatrolAllow(r.Context(), a); err != nil {
		if pinggu.ErrorCode(err) == pinggu.EINVALID {
			s.redirectFlash(w, r, "/patrol/targets/"+idOf(id)+"#allows", "flash.patrol_allow_reason")
			return nil
		}
		return err
	}
	s.redirectFlash(w, r, "/patrol/targets/"+idOf(id)+"#allows", "flash.patrol_allow_added")
	return nil
}
