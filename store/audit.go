package store

import (
	"context"
	"fmt"
	"strings"

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

// auditAs writes the entry of a change by an explicit actor (logins have
// none in ctx) in c's transaction. On SQLite it is chained at once: the
// writer runs one mutation at a time. On PostgreSQL it waits in
// audit_pending for the sealer (audit_seal.go), so that concurrent
// transactions do not queue on the chain's head until each commits.
func (c *conn) auditAs(a *pinggu.Actor, ch change) error {
	e := c.entry(a, ch)
	if c.db.d.pg() {
		c.sealAfter = true
		_, err := c.exec("INSERT INTO audit_pending ("+pendingCols+") VALUES ("+placeholders(pendingColCount)+")", pendingArgs(e)...)
		if err != nil {
			return fmt.Errorf("store: audit append: %w", err)
		}
		return nil
	}
	head, err := c.auditHead()
	if err != nil {
		return err
	}
	return c.chain(head, []*pinggu.AuditEntry{e})
}

// pendingCols are the columns of an entry waiting in audit_pending, in the
// order of pendingArgs.
const (
	pendingCols     = "at, actor_id, actor_name, actor_role, action, object_type, object_id, detail, before_digest, after_digest, remote_addr, alg"
	pendingColCount = 12
)

// pendingArgs are the values of e's row in audit_pending.
func pendingArgs(e *pinggu.AuditEntry) []any {
	return []any{tval(e.At), e.ActorID, e.ActorName, string(e.ActorRole), e.Action, e.ObjectType, e.ObjectID, e.Detail, e.Before, e.After, e.RemoteAddr, e.Alg}
}

// entry is the audit entry of ch by a, not yet chained. The client address
// is the change's own, or else the one the web layer put in the context.
func (c *conn) entry(a *pinggu.Actor, ch change) *pinggu.AuditEntry {
	e := &pinggu.AuditEntry{
		At: c.now, Action: ch.action, ObjectType: ch.objectType, ObjectID: ch.objectID,
		Detail: ch.detail, Before: pinggu.Digest(ch.before), After: pinggu.Digest(ch.after),
		RemoteAddr: ch.remoteAddr, Alg: c.db.alg,
	}
	if e.RemoteAddr == "" {
		e.RemoteAddr = pinggu.ClientAddrFrom(c.ctx)
	}
	if a != nil {
		e.ActorID, e.ActorName, e.ActorRole = a.UserID, a.Username, a.Role
	} else {
		e.ActorName = "anonymous"
	}
	return e
}

// auditPos is a place in the chain: the last entry's number and hash.
type auditPos struct {
	seq  int64
	hash string
}

// auditHead reads the chain's head, locking it on PostgreSQL until the
// transaction ends.
func (c *conn) auditHead() (auditPos, error) {
	lock := ""
	if c.db.d.pg() {
		lock = " FOR UPDATE"
	}
	var h auditPos
	if err := c.queryRow("SELECT seq, hash FROM audit_head WHERE id = 1"+lock).Scan(&h.seq, &h.hash); err != nil {
		return h, fmt.Errorf("store: audit head: %w", err)
	}
	return h, nil
}

// chain numbers and links entries after head, writes them and moves the
// head. A row already at a number the chain is about to take can only be a
// forgery (the head moves in the same transaction as every genuine append),
// so instead of failing every write from then on — a UNIQUE violation — the
// rows beyond the head are quarantined and the chain goes on after a record
// of the finding.
func (c *conn) chain(head auditPos, entries []*pinggu.AuditEntry) error {
	if len(entries) > 1 {
		return c.chainMany(head, entries)
	}
	for _, e := range entries {
		e.Seq, e.PrevHash = head.seq+1, head.hash
		e.Hash = e.ComputeHash()
		ok, err := c.insertEntry(e)
		if err != nil {
			return err
		}
		if !ok {
			if head, err = c.quarantineBeyond(head); err != nil {
				return err
			}
			e.Seq, e.PrevHash = head.seq+1, head.hash
			e.Hash = e.ComputeHash()
			if ok, err = c.insertEntry(e); err != nil {
				return err
			} else if !ok {
				return fmt.Errorf("store: audit append: entry %d is taken after quarantine", e.Seq)
			}
		}
		head = auditPos{e.Seq, e.Hash}
	}
	if _, err := c.exec("UPDATE audit_head SET seq = ?, hash = ? WHERE id = 1", head.seq, head.hash); err != nil {
		return fmt.Errorf("store: audit head: %w", err)
	}
	return nil
}

// chainMany is chain for the sealer's batches: many rows a statement. The
// sealer has quarantined any row beyond the head under the head's lock, so
// a number found taken now means a forger is writing as it seals: the
// batch fails, and the next seal quarantines first.
func (c *conn) chainMany(head auditPos, entries []*pinggu.AuditEntry) error {
	const perStatement = 100 // 15 columns each, well under the parameter limits
	for start := 0; start < len(entries); start += perStatement {
		chunk := entries[start:min(start+perStatement, len(entries))]
		args := make([]any, 0, len(chunk)*15)
		values := make([]string, len(chunk))
		for i, e := range chunk {
			e.Seq, e.PrevHash = head.seq+1, head.hash
			e.Hash = e.ComputeHash()
			head = auditPos{e.Seq, e.Hash}
			values[i] = "(" + placeholders(15) + ")"
			args = append(args, e.Seq, tval(e.At), e.ActorID, e.ActorName, string(e.ActorRole), e.Action, e.ObjectType, e.ObjectID,
				e.Detail, e.Before, e.After, e.RemoteAddr, e.Alg, e.PrevHash, e.Hash)
		}
		res, err := c.exec("INSERT INTO audit_log ("+auditCols+") VALUES "+strings.Join(values, ", ")+" ON CONFLICT (seq) DO NOTHING", args...)
		if err != nil {
			return fmt.Errorf("store: audit append: %w", err)
		}
		if n, err := res.RowsAffected(); err != nil {
			return err
		} else if n != int64(len(chunk)) {
			return fmt.Errorf("store: audit append: entries %d to %d are partly taken; someone is writing the log directly", chunk[0].Seq, chunk[len(chunk)-1].Seq)
		}
	}
	if _, err := c.exec("UPDATE audit_head SET seq = ?, hash = ? WHERE id = 1", head.seq, head.hash); err != nil {
		return fmt.Errorf("store: audit head: %w", err)
	}
	return nil
}

// insertEntry writes a chained entry; false means its number is taken.
func (c *conn) insertEntry(e *pinggu.AuditEntry) (bool, error) {
	res, err := c.exec(`INSERT INTO audit_log (`+auditCols+`)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (seq) DO NOTHING`,
		e.Seq, tval(e.At), e.ActorID, e.ActorName, string(e.ActorRole), e.Action, e.ObjectType, e.ObjectID,
		e.Detail, e.Before, e.After, e.RemoteAddr, e.Alg, e.PrevHash, e.Hash)
	if err != nil {
		return false, fmt.Errorf("store: audit append: %w", err)
	}
	n, err := res.RowsAffected()
	return n == 1, err
}

// quarantineBeyond moves every row numbered after head out of the log into
// audit_quarantine, appends an entry saying so, and returns the new head.
// It returns head unchanged when there is none.
func (c *conn) quarantineBeyond(head auditPos) (auditPos, error) {
	forged, err := queryAll(c, scanAudit, "SELECT "+auditCols+" FROM audit_log WHERE seq > ? ORDER BY seq", head.seq)
	if err != nil || len(forged) == 0 {
		return head, err
	}
	if _, err := c.exec("INSERT INTO audit_quarantine ("+auditCols+", quarantined_at, head_seq) SELECT "+auditCols+", ?, ? FROM audit_log WHERE seq > ?",
		tval(c.now), head.seq, head.seq); err != nil {
		return head, fmt.Errorf("store: audit quarantine: %w", err)
	}
	if _, err := c.exec("DELETE FROM audit_log WHERE seq > ?", head.seq); err != nil {
		return head, fmt.Errorf("store: audit quarantine: %w", err)
	}
	first, last := forged[0], forged[len(forged)-1]
	c.db.log.Error("audit log: rows beyond the chain's head quarantined; someone wrote the database directly",
		"head", head.seq, "count", len(forged), "first_seq", first.Seq, "last_seq", last.Seq, "first_hash", first.Hash)
	e := c.entry(pinggu.SystemActor, change{action: "audit.quarantine", objectType: "audit_log", objectID: first.Seq,
		detail: fmt.Sprintf("审计链头（第%d条）之后发现%d条非经系统写入的记录（第%d至%d条），已移入隔离表（%d rows beyond the head quarantined, first hash %s）",
			head.seq, len(forged), first.Seq, last.Seq, len(forged), first.Hash)})
	e.Seq, e.PrevHash = head.seq+1, head.hash
	e.Hash = e.ComputeHash()
	if ok, err := c.insertEntry(e); err != nil {
		return head, err
	} else if !ok {
		return head, fmt.Errorf("store: audit quarantine: entry %d still taken", e.Seq)
	}
	return auditPos{e.Seq, e.Hash}, nil
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
	// Entries that committed but wait for the sealer are shown too.
	if err := db.seal(ctx); err != nil {
		return nil, 0, err
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

// VerifyAudit walks the chain in seq order, in batches, and reports the
// first break, and whether the rows end where the head row says.
func (db *DB) VerifyAudit(ctx context.Context) (*pinggu.AuditReport, error) {
	return db.verifyAudit(ctx, nil)
}

// VerifyAuditAgainst is VerifyAudit that also holds the rows to a signed
// checkpoint (its signature checked by the caller, who holds the key): the
// entry it names must be there with the hash it signed. That finds what the
// rows alone cannot — a log cut short or emptied together with its head row,
// or rewritten with every later hash recomputed.
func (db *DB) VerifyAuditAgainst(ctx context.Context, cp *pinggu.AuditCheckpoint) (*pinggu.AuditReport, error) {
	if cp == nil {
		return nil, pinggu.Errorf(pinggu.EINVALID, "检查点为空")
	}
	return db.verifyAudit(ctx, cp)
}

func (db *DB) verifyAudit(ctx context.Context, cp *pinggu.AuditCheckpoint) (*pinggu.AuditReport, error) {
	c := db.reader(ctx)
	if !c.actor.May(pinggu.ActAuditRead) {
		return nil, pinggu.Errorf(pinggu.EFORBIDDEN, "无权查看审计日志")
	}
	if err := db.seal(ctx); err != nil {
		return nil, err
	}
	rep := &pinggu.AuditReport{Checkpoint: cp}
	var prevSeq int64
	prevHash := ""
	after := int64(-1 << 62)
	cpFound := cp == nil || cp.Seq == 0
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
		if !cpFound {
			for _, e := range batch {
				if e.Seq != cp.Seq {
					continue
				}
				cpFound = true
				if !strings.EqualFold(e.Hash, cp.Head) {
					rep.Problem = &pinggu.AuditProblem{Seq: cp.Seq, Kind: "altered", Message: fmt.Sprintf(
						"第%d条记录的哈希与%s签署的检查点不符：该条及之前的记录被改写，其后的哈希被重新计算（entries up to the checkpoint rewritten）",
						cp.Seq, cp.At.In(pinggu.ChinaTime).Format("2006-01-02 15:04"))}
					return rep, nil
				}
			}
		}
		rep.Entries += int64(len(batch))
		last := batch[len(batch)-1]
		prevSeq, prevHash, after = last.Seq, last.Hash, last.Seq
		rep.Head = last.Hash
		if err := ctx.Err(); err != nil {
			return nil, err
		}
	}
	if !cpFound {
		rep.Problem = &pinggu.AuditProblem{Seq: prevSeq + 1, Kind: "removed", Message: fmt.Sprintf(
			"日志止于第%d条，而检查点已签至第%d条：记录被截断或删除（log cut short: the checkpoint covers entry %d）", prevSeq, cp.Seq, cp.Seq)}
		return rep, nil
	}
	var headHash string
	if err := c.queryRow("SELECT seq, hash FROM audit_head WHERE id = 1").Scan(&rep.HeadSeq, &headHash); err != nil {
		return nil, err
	}
	switch {
	case rep.HeadSeq > prevSeq:
		// Entries removed from the end leave the head ahead of the log.
		rep.Problem = &pinggu.AuditProblem{Seq: prevSeq + 1, Kind: "removed", Message: fmt.Sprintf("第%d条及其后的记录已被删除（entries removed from the end）", prevSeq+1)}
	case rep.HeadSeq == prevSeq && headHash != prevHash:
		rep.Problem = &pinggu.AuditProblem{Seq: prevSeq, Kind: "altered", Message: "最后一条记录与链头不符，已被篡改（last entry altered）"}
	case rep.HeadSeq < prevSeq:
		// Every genuine append moves the head in its transaction: a row
		// beyond it was written into the database directly.
		rep.Problem = &pinggu.AuditProblem{Seq: rep.HeadSeq + 1, Kind: "inserted", Message: fmt.Sprintf(
			"链头止于第%d条，其后的第%d至%d条记录非经系统写入，为伪造追加（entries appended beyond the head）", rep.HeadSeq, rep.HeadSeq+1, prevSeq)}
	}
	if rep.Problem != nil {
		return rep, nil
	}
	var first int64
	var at tscan
	if err := c.queryRow("SELECT count(*), COALESCE(min(seq), 0), min(quarantined_at) FROM audit_quarantine").Scan(&rep.Quarantined, &first, &at); err != nil {
		return nil, err
	}
	if rep.Quarantined > 0 {
		rep.Problem = &pinggu.AuditProblem{Seq: first, Kind: "inserted", Message: fmt.Sprintf(
			"曾在链头之后发现%d条伪造记录（首条为第%d条），已于%s移入隔离表，链中有记录（forged entries found beyond the head and quarantined; see action audit.quarantine）",
			rep.Quarantined, first, at.T.In(pinggu.ChinaTime).Format("2006-01-02 15:04:05"))}
	}
	return rep, nil
}

// AuditCheckpoint returns the chain's head as a checkpoint to sign: the
// number and hash of the last entry, after sealing what is pending.
func (db *DB) AuditCheckpoint(ctx context.Context) (*pinggu.AuditCheckpoint, error) {
	c := db.reader(ctx)
	if !c.actor.May(pinggu.ActAuditRead) {
		return nil, pinggu.Errorf(pinggu.EFORBIDDEN, "无权查看审计日志")
	}
	if err := db.seal(ctx); err != nil {
		return nil, err
	}
	cp := &pinggu.AuditCheckpoint{Version: pinggu.CheckpointVersion, At: c.now, Alg: db.alg}
	if err := c.queryRow("SELECT seq, hash FROM audit_head WHERE id = 1").Scan(&cp.Seq, &cp.Head); err != nil {
		return nil, err
	}
	if cp.Seq > 0 {
		if err := c.queryRow("SELECT alg FROM audit_log WHERE seq = ?", cp.Seq).Scan(&cp.Alg); err != nil {
			return nil, noRows(err, "审计链头记录")
		}
	}
	return cp, nil
}

// count counts the rows of from matching w, stopping at TotalCap+1 so broad
// filters over large tables stay fast; a result above TotalCap means "more".
func (c *conn) count(from string, w where) (int, error) {
	var n int
	st := cappedCount(from, w)
	err := c.queryRow(st.SQL, st.Args...).Scan(&n)
	return n, err
}
