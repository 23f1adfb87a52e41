package store

import (
	"context"
	"database/sql"
	"fmt"

	"github.com/pinggu/pinggu"
)

// DispatchReminders hands the reminders waiting in the outbox to enqueue,
// which gets the store's transaction to insert its delivery jobs with, and
// marks them dispatched in the same transaction: a reminder is handed on
// exactly once, whatever fails in between. It returns how many went.
func (db *DB) DispatchReminders(ctx context.Context, enqueue func(tx *sql.Tx, rs []*pinggu.Reminder) error) (int, error) {
	ctx = pinggu.WithActor(ctx, pinggu.SystemActor)
	var n int
	err := db.inTx(ctx, func(c *conn) error {
		tx, ok := txOf(c)
		if !ok {
			return fmt.Errorf("store: dispatch outside a transaction")
		}
		rs, err := queryAll(c, scanReminder, "SELECT "+reminderSystemCols+` FROM reminder_outbox x JOIN reminders r ON r.id = x.reminder_id
			JOIN services s ON s.id = r.service_id JOIN organisations o ON o.id = r.org_id
			WHERE x.dispatched_at IS NULL ORDER BY x.reminder_id LIMIT 500`)
		if err != nil {
			return err
		}
		if len(rs) == 0 {
			return nil
		}
		if err := enqueue(tx, rs); err != nil {
			return err
		}
		args := []any{tval(c.now)}
		for _, r := range rs {
			args = append(args, r.ID)
		}
		if _, err := c.exec("UPDATE reminder_outbox SET dispatched_at = ? WHERE reminder_id IN ("+placeholders(len(rs))+")", args...); err != nil {
			return err
		}
		n = len(rs)
		return nil
	})
	return n, err
}

// ReminderForDelivery loads a reminder, as the system, with the e-mail
// addresses of the owner organisation's contacts it goes to.
func (db *DB) ReminderForDelivery(ctx context.Context, id int64) (*pinggu.Reminder, []string, error) {
	c := db.reader(pinggu.WithActor(ctx, pinggu.SystemActor))
	r, err := scanReminder(c.queryRow("SELECT "+reminderSystemCols+` FROM reminders r JOIN services s ON s.id = r.service_id
		JOIN organisations o ON o.id = r.org_id WHERE r.id = ?`, id))
	if err != nil {
		return nil, nil, noRows(err, "提醒")
	}
	var contacts string
	if err := c.queryRow("SELECT contacts FROM organisations WHERE id = ?", r.OrgID).Scan(&contacts); err != nil {
		return nil, nil, err
	}
	var cs []pinggu.Contact
	fromJSON(contacts, &cs)
	var emails []string
	for _, ct := range cs {
		if ct.Email != "" {
			emails = append(emails, ct.Email)
		}
	}
	return r, emails, c.loadDeliveries([]*pinggu.Reminder{r})
}

// MarkReminderDelivered records that channel carried the reminder out; a
// retried job that delivers twice records it once.
func (db *DB) MarkReminderDelivered(ctx context.Context, id int64, channel string) error {
	if channel != pinggu.ChannelWebhook && channel != pinggu.ChannelEmail {
		return pinggu.Errorf(pinggu.EINVALID, "投递渠道“%s”不存在", channel)
	}
	return db.inTx(pinggu.WithActor(ctx, pinggu.SystemActor), func(c *conn) error {
		_, err := c.exec("INSERT INTO reminder_deliveries (reminder_id, channel, delivered_at) VALUES (?, ?, ?) ON CONFLICT (reminder_id, channel) DO NOTHING", id, channel, tval(c.now))
		return err
	})
}
