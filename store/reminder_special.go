package store

import (
	"database/sql"
	"errors"
	"fmt"

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
		var id int64
		err := c.queryRow(`INSERT INTO reminders (kind, service_id, org_id, province, due_at, message, created_at, assessment_id)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (service_id, due_at, kind) DO NOTHING RETURNING id`,
			string(kind), d.serviceID, d.orgID, d.province, tval(d.at.T), pinggu.SpecialReminderMessage(kind, d.title, d.at.T), tval(c.now), d.id).Scan(&id)
		if errors.Is(err, sql.ErrNoRows) {
			continue // already reminded of this date
		}
		if err != nil {
			return fmt.Errorf("store: insert special reminder: %w", err)
		}
		if _, err := c.exec("INSERT INTO reminder_outbox (reminder_id, created_at) VALUES (?, ?)", id, tval(c.now)); err != nil {
			return fmt.Errorf("store: queue reminder: %w", err)
		}
		created[kind]++
	}
	return nil
}
