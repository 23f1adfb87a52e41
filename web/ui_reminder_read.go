package web

import "net/http"

// uiReminderRead marks a reminder read and returns to the list it was read
// from; another tenant's reminder is simply not found.
func (s *Server) uiReminderRead(w http.ResponseWriter, r *http.Request) {
	id, err := pathID(r)
	if err == nil {
		err = s.opts.Reminders.MarkReminderRead(r.Context(), id)
	}
	if err != nil {
		s.uiError(w, r, err)
		return
	}
	to := "/reminders"
	if r.FormValue("view") == "all" {
		to += "?view=all"
	}
	s.redirectFlash(w, r, to, "flash.reminder_read")
}
