package ui

import (
	"net/http"

	"github.com/pinggu/pinggu/web/httpx"
)

// reminderRead marks a reminder read and returns to the list it was read
// from; another tenant's reminder is simply not found.
func (s *Handler) reminderRead(w http.ResponseWriter, r *http.Request) error {
	id, err := httpx.PathID(r)
	if err == nil {
		err = s.svc.Reminders.MarkReminderRead(r.Context(), id)
	}
	if err != nil {
		return err
	}
	to := "/reminders"
	if r.FormValue("view") == "all" {
		to += "?view=all"
	}
	s.redirectFlash(w, r, to, "flash.reminder_read")
	return nil
}
