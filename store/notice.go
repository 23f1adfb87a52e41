package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"

	"github.com/pinggu/pinggu"
)

// notify writes a notice, its recipients and its place in the delivery
// outbox in c's transaction: a module calls it beside the change the notice
// reports, so the two commit together or not at all. A notice whose
// DedupKey was used before is dropped without error (a daily job notifies of
// a date once); n.ID is then left zero.
func (c *conn) notify(n *pinggu.Notice) error {
	if err := n.Check(); err != nil {
		return err
	}
	var dedup any
	if n.DedupKey != "" {
		dedup = n.DedupKey
	}
	var due any
	if n.DueAt != nil {
		due = tval(*n.DueAt)
	}
	n.CreatedAt = c.now
	err := c.queryRow(`INSERT INTO notices (kind, ref_kind, ref_id, link, org_id, province, title, message, due_at, dedup_key, created_at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (dedup_key) DO NOTHING RETURNING id`,
		n.Kind, n.Subject.Kind, n.Subject.ID, n.Link, n.OrgID, n.Province, n.Title, n.Message, due, dedup, tval(c.now)).Scan(&n.ID)
	if errors.Is(err, sql.ErrNoRows) {
		return nil
	}
	if err != nil {
		return fmt.Errorf("store: insert notice: %w", err)
	}
	seen := map[pinggu.Recipient]bool{}
	for _, r := range n.Recipients {
		if seen[r] {
			continue
		}
		seen[r] = true
		if _, err := c.exec("INSERT INTO notice_recipients (notice_id, party, org_id, province) VALUES (?, ?, ?, ?)",
			n.ID, string(r.Party), r.OrgID, r.Province); err != nil {
			return fmt.Errorf("store: notice recipient: %w", err)
		}
	}
	if _, err := c.exec("INSERT INTO notice_outbox (notice_id, created_at) VALUES (?, ?)", n.ID, tval(c.now)); err != nil {
		return fmt.Errorf("store: queue notice: %w", err)
	}
	return nil
}

// inboxPred is the SQL form of pinggu.Recipient.Reaches for the actor: some
// recipient of the notice n reaches it. ok is false when nothing can.
func inboxPred(a *pinggu.Actor) (pred string, args []any, ok bool) {
	reach, args, ok := reachesPred(a, "nr")
	if !ok {
		return "", nil, false
	}
	return "EXISTS (SELECT 1 FROM notice_recipients nr WHERE nr.notice_id = n.id AND " + reach + ")", args, true
}

// reachesPred is pinggu.Recipient.Reaches in SQL for the actor, over the
// party, org_id and province columns of alias: the addresses (of notices,
// of an incident's parties) that reach it. ok is false when none can.
func reachesPred(a *pinggu.Actor, alias string) (pred string, args []any, ok bool) {
	party, orgIDs, province, ok := a.NoticeAudience()
	if !ok {
		return "", nil, false
	}
	orgs := alias + ".org_id = 0"
	args = []any{string(party), province}
	if len(orgIDs) > 0 {
		orgs = "(" + alias + ".org_id = 0 OR " + alias + ".org_id IN (" + placeholders(len(orgIDs)) + "))"
		for _, id := range orgIDs {
			args = append(args, id)
		}
	}
	return alias + ".party = ? AND (" + alias + ".province = '' OR " + alias + ".province = ?) AND " + orgs, args, true
}

const noticeCols = `n.id, n.kind, n.ref_kind, n.ref_id, n.link, n.org_id, n.province, n.title, n.message, n.due_at, n.created_at, r.read_at`

func scanNotice(sc rowScanner) (*pinggu.Notice, error) {
	var n pinggu.Notice
	var due, created, read tscan
	if err := sc.Scan(&n.ID, &n.Kind, &n.Subject.Kind, &n.Subject.ID, &n.Link, &n.OrgID, &n.Province, &n.Title, &n.Message, &due, &created, &read); err != nil {
		return nil, err
	}
	n.DueAt, n.CreatedAt, n.ReadAt = due.Ptr(), created.T, read.Ptr()
	return &n, nil
}

// inboxWhere is the caller's inbox with the filter's conditions.
func (c *conn) inboxWhere(f pinggu.NoticeFilter) (where, bool) {
	var w where
	pred, args, ok := inboxPred(c.actor)
	if !ok {
		return w, false
	}
	w.add(pred, args...)
	if f.Unread {
		w.add("r.read_at IS NULL")
	}
	switch {
	case strings.HasSuffix(f.Kind, "."):
		w.add("n.kind LIKE ?", f.Kind+"%")
	case f.Kind != "":
		w.add("n.kind = ?", f.Kind)
	}
	return w, true
}

// inboxFrom joins each notice to the caller's read mark.
const inboxFrom = " FROM notices n LEFT JOIN notice_reads r ON r.notice_id = n.id AND r.user_id = ?"

// ListNotices returns the caller's notices, newest first.
func (db *DB) ListNotices(ctx context.Context, f pinggu.NoticeFilter) ([]*pinggu.Notice, int, error) {
	c := db.reader(ctx)
	opt := f.ListOptions.Normalize()
	w, ok := c.inboxWhere(f)
	if !ok {
		return []*pinggu.Notice{}, 0, nil
	}
	args := append([]any{c.actor.UserID}, w.args...)
	var total int
	if err := c.queryRow("SELECT count(*) FROM (SELECT 1"+inboxFrom+w.sql()+" LIMIT ?) t", append(args, pinggu.TotalCap+1)...).Scan(&total); err != nil {
		return nil, 0, err
	}
	out, err := queryAll(c, scanNotice, "SELECT "+noticeCols+inboxFrom+w.sql()+" ORDER BY n.id DESC LIMIT ? OFFSET ?", append(args, opt.Limit, opt.Offset)...)
	if err != nil {
		return nil, 0, err
	}
	return out, total, c.loadNoticeDetails(out)
}

// CountUnreadNotices counts the caller's unread notices, up to TotalCap.
func (db *DB) CountUnreadNotices(ctx context.Context) (int, error) {
	c := db.reader(ctx)
	w, ok := c.inboxWhere(pinggu.NoticeFilter{Unread: true})
	if !ok {
		return 0, nil
	}
	var n int
	err := c.queryRow("SELECT count(*) FROM (SELECT 1"+inboxFrom+w.sql()+" LIMIT ?) t", append(append([]any{c.actor.UserID}, w.args...), pinggu.TotalCap)...).Scan(&n)
	return n, err
}

// loadNoticeDetails fills in the recipients and the channels that carried
// each notice out.
func (c *conn) loadNoticeDetails(ns []*pinggu.Notice) error {
	if len(ns) == 0 {
		return nil
	}
	byID := map[int64]*pinggu.Notice{}
	args := make([]any, len(ns))
	for i, n := range ns {
		byID[n.ID], args[i] = n, n.ID
	}
	in := " IN (" + placeholders(len(args)) + ")"
	type rcpt struct {
		id int64
		r  pinggu.Recipient
	}
	rs, err := queryAll(c, func(sc rowScanner) (rcpt, error) {
		var x rcpt
		var party string
		err := sc.Scan(&x.id, &party, &x.r.OrgID, &x.r.Province)
		x.r.Party = pinggu.Party(party)
		return x, err
	}, "SELECT notice_id, party, org_id, province FROM notice_recipients WHERE notice_id"+in+" ORDER BY notice_id, party, org_id, province", args...)
	if err != nil {
		return err
	}
	for _, x := range rs {
		byID[x.id].Recipients = append(byID[x.id].Recipients, x.r)
	}
	type dlv struct {
		id int64
		ch string
	}
	ds, err := queryAll(c, func(sc rowScanner) (dlv, error) {
		var d dlv
		return d, sc.Scan(&d.id, &d.ch)
	}, "SELECT notice_id, channel FROM notice_deliveries WHERE notice_id"+in+" ORDER BY notice_id, channel", args...)
	if err != nil {
		return err
	}
	for _, d := range ds {
		byID[d.id].Delivered = append(byID[d.id].Delivered, d.ch)
	}
	return nil
}

// MarkNoticeRead records that the caller read a notice that reaches it.
// Reading it again changes nothing. Read marks are the caller's own, so one
// officer's reading does not hide the notice from a colleague.
func (db *DB) MarkNoticeRead(ctx context.Context, id int64) error {
	return db.inTx(ctx, func(c *conn) error {
		w, ok := c.inboxWhere(pinggu.NoticeFilter{})
		if !ok {
			return notFound("通知")
		}
		w.add("n.id = ?", id)
		var read tscan
		if err := c.queryRow("SELECT r.read_at"+inboxFrom+w.sql(), append([]any{c.actor.UserID}, w.args...)...).Scan(&read); err != nil {
			return noRows(err, "通知")
		}
		if read.Valid {
			return nil
		}
		if _, err := c.exec("INSERT INTO notice_reads (notice_id, user_id, read_at) VALUES (?, ?, ?)", id, c.actor.UserID, tval(c.now)); err != nil {
			return err
		}
		return c.audit(change{action: "notice.read", objectType: "notice", objectID: id, detail: "标记通知为已读"})
	})
}

// MarkAllNoticesRead marks every unread notice of the caller read, in one
// transaction with one audit entry.
func (db *DB) MarkAllNoticesRead(ctx context.Context) (int, error) {
	var n int
	err := db.inTx(ctx, func(c *conn) error {
		w, ok := c.inboxWhere(pinggu.NoticeFilter{Unread: true})
		if !ok {
			return nil
		}
		ids, err := queryAll(c, func(sc rowScanner) (int64, error) {
			var id int64
			return id, sc.Scan(&id)
		}, "SELECT n.id"+inboxFrom+w.sql(), append([]any{c.actor.UserID}, w.args...)...)
		if err != nil || len(ids) == 0 {
			return err
		}
		for _, id := range ids {
			if _, err := c.exec("INSERT INTO notice_reads (notice_id, user_id, read_at) VALUES (?, ?, ?)", id, c.actor.UserID, tval(c.now)); err != nil {
				return err
			}
		}
		n = len(ids)
		return c.audit(change{action: "notice.read_all", objectType: "notice", detail: fmt.Sprintf("将%d条通知标记为已读", n)})
	})
	return n, err
}

// Notify writes a notice on its own, in a transaction of its own: for the
// platform's jobs, the demo and tests. A module's store method writes its
// notices beside its change with conn.notify instead. Only the platform
// itself may (pinggu.ActNoticeSend).
func (db *DB) Notify(ctx context.Context, n *pinggu.Notice) error {
	return db.inTx(ctx, func(c *conn) error {
		if err := pinggu.Authorize(c.actor, pinggu.ActNoticeSend, pinggu.Subject{}); err != nil {
			return err
		}
		return c.notify(n)
	})
}
