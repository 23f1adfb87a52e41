package api

import (
	"net/http"

	"github.com/pinggu/pinggu/web/httpx"
)

// reminderRead marks a reminder read; another tenant's answers 404.
func (s *Handler) reminderRead(w http.ResponseWriter, r *http.Request) error {
	if s.svc.Reminders == nil {
		return errDisabled
	}
	id, err := httpx.PathID(r)
	if err == nil {
		err = s.svc.Reminders.MarkReminderRead(r.Context(), id)
	}
	if err != nil {
		return err
	}
	w.WriteHeader(http.StatusNoContent)
	return nil
}
