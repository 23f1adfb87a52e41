package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"runtime/debug"
	"sync"

	"github.com/pinggu/pinggu"
)

// The writer commits the store's mutations in groups.
//
// SQLite has one writer, and every mutation appends to the audit hash
// chain, so mutations are serial by nature. A commit is the expensive part (SQLite writes
// every dirty page to the WAL), so one commit per mutation capped writes at
// about six hundred a second. The writer instead runs the mutations that queued while
// the previous group committed, one after the other, each inside its own
// SAVEPOINT, and commits them together: a mutation that fails is rolled
// back to its savepoint alone, and no caller hears "done" before the commit
// that holds its change. Each exported store method is still one atomic
// unit with its audit entry; a group is only several of them made durable
// at once (group commit, as databases do with their own logs).
//
// PostgreSQL has no writer: its transactions run side by side, each over a
// round trip per statement, and a serial writer would add those round trips
// up; its audit entries are chained afterwards by the sealer instead
// (audit_seal.go).
type writer struct {
	db   *DB
	reqs chan *writeReq
	quit chan struct{}
	done sync.WaitGroup
}

// writeReq is one mutation waiting for the writer.
type writeReq struct {
	ctx  context.Context
	fn   func(*conn) error
	done chan error
}

// maxGroup bounds a group, so the first mutation of a long queue does not
// wait for the last.
const maxGroup = 64

func newWriter(db *DB) *writer {
	w := &writer{db: db, reqs: make(chan *writeReq, 1024), quit: make(chan struct{})}
	w.done.Add(1)
	go w.run()
	return w
}

// errClosed answers mutations sent after Close.
var errClosed = errors.New("store: closed")

// do runs fn in the next group and returns its result once the group has
// committed (or fn has failed). A caller whose ctx ends while fn waits in the
// queue gets ctx's error and fn does not run; once fn runs, it runs to its
// end whatever ctx does, because SQLite's interrupt of one statement would
// roll back the whole group.
func (w *writer) do(ctx context.Context, fn func(*conn) error) error {
	r := &writeReq{ctx: ctx, fn: fn, done: make(chan error, 1)}
	select {
	case w.reqs <- r:
	case <-w.quit:
		return errClosed
	case <-ctx.Done():
		return ctx.Err()
	}
	return <-r.done
}

func (w *writer) run() {
	defer w.done.Done()
	group := make([]*writeReq, 0, maxGroup)
	for {
		select {
		case r := <-w.reqs:
			group = append(group[:0], r)
		case <-w.quit:
			w.drain()
			return
		}
	more:
		for len(group) < maxGroup {
			select {
			case r := <-w.reqs:
				group = append(group, r)
			default:
				break more
			}
		}
		w.commit(group)
		w.db.wstmts.prepareWanted(context.Background())
	}
}

// drain answers what is still queued when the store closes.
func (w *writer) drain() {
	for {
		select {
		case r := <-w.reqs:
			r.done <- errClosed
		default:
			return
		}
	}
}

// stop ends the writer after the group it is committing.
func (w *writer) stop() {
	close(w.quit)
	w.done.Wait()
}

// commit runs a group in one transaction and answers every caller.
func (w *writer) commit(group []*writeReq) {
	results := make([]error, len(group))
	answer := func() {
		for i, r := range group {
			r.done <- results[i]
		}
	}
	failAll := func(err error) {
		for i := range results {
			if results[i] == nil {
				results[i] = err
			}
		}
		answer()
	}
	db := w.db
	tx, err := db.write.BeginTx(context.Background(), nil)
	if err != nil {
		failAll(fmt.Errorf("store: begin: %w", err))
		return
	}
	single := len(group) == 1
	ran := 0
	for i, r := range group {
		if err := r.ctx.Err(); err != nil {
			results[i] = err
			continue
		}
		c := &conn{q: tx, tx: tx, db: db, ctx: context.WithoutCancel(r.ctx), actor: pinggu.ActorFrom(r.ctx), now: db.now()}
		var err error
		if single {
			if err = safeRun(r.fn, c); err != nil {
				tx.Rollback()
				results[i] = err
				answer()
				return
			}
		} else {
			// Each of a group in a savepoint of its own: a failing mutation
			// is undone alone; a failing savepoint ends the whole group.
			err = c.savepoint("m", func() error { return safeRun(r.fn, c) })
			if isSavepointErr(err) {
				tx.Rollback()
				failAll(err)
				return
			}
			results[i] = err
		}
		if err == nil {
			ran++
		}
	}
	if ran == 0 {
		tx.Rollback()
		answer()
		return
	}
	if err := tx.Commit(); err != nil {
		failAll(fmt.Errorf("store: commit: %w", err))
		return
	}
	answer()
}

// safeRun runs fn, turning a panic into an error so that one bad mutation
// does not stop the writer of every other.
func safeRun(fn func(*conn) error, c *conn) (err error) {
	defer func() {
		if p := recover(); p != nil {
			c.db.log.Error("store: panic in a mutation", "panic", p, "stack", string(debug.Stack()))
			err = fmt.Errorf("store: panic in a mutation: %v", p)
		}
	}()
	return fn(c)
}

// txOf returns the transaction a conn runs in, for callers that hand it to
// another library (the job queue enqueues in the same transaction).
func txOf(c *conn) (*sql.Tx, bool) {
	return c.tx, c.tx != nil
}
