package api

import (
	"github.com/pinggu/pinggu"
	"net/http"
)

// patrolBulletinCreate issues 《动态监测信息》 of a period, national or of a
// province (the ministry and the support institutions).
func (s *Handler) patrolBulletinCreate(w http.ResponseWriter, r *http.Request) error {
	if s.svc.Patrol == nil {
		return errDisabled
	}
	var req pinggu.BulletinRequest
	if err := s.decodeJSON(w, r, &req); err != nil {
		return err
	}
	b, err := s.svc.Patrol.IssuePatrolBulletin(r.Context(), req)
	if err != nil {
		return err
	}
	s.writeJSON(w, http.StatusCreated, b)
	return nil
}
