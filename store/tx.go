package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"github.com/pinggu/pinggu"
)

// querier is what *sql.DB, *sql.Tx and *sql.Conn have in common.
type querier interface {
	ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error)
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
}

// conn runs dialect-neutral queries on a pool, a transaction or a connection.
// Store methods compose small helpers that take one.
type conn struct {
	q  querier
	tx *sql.Tx // the transaction q is, if it is one (the writer's group)
	db *DB
	// sealAfter says an audit entry waits in audit_pending (PostgreSQL):
	// the sealer is nudged after the commit.
	sealAfter bool
	ctx       context.Context
	actor     *pinggu.Actor
	now       time.Time
}

// stmt returns the cached prepared statement of query for this conn's pool
// (SQLite only), or nil to run the text directly.
func (c *conn) stmt(query string) (*stmtCache, *cachedStmt, *sql.Stmt) {
	var sc *stmtCache
	switch {
	case c.tx != nil:
		sc = c.db.wstmts
	case c.q == c.db.read:
		sc = c.db.rstmts
	}
	cs := sc.get(c.ctx, query)
	if cs == nil {
		return nil, nil, nil
	}
	if c.tx != nil {
		return sc, cs, c.tx.StmtContext(c.ctx, cs.stmt)
	}
	return sc, cs, cs.stmt
}

func (c *conn) exec(query string, args ...any) (sql.Result, error) {
	query = c.db.d.rebind(query)
	if sc, cs, st := c.stmt(query); st != nil {
		defer sc.put(cs)
		return st.ExecContext(c.ctx, args...)
	}
	return c.q.ExecContext(c.ctx, query, args...)
}

func (c *conn) query(query string, args ...any) (*sql.Rows, error) {
	query = c.db.d.rebind(query)
	if sc, cs, st := c.stmt(query); st != nil {
		defer sc.put(cs)
		return st.QueryContext(c.ctx, args...)
	}
	return c.q.QueryContext(c.ctx, query, args...)
}

func (c *conn) queryRow(query string, args ...any) *sql.Row {
	query = c.db.d.rebind(query)
	if sc, cs, st := c.stmt(query); st != nil {
		defer sc.put(cs)
		return st.QueryRowContext(c.ctx, args...)
	}
	return c.q.QueryRowContext(c.ctx, query, args...)
}

// rowScanner is a row to read: *sql.Row or *sql.Rows.
type rowScanner = interface{ Scan(...any) error }

// queryAll runs query and reads every row with scan. The rows are closed
// when it returns, so the conn may run other statements on the result; the
// slice is empty, not nil, when no row matches.
func queryAll[T any](c *conn, scan func(rowScanner) (T, error), query string, args ...any) ([]T, error) {
	rows, err := c.query(query, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := []T{}
	for rows.Next() {
		x, err := scan(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, x)
	}
	return out, rows.Err()
}

// reader returns a conn on the read pool for the actor in ctx.
func (db *DB) reader(ctx context.Context) *conn {
	return &conn{q: db.read, db: db, ctx: ctx, actor: pinggu.ActorFrom(ctx), now: db.now()}
}

// inTx runs fn in one write transaction: a mutation and its audit entry
// commit together or not at all. On SQLite it goes through the writer,
// which commits the mutations queued at the same time together (see
// writer.go); on PostgreSQL transactions run side by side and their audit
// entries are chained by the sealer (audit_seal.go).
func (db *DB) inTx(ctx context.Context, fn func(c *conn) error) error {
	if db.w == nil {
		return db.inOwnTx(ctx, fn)
	}
	return db.w.do(ctx, fn)
}

// inOwnTx runs fn in a transaction of its own, outside the writer: every
// PostgreSQL mutation, and the migrations.
func (db *DB) inOwnTx(ctx context.Context, fn func(c *conn) error) error {
	tx, err := db.write.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("store: begin: %w", err)
	}
	c := &conn{q: tx, tx: tx, db: db, ctx: ctx, actor: pinggu.ActorFrom(ctx), now: db.now()}
	if err := fn(c); err != nil {
		_ = tx.Rollback()
		return err
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("store: commit: %w", err)
	}
	if c.sealAfter && db.sealer != nil {
		db.sealer.poke()
	}
	return nil
}

// notFound is the answer for anything absent or outside the caller's scope.
func notFound(what string) error {
	return pinggu.Errorf(pinggu.ENOTFOUND, "%s不存在", what)
}

// noRows maps sql.ErrNoRows to ENOTFOUND.
func noRows(err error, what string) error {
	if errors.Is(err, sql.ErrNoRows) {
		return notFound(what)
	}
	return err
}

// savepointError is a failure of the savepoint itself, which leaves the
// transaction unusable, as opposed to the failure of what ran inside it.
type savepointError struct{ err error }

func (e *savepointError) Error() string { return "store: savepoint: " + e.err.Error() }
func (e *savepointError) Unwrap() error { return e.err }

// isSavepointErr says err is a failure of the savepoint itself: the whole
// transaction must end.
func isSavepointErr(err error) bool {
	var se *savepointError
	return errors.As(err, &se)
}

// savepoint runs fn inside a savepoint of c's transaction: when fn fails,
// what it wrote is undone and the transaction goes on with the rest.
func (c *conn) savepoint(name string, fn func() error) error {
	if c.tx == nil {
		return &savepointError{errors.New("not in a transaction")}
	}
	if _, err := c.exec("SAVEPOINT " + name); err != nil {
		return &savepointError{err}
	}
	ferr := fn()
	if ferr != nil {
		if _, err := c.exec("ROLLBACK TO SAVEPOINT " + name); err != nil {
			return &savepointError{err}
		}
	}
	if _, err := c.exec("RELEASE SAVEPOINT " + name); err != nil {
		return &savepointError{err}
	}
	return ferr
}
