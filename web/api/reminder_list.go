package api

import (
	"net/http"

	"github.com/pinggu/pinggu"
	"github.com/pinggu/pinggu/web/httpx"
)

// reminderList lists the periodic-review reminders in the caller's
// scope, newest first (?unread=true for those not yet read).
func (s *Handler) reminderList(w http.ResponseWriter, r *http.Request) error {
	if s.svc.Reminders == nil {
		return errDisabled
	}
	var f pinggu.ReminderFilter
	err := httpx.DecodeQuery(r.URL.Query(), &f)
	if err == nil && f.Kind != "" && !f.Kind.Valid() {
		err = httpx.Invalid("kind", "取值“%s”不存在", string(f.Kind))
	}
	if err != nil {
		return err
	}
	f.ListOptions = f.ListOptions.Normalize()
	items, total, err := s.svc.Reminders.ListReminders(r.Context(), f)
	if err != nil {
		return err
	}
	s.writeJSON(w, http.StatusOK, newList(items, total, f.ListOptions))
	return nil
}
