package store

import (
	"github.com/pinggu/pinggu"
)

// generateSpecialReminders adds, in the reminder job's transaction, one
// reminder for every special assessment due within the window or overdue
// that the enterprise has still to submit (a draft, or returned to it), and
// queues it for delivery; created counts them by kind. Keyed like the
// periodic ones (service, due date, kind), a daily run adds nothing new
// until a date passes or the due date moves.
func (c *conn) generateSpecialReminders(created map[pinggu.ReminderKind]int) error {
	type due struct {
		id, serviceID, orgID int64
		title, province      string
		at                   tscan
	}
	list, err := queryAll(c, func(row rowScanner) (*due, error) {
		var d due
		err := row.Scan(&d.id, &d.serviceID, &d.orgID, &d.province, &d.title, &d.at)
		return &d, err
	}, `SELECT a.id, a.service_id, a.org_id, a.province, a.title, a.due_at FROM assessments a
		WHERE a.kind = ? AND a.state IN (?, ?) AND a.due_at IS NOT NULL AND a.due_at <= ? ORDER BY a.due_at, a.id`,
		string(pinggu.KindSpecial), string(pinggu.AssessDraft), string(pinggu.AssessReturned), tval(c.now.Add(pinggu.ReviewDueSoonWindow)))
	if err != nil {
		return err
	}
	for _, d := range list {
		kind, ok := pinggu.SpecialReminderKind(d.at.T, c.now)
		if !ok {
			continue
		}
		rem := &pinggu.Reminder{Kind: kind, ServiceID: d.serviceID, OrgID: d.orgID, Province: d.province, DueAt: d.at.T,
			Message: pinggu.SpecialReminderMessage(kind, d.title, d.at.T), AssessmentID: d.id}
		added, err := c.addReminder(rem)
		if err != nil {
			return err
		}
		if !added {
			continue // already reminded of this date
		}
		created[kind]++
	}
	return nil
}
