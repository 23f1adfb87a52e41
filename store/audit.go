package store

import (
	"context"
	"fmt"

	"github.com/pinggu/pinggu"
)

// change describes one mutation for its audit entry.
type change struct {
	action     string // e.g. organisation.create
	objectType string
	objectID   int64
	detail     string
	before     any // the record before, digested
	after      any // the record after, digested
	remoteAddr string
}

// audit appends the entry for ch, as the actor of c, to the hash chain in
// c's transaction.
func (c *conn) audit(ch change) error {
	return c.auditAs(c.actor, ch)
}

// auditAs appends an entry for an explicit actor (logins have none in ctx).
// Appends are serialised on the audit_head row: PostgreSQL locks it FOR
// UPDATE; SQLite has one writer.
func (c *conn) auditAs(a *pinggu.Actor, ch change) error {
	lock := ""
	if c.db.d.pg() {
		lock = " FOR UPDATE"
	}
	var seq int64
	var prev string
	if err := c.queryRow("SELECT seq, hash FROM audit_head WHERE id = 1"+lock).Scan(&seq, &prev); err != nil {
		return fmt.Errorf("store: audit head: %w", err)
	}
	e := &pinggu.AuditEntry{
		Seq: seq + 1, At: c.now, Action: ch.action, ObjectType: ch.objectType, ObjectID: ch.objectID,
		Detail: ch.detail, Before: pinggu.Digest(ch.before), After: pinggu.Digest(ch.after),
		RemoteAddr: ch.remoteAddr, Alg: c.db.alg, PrevHash: prev,
	}
	if a != nil {
		e.ActorID, e.ActorName, e.ActorRole = a.UserID, a.Username, a.Role
	} else {
		e.ActorName = "anonymous"
	}
	e.Hash = e.ComputeHash()
	if _, err := c.exec(`INSERT INTO audit_log (seq, at, actor_id, actor_name, actor_role, action, object_type, object_id, detail, before_digest, after_digest, remote_addr, alg, prev_hash, hash)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		e.Seq, tval(e.At), e.ActorID, e.ActorName, string(e.ActorRole), e.Action, e.ObjectType, e.ObjectID,
		e.Detail, e.Before, e.After, e.RemoteAddr, e.Alg, e.PrevHash, e.Hash); err != nil {
		return fmt.Errorf("store: audit append: %w", err)
	}
	if _, err := c.exec("UPDATE audit_head SET seq = ?, hash = ? WHERE id = 1", e.Seq, e.Hash); err != nil {
		return fmt.Errorf("store: audit head: %w", err)
	}
	return nil
}

const auditCols = "seq, at, actor_id, actor_name, actor_role, action, object_type, object_id, detail, before_digest, after_digest, remote_addr, alg, prev_hash, hash"

func scanAudit(sc interface{ Scan(...any) error }) (*pinggu.AuditEntry, error) {
	var e pinggu.AuditEntry
	var at tscan
	var role string
	if err := sc.Scan(&e.Seq, &at, &e.ActorID, &e.ActorName, &role, &e.Action, &e.ObjectType, &e.ObjectID,
		&e.Detail, &e.Before, &e.After, &e.RemoteAddr, &e.Alg, &e.PrevHash, &e.Hash); err != nil {
		return nil, err
	}
	e.At, e.ActorRole = at.T, pinggu.Role(role)
	return &e, nil
}

// ListAudit lists entries, newest first, for auditors.
func (db *DB) ListAudit(ctx context.Context, f pinggu.AuditFilter) ([]*pinggu.AuditEntry, int, error) {
	c := db.reader(ctx)
	if !c.actor.May(pinggu.ActAuditRead) {
		return nil, 0, pinggu.Errorf(pinggu.EFORBIDDEN, "无权查看审计日志")
	}
	opt := f.ListOptions.Normalize()
	var w where
	if f.Actor != "" {
		w.add("actor_name = ?", f.Actor)
	}
	if f.Action != "" {
		w.add("action = ?", f.Action)
	}
	if f.ObjectType != "" {
		w.add("object_type = ?", f.ObjectType)
	}
	if f.ObjectID != 0 {
		w.add("object_id = ?", f.ObjectID)
	}
	if !f.From.IsZero() {
		w.add("at >= ?", tval(f.From))
	}
	if !f.To.IsZero() {
		w.add("at < ?", tval(f.To))
	}
	total, err := c.count("audit_log", w)
	if err != nil {
		return nil, 0, err
	}
	dir := " DESC"
	if opt.Sort == "seq" && !opt.Desc {
		dir = ""
	}
	out, err := queryAll(c, scanAudit, "SELECT "+auditCols+" FROM audit_log"+w.sql()+" ORDER BY seq"+dir+" LIMIT ? OFFSET ?", append(w.args, opt.Limit, opt.Offset)...)
	return out, total, err
}

// auditBatch bounds the memory of verification whatever the log's length.
const auditBatch = 2000

// VerifyAudit walks the chain in seq order, in batches, and reports the first
// break, and whether the head row agrees with the last entry.
func (db *DB) VerifyAudit(ctx context.Context) (*pinggu.AuditReport, error) {
	c := db.reader(ctx)
	if !c.actor.May(pinggu.ActAuditRead) {
		return nil, pinggu.Errorf(pinggu.EFORBIDDEN, "无权查看审计日志")
	}
	rep := &pinggu.AuditReport{}
	var prevSeq int64
	prevHash := ""
	after := int64(-1 << 62)
	for {
		batch, err := queryAll(c, scanAudit, "SELECT "+auditCols+" FROM audit_log WHERE seq > ? ORDER BY seq LIMIT ?", after, auditBatch)
		if err != nil {
			return nil, err
		}
		if len(batch) == 0 {
			break
		}
		if p := pinggu.VerifyChain(batch, prevSeq, prevHash); p != nil {
			rep.Problem = p
			return rep, nil
		}
		rep.Entries += int64(len(batch))
		last := batch[len(batch)-1]
		prevSeq, prevHash, after = last.Seq, last.Hash, last.Seq
		rep.Head = last.Hash
		if err := ctx.Err(); err != nil {
			return nil, err
		}
	}
	// Entries removed from the end leave the head ahead of the log.
	var headSeq int64
	var headHash string
	if err := c.queryRow("SELECT seq, hash FROM audit_head WHERE id = 1").Scan(&headSeq, &headHash); err != nil {
		return nil, err
	}
	if headSeq > prevSeq {
		rep.Problem = &pinggu.AuditProblem{Seq: prevSeq + 1, Kind: "removed", Message: fmt.Sprintf("第%d条及其后的记录已被删除（entries removed from the end）", prevSeq+1)}
	} else if headSeq == prevSeq && headHash != prevHash {
		rep.Problem = &pinggu.AuditProblem{Seq: prevSeq, Kind: "altered", Message: "最后一条记录与链头不符，已被篡改（last entry altered）"}
	}
	return rep, nil
}

// count counts the rows of from matching w, stopping at TotalCap+1 so broad
// filters over large tables stay fast; a result above TotalCap means "more".
func (c *conn) count(from string, w where) (int, error) {
	var n int
	st := cappedCount(from, w)
	err := c.queryRow(st.SQL, st.Args...).Scan(&n)
	return n, err
}
