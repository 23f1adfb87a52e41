package store

import (
	"context"
	"fmt"
	"sync"
	"time"

	"github.com/pinggu/pinggu"
)

// The sealer chains PostgreSQL's pending audit entries.
//
// A mutation on PostgreSQL writes its audit entry into audit_pending in its
// own transaction, so the entry commits or vanishes with the change. The
// sealer then locks the chain's head, takes the pending entries in the
// order they were written, numbers and links them, moves them into
// audit_log and deletes them from audit_pending, all in one transaction.
// Every node runs one; the head's row lock makes them take turns, and an
// entry is chained once whichever node gets to it. Mutations nudge their
// node's sealer after commit, so entries are chained within milliseconds;
// a tick every second picks up what a node that stopped left behind. Reads
// of the log (list, verify, checkpoint) seal first, so an auditor never
// misses an entry that has committed.
//
// Before, every PostgreSQL mutation locked the head, appended and then
// committed while holding it: commits went one by one, each waiting for
// its WAL flush, and writes stopped at about 250 a second on two nodes.
type sealer struct {
	db    *DB
	nudge chan struct{}
	quit  chan struct{}
	done  sync.WaitGroup
}

// sealBatch bounds one sealing transaction.
const sealBatch = 1000

func newSealer(db *DB) *sealer {
	s := &sealer{db: db, nudge: make(chan struct{}, 1), quit: make(chan struct{})}
	s.done.Add(1)
	go s.run()
	return s
}

// poke asks for a seal soon; pokes while one is pending coalesce.
func (s *sealer) poke() {
	select {
	case s.nudge <- struct{}{}:
	default:
	}
}

func (s *sealer) run() {
	defer s.done.Done()
	tick := time.NewTicker(time.Second)
	defer tick.Stop()
	for {
		select {
		case <-s.quit:
			return
		case <-s.nudge:
		case <-tick.C:
		}
		if err := s.db.seal(context.Background()); err != nil {
			s.db.log.Error("audit: sealing pending entries", "err", err)
		}
		// Under a steady stream of writes every commit pokes: sealing
		// at most every sealPace chains them in bigger batches, with
		// fewer transactions on the head (each one a commit to flush).
		// Nothing waits on it: reads of the log seal first.
		select {
		case <-s.quit:
			return
		case <-time.After(sealPace):
		}
	}
}

// sealPace is the shortest time between two seals of one node.
const sealPace = 50 * time.Millisecond

// stop ends the sealer after the seal it is doing; entries still pending
// are chained by the next seal of any node.
func (s *sealer) stop() {
	close(s.quit)
	s.done.Wait()
}

// seal chains every pending entry, in batches; on SQLite there are none.
func (db *DB) seal(ctx context.Context) error {
	if !db.d.pg() {
		return nil
	}
	for {
		n, err := db.sealOnce(ctx)
		if err != nil || n < sealBatch {
			return err
		}
	}
}

// sealOnce chains up to sealBatch pending entries in one transaction and
// returns how many.
func (db *DB) sealOnce(ctx context.Context) (int, error) {
	// Most calls find nothing: ask without taking the head's lock.
	var found bool
	if err := db.read.QueryRowContext(ctx, "SELECT EXISTS (SELECT 1 FROM audit_pending) OR EXISTS (SELECT 1 FROM audit_log WHERE seq > (SELECT seq FROM audit_head WHERE id = 1))").Scan(&found); err != nil {
		return 0, fmt.Errorf("store: audit seal: %w", err)
	}
	if !found {
		return 0, nil
	}
	var n int
	err := db.inOwnTx(pinggu.WithActor(ctx, pinggu.SystemActor), func(c *conn) error {
		head, err := c.auditHead() // locks it: nodes seal in turn
		if err != nil {
			return err
		}
		// Rows beyond the head are a forger's (see chain); they go before
		// anything is appended after them.
		if head, err = c.quarantineBeyond(head); err != nil {
			return err
		}
		type pending struct {
			id int64
			e  *pinggu.AuditEntry
		}
		ps, err := queryAll(c, func(row rowScanner) (pending, error) {
			var p pending
			var e pinggu.AuditEntry
			var at tscan
			var role string
			err := row.Scan(&p.id, &at, &e.ActorID, &e.ActorName, &role, &e.Action, &e.ObjectType, &e.ObjectID,
				&e.Detail, &e.Before, &e.After, &e.RemoteAddr, &e.Alg)
			e.At, e.ActorRole = at.T, pinggu.Role(role)
			p.e = &e
			return p, err
		}, "SELECT id, "+pendingCols+" FROM audit_pending ORDER BY id LIMIT ?", sealBatch)
		if err != nil {
			return err
		}
		entries := make([]*pinggu.AuditEntry, len(ps))
		ids := make([]any, len(ps))
		for i, p := range ps {
			entries[i], ids[i] = p.e, p.id
		}
		if err := c.chain(head, entries); err != nil {
			return err
		}
		if len(ids) > 0 {
			if _, err := c.exec("DELETE FROM audit_pending WHERE id IN ("+placeholders(len(ids))+")", ids...); err != nil {
				return fmt.Errorf("store: audit seal: %w", err)
			}
		}
		n = len(ps)
		return nil
	})
	return n, err
}
