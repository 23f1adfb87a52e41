package ui

import (
	"net/http"
)

// patrolWarningAck acknowledges a warning.
func (s *Handler) patrolWarningAck(w http.ResponseWriter, r *http.Request) error {
	id, err := idParam(r)
	if err != nil {
		return err
	}
	if _, err := s.svc.Patrol.AcknowledgePatrolWarning(r.Context(), id, r.FormValue("note")); err != nil {
		return err
	}
	s.redirectFlash(w, r, "/patrol/warnings/"+idOf(id), "flash.patrol_warning_acknowledged")
	return nil
}
