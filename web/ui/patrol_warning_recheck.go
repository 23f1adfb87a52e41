package ui

import (
	"github.com/pinggu/pinggu"
	"net/http"
)

// patrolWarningRecheck re-fetches a warning's target now.
func (s *Handler) patrolWarningRecheck(w http.ResponseWriter, r *http.Request) error {
	id, err := idParam(r)
	if err != nil {
		return err
	}
	if _, err := s.svc.Patrol.RequestRecheck(r.Context(), pinggu.Ref{Kind: "patrol_warning", ID: id}); err != nil {
		return err
	}
	s.redirectFlash(w, r, "/patrol/warnings/"+idOf(id), "flash.patrol_recheck")
	return nil
}
