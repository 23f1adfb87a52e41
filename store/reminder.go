package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"github.com/pinggu/pinggu"
)

// reminderKind maps a review status to the reminder it calls for.
var reminderKind = map[pinggu.ReviewStatus]pinggu.ReminderKind{
	pinggu.ReviewDueSoon: pinggu.ReminderReviewDueSoon,
	pinggu.ReviewOverdue: pinggu.ReminderReviewOverdue,
}

// GenerateReviewReminders creates, as the system, one reminder for every
// launched service whose periodic review is due soon or overdue, and for
// every special assessment due soon or overdue and not yet submitted, and
// queues each in the outbox for delivery, in one transaction with one
// summary audit entry. A reminder is keyed by (service, due date, kind), so running it
// again the same day, or every day, adds nothing new until a date passes or
// a review moves the due date.
func (db *DB) GenerateReviewReminders(ctx context.Context) (int, error) {
	ctx = pinggu.WithActor(ctx, pinggu.SystemActor)
	created := map[pinggu.ReminderKind]int{}
	err := db.inTx(ctx, func(c *conn) error {
		// Due soon or overdue: everything due by the end of the window.
		w := c.reviewsDueWhere("")
		w.add("s.review_due_at <= ?", tval(c.now.Add(pinggu.ReviewDueSoonWindow)))
		due, err := c.reviewsDue(w, -1, 0)
		if err != nil {
			return err
		}
		var pending []*pinggu.ReviewDue
		for _, r := range due {
			if _, ok := reminderKind[r.Status]; ok {
				pending = append(pending, r)
			}
		}
		if err := c.nameReviews(pending); err != nil {
			return err
		}
		for _, r := range pending {
			kind := reminderKind[r.Status]
			rem := &pinggu.Reminder{Kind: kind, ServiceID: r.ServiceID, OrgID: r.OrgID, Province: r.Province, DueAt: r.DueAt,
				Message: pinggu.ReminderMessage(kind, r.ServiceName, r.DueAt)}
			added, err := c.addReminder(rem)
			if err != nil {
				return err
			}
			if !added {
				continue // already reminded of this date
			}
			created[kind]++
		}
		if err := c.generateSpecialReminders(created); err != nil {
			return err
		}
		return c.audit(change{action: "reminder.generate", objectType: "reminder",
			detail: fmt.Sprintf("生成定期核查提醒%d条（即将到期%d条，已逾期%d条），专项评估提醒%d条（即将到期%d条，已逾期%d条）",
				created[pinggu.ReminderReviewDueSoon]+created[pinggu.ReminderReviewOverdue], created[pinggu.ReminderReviewDueSoon], created[pinggu.ReminderReviewOverdue],
				created[pinggu.ReminderSpecialDueSoon]+created[pinggu.ReminderSpecialOverdue], created[pinggu.ReminderSpecialDueSoon], created[pinggu.ReminderSpecialOverdue])})
	})
	if err != nil {
		return 0, err
	}
	n := 0
	for _, k := range created {
		n += k
	}
	return n, nil
}

const reminderBaseCols = `r.id, r.kind, r.service_id, s.name, r.org_id, o.name, r.province, r.due_at, r.message, r.created_at, r.assessment_id`

// reminderCols are those of a user's list, with the user's read mark;
// reminderSystemCols those of the delivery jobs, which read nothing.
const (
	reminderCols       = reminderBaseCols + ", rr.read_at"
	reminderSystemCols = reminderBaseCols + ", NULL"
)

// reminderReads joins the caller's own read mark; the first argument of a
// query using it is the caller's user id (0 for none).
const reminderReads = " LEFT JOIN reminder_reads rr ON rr.reminder_id = r.id AND rr.user_id = ?"

func scanReminder(sc interface{ Scan(...any) error }) (*pinggu.Reminder, error) {
	var r pinggu.Reminder
	var kind string
	var due, created, read tscan
	var asm sql.NullInt64
	if err := sc.Scan(&r.ID, &kind, &r.ServiceID, &r.ServiceName, &r.OrgID, &r.OrgName, &r.Province, &due, &r.Message, &created, &asm, &read); err != nil {
		return nil, err
	}
	r.Kind, r.DueAt, r.CreatedAt, r.ReadAt, r.AssessmentID = pinggu.ReminderKind(kind), due.T, created.T, read.Ptr(), asm.Int64
	return &r, nil
}

// ListReminders returns the reminders in the caller's ledger scope, newest
// first.
func (db *DB) ListReminders(ctx context.Context, f pinggu.ReminderFilter) ([]*pinggu.Reminder, int, error) {
	c := db.reader(ctx)
	opt := f.ListOptions.Normalize()
	var w where
	w.scope(c.actor, "r.org_id", "r.province")
	if f.Unread {
		w.add("rr.read_at IS NULL")
	}
	if f.Kind != "" {
		if !f.Kind.Valid() {
			return nil, 0, pinggu.FieldErrorf(pinggu.EINVALID, "提醒类型无效", "kind", "提醒类型“%s”不存在", string(f.Kind))
		}
		w.add("r.kind = ?", string(f.Kind))
	}
	var uid int64
	if c.actor != nil {
		uid = c.actor.UserID
	}
	args := append([]any{uid}, w.args...)
	var total int
	if err := c.queryRow("SELECT count(*) FROM reminders r"+reminderReads+w.sql(), args...).Scan(&total); err != nil {
		return nil, 0, err
	}
	// The unary + keeps the reminders the outer loop, read newest first
	// (or in the scope's index) until the page is full: SQLite without
	// statistics on the reminders otherwise walked all 100,000
	// organisations of the large ledger looking for theirs, on every
	// dashboard view.
	out, err := queryAll(c, scanReminder, "SELECT "+reminderCols+` FROM reminders r JOIN services s ON s.id = +r.service_id JOIN organisations o ON o.id = +r.org_id`+reminderReads+
		w.sql()+" ORDER BY r.created_at DESC, r.id DESC LIMIT ? OFFSET ?", append(args, opt.Limit, opt.Offset)...)
	if err != nil {
		return nil, 0, err
	}
	return out, total, c.loadDeliveries(out)
}

// loadDeliveries fills in the channels that carried each reminder out.
func (c *conn) loadDeliveries(rs []*pinggu.Reminder) error {
	if len(rs) == 0 {
		return nil
	}
	byID := map[int64]*pinggu.Reminder{}
	args := make([]any, len(rs))
	for i, r := range rs {
		byID[r.ID], args[i] = r, r.ID
	}
	rows, err := c.query("SELECT reminder_id, channel FROM reminder_deliveries WHERE reminder_id IN ("+placeholders(len(args))+") ORDER BY channel", args...)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var id int64
		var ch string
		if err := rows.Scan(&id, &ch); err != nil {
			return err
		}
		if r := byID[id]; r != nil {
			r.Delivered = append(r.Delivered, ch)
		}
	}
	return rows.Err()
}

// MarkReminderRead records that the caller read a reminder in its scope;
// reading it again changes nothing. Read marks are the caller's own: the
// enterprise reading a reminder leaves it unread for its bureau.
func (db *DB) MarkReminderRead(ctx context.Context, id int64) error {
	return db.inTx(ctx, func(c *conn) error {
		var w where
		w.scope(c.actor, "org_id", "province")
		w.add("id = ?", id)
		var one int
		if err := c.queryRow("SELECT 1 FROM reminders"+w.sql(), w.args...).Scan(&one); err != nil {
			return noRows(err, "提醒")
		}
		if err := pinggu.Authorize(c.actor, pinggu.ActReminderMarkRead, pinggu.Subject{}); err != nil {
			return err
		}
		res, err := c.exec("INSERT INTO reminder_reads (reminder_id, user_id, read_at) VALUES (?, ?, ?) ON CONFLICT (user_id, reminder_id) DO NOTHING", id, c.actor.UserID, tval(c.now))
		if err != nil {
			return err
		}
		if n, err := res.RowsAffected(); err != nil || n == 0 {
			return err
		}
		return c.audit(change{action: "reminder.read", objectType: "reminder", objectID: id, detail: "标记提醒为已读"})
	})
}

// addReminder inserts r and queues it for delivery, unless a reminder of
// the same service, due date and kind exists (ok false): a daily job adds
// each once.
func (c *conn) addReminder(r *pinggu.Reminder) (ok bool, err error) {
	var asm any
	if r.AssessmentID != 0 {
		asm = r.AssessmentID
	}
	err = c.queryRow(`INSERT INTO reminders (kind, service_id, org_id, province, due_at, message, created_at, assessment_id)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (service_id, due_at, kind) DO NOTHING RETURNING id`,
		string(r.Kind), r.ServiceID, r.OrgID, r.Province, tval(r.DueAt), r.Message, tval(c.now), asm).Scan(&r.ID)
	if errors.Is(err, sql.ErrNoRows) {
		return false, nil
	}
	if err != nil {
		return false, fmt.Errorf("store: insert reminder: %w", err)
	}
	if _, err := c.exec("INSERT INTO reminder_outbox (reminder_id, created_at) VALUES (?, ?)", r.ID, tval(c.now)); err != nil {
		return false, fmt.Errorf("store: queue reminder: %w", err)
	}
	return true, nil
}
