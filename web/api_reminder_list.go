package web

import (
	"net/http"

	"github.com/pinggu/pinggu"
)

// apiReminderList lists the periodic-review reminders in the caller's
// scope, newest first (?unread=true for those not yet read).
func (s *Server) apiReminderList(w http.ResponseWriter, r *http.Request) {
	if s.opts.Reminders == nil {
		s.apiDisabled(w, r)
		return
	}
	var f pinggu.ReminderFilter
	err := decodeQuery(r.URL.Query(), &f)
	if err == nil && f.Kind != "" && !f.Kind.Valid() {
		err = invalid("kind", "取值“"+string(f.Kind)+"”不存在")
	}
	if err != nil {
		s.writeProblem(w, r, err)
		return
	}
	f.ListOptions = f.ListOptions.Normalize()
	items, total, err := s.opts.Reminders.ListReminders(r.Context(), f)
	if err != nil {
		s.writeProblem(w, r, err)
		return
	}
	s.writeJSON(w, http.StatusOK, newList(items, total, f.ListOptions))
}
