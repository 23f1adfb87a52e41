package ui

import (
	"net/http"

	"github.com/pinggu/pinggu"
)

type reminderListData struct {
	Items []*pinggu.Reminder
	Total int
	All   bool // every reminder, not only the unread
}

// reminderList lists the periodic-review reminders in the actor's scope:
// the unread ones, or all with ?view=all.
func (s *Handler) reminderList(w http.ResponseWriter, r *http.Request) error {
	p := s.newPage(w, r, "page.reminders")
	p.Active = "dashboard"
	d := reminderListData{All: r.URL.Query().Get("view") == "all"}
	var err error
	d.Items, d.Total, err = s.svc.Reminders.ListReminders(r.Context(), pinggu.ReminderFilter{Unread: !d.All, ListOptions: pinggu.ListOptions{Limit: pinggu.MaxLimit}})
	if err != nil {
		return err
	}
	p.Data = d
	s.render(w, r, http.StatusOK, "reminder_list", p)
	return nil
}

// ReminderKind names a reminder kind in the page's language.
func (p *page) ReminderKind(k pinggu.ReminderKind) string {
	return pinggu.LabelIn(pinggu.ReminderKindLabels, k, p.Lang)
}
