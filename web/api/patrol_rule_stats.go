package api

import (
	"github.com/pinggu/pinggu"
	"net/http"
)

// patrolRuleStats answers each rule's findings, false positives and
// precision, the least precise first.
func (s *Handler) patrolRuleStats(w http.ResponseWriter, r *http.Request) error {
	if s.svc.Patrol == nil {
		return errDisabled
	}
	items, err := s.svc.Patrol.PatrolRuleStats(r.Context())
	if err != nil {
		return err
	}
	s.writeJSON(w, http.StatusOK, newList(items, len(items), pinggu.ListOptions{Limit: len(items)}))
	return nil
}
