package web

import "net/http"

// apiReminderRead marks a reminder read; another tenant's answers 404.
func (s *Server) apiReminderRead(w http.ResponseWriter, r *http.Request) {
	if s.opts.Reminders == nil {
		s.apiDisabled(w, r)
		return
	}
	id, err := pathID(r)
	if err == nil {
		err = s.opts.Reminders.MarkReminderRead(r.Context(), id)
	}
	if err != nil {
		s.writeProblem(w, r, err)
		return
	}
	w.WriteHeader(http.StatusNoContent)
}
