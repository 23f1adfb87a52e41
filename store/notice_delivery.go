package store

import (
	"context"
	"database/sql"
	"fmt"

	"github.com/pinggu/pinggu"
)

// DispatchNotices hands the notices waiting in the outbox to enqueue, which
// gets the store's transaction to insert its delivery jobs with, and marks
// them dispatched in the same transaction: a notice is handed on exactly
// once, whatever fails in between. It returns how many went.
func (db *DB) DispatchNotices(ctx context.Context, enqueue func(tx *sql.Tx, ns []*pinggu.Notice) error) (int, error) {
	ctx = pinggu.WithActor(ctx, pinggu.SystemActor)
	var n int
	err := db.inTx(ctx, func(c *conn) error {
		tx, ok := txOf(c)
		if !ok {
			return fmt.Errorf("store: dispatch outside a transaction")
		}
		ns, err := queryAll(c, scanNotice, "SELECT "+noticeCols+` FROM notice_outbox x JOIN notices n ON n.id = x.notice_id
			LEFT JOIN notice_reads r ON 1 = 0 WHERE x.dispatched_at IS NULL ORDER BY x.notice_id LIMIT 500`)
		if err != nil || len(ns) == 0 {
			return err
		}
		if err := enqueue(tx, ns); err != nil {
			return err
		}
		args := []any{tval(c.now)}
		for _, n := range ns {
			args = append(args, n.ID)
		}
		if _, err := c.exec("UPDATE notice_outbox SET dispatched_at = ? WHERE notice_id IN ("+placeholders(len(ns))+")", args...); err != nil {
			return err
		}
		n = len(ns)
		return nil
	})
	return n, err
}

// NoticeForDelivery loads a notice, as the system, with the contact e-mail
// addresses of the organisations it reaches: each organisation a recipient
// names, and the bureau of each province a recipient names.
func (db *DB) NoticeForDelivery(ctx context.Context, id int64) (*pinggu.Notice, []string, error) {
	c := db.reader(pinggu.WithActor(ctx, pinggu.SystemActor))
	n, err := scanNotice(c.queryRow("SELECT "+noticeCols+" FROM notices n LEFT JOIN notice_reads r ON 1 = 0 WHERE n.id = ?", id))
	if err != nil {
		return nil, nil, noRows(err, "通知")
	}
	if err := c.loadNoticeDetails([]*pinggu.Notice{n}); err != nil {
		return nil, nil, err
	}
	var emails []string
	seen := map[string]bool{}
	for _, r := range n.Recipients {
		var q string
		var arg any
		switch {
		case r.OrgID != 0:
			q, arg = "SELECT contacts FROM organisations WHERE id = ?", r.OrgID
		case r.Party == pinggu.PartyBureau && r.Province != "":
			q, arg = "SELECT contacts FROM organisations WHERE kind = ? AND province = ?", string(pinggu.OrgBureau)
		default:
			continue // a whole party: the inbox reaches it, e-mail has no one address
		}
		args := []any{arg}
		if r.OrgID == 0 {
			args = append(args, r.Province)
		}
		contacts, err := queryAll(c, func(sc rowScanner) (string, error) {
			var s string
			return s, sc.Scan(&s)
		}, q, args...)
		if err != nil {
			return nil, nil, err
		}
		for _, js := range contacts {
			var cs []pinggu.Contact
			fromJSON(js, &cs)
			for _, ct := range cs {
				if ct.Email != "" && !seen[ct.Email] {
					seen[ct.Email] = true
					emails = append(emails, ct.Email)
				}
			}
		}
	}
	return n, emails, nil
}

// MarkNoticeDelivered records that channel carried the notice out; a
// retried job that delivers twice records it once.
func (db *DB) MarkNoticeDelivered(ctx context.Context, id int64, channel string) error {
	if channel != pinggu.ChannelWebhook && channel != pinggu.ChannelEmail {
		return pinggu.Errorf(pinggu.EINVALID, "投递渠道“%s”不存在", channel)
	}
	return db.inTx(pinggu.WithActor(ctx, pinggu.SystemActor), func(c *conn) error {
		_, err := c.exec("INSERT INTO notice_deliveries (notice_id, channel, delivered_at) VALUES (?, ?, ?) ON CONFLICT (notice_id, channel) DO NOTHING", id, channel, tval(c.now))
		return err
	})
}
