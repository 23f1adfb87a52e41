// Package store implements the domain's services on SQLite (the default,
// embedded) and PostgreSQL with one code base: queries are written once with
// "?" placeholders and a small dialect layer adapts them.
package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	_ "github.com/jackc/pgx/v5/stdlib" // registers the "pgx" driver
	_ "modernc.org/sqlite"             // registers the "sqlite" driver

	"github.com/pinggu/pinggu"
	"github.com/pinggu/pinggu/ratelimit"
)

// Config says which database to open and how.
type Config struct {
	DataDir     string // SQLite file pinggu.db lives here (created if missing)
	DatabaseURL string // postgres://… selects PostgreSQL; empty means SQLite in DataDir
	AuditHash   string // pinggu.HashSHA256 (default) or pinggu.HashSM3
	Logger      *slog.Logger
	// MustExist refuses to create a database: commands that only read
	// (verify, list, export) must not leave an empty one behind a typo in
	// the path.
	MustExist bool
}

// DB is the store: it implements every service interface of the domain.
type DB struct {
	write   *sql.DB // SQLite: one connection, so writers queue instead of failing busy
	read    *sql.DB // SQLite: a pool of read connections; PostgreSQL: same as write
	d       dialect
	alg     string
	log     *slog.Logger
	dsnNote string

	w              *writer // SQLite: commits mutations in groups
	sealer         *sealer // PostgreSQL: chains pending audit entries
	loginGate      *ratelimit.Fair
	wstmts, rstmts *stmtCache // SQLite's prepared statements, per pool
	// serviceEdits queue a node's edits of one service (PostgreSQL), by
	// id modulo their number.
	serviceEdits [256]sync.Mutex

	// Now is the clock; tests replace it to expire sessions and lock-outs.
	Now func() time.Time

	// PatrolVerifyDelay is how long the re-fetch that verifies a disposal
	// waits, so that caches in front of a site forget the removed page;
	// none by default.
	PatrolVerifyDelay time.Duration

	// patrolKick is called when fetches are queued (OnPatrolQueued).
	patrolKick atomic.Pointer[func()]
}

var (
	_ pinggu.OrganisationService = (*DB)(nil)
	_ pinggu.LicenceService      = (*DB)(nil)
	_ pinggu.ServiceService      = (*DB)(nil)
	_ pinggu.UserService         = (*DB)(nil)
	_ pinggu.AuditService        = (*DB)(nil)
	_ pinggu.DatasetLoader       = (*DB)(nil)
)

// Open opens the database described by c and applies pending migrations.
func Open(ctx context.Context, c Config) (*DB, error) {
	db := &DB{alg: c.AuditHash, log: c.Logger, Now: time.Now,
		// As many hashes at once as the hash slots allow; up to 256
		// logins of one address and 10,000 addresses wait their turn, the
		// rest are told to try later.
		loginGate: ratelimit.NewFair(pinggu.HashSlots, 256, 10000)}
	if db.alg == "" {
		db.alg = pinggu.HashSHA256
	}
	if pinggu.NewAuditHash(db.alg) == nil {
		return nil, pinggu.Errorf(pinggu.EINVALID, "unknown audit hash algorithm %q", db.alg)
	}
	if db.log == nil {
		db.log = slog.New(slog.DiscardHandler)
	}
	var err error
	if strings.HasPrefix(c.DatabaseURL, "postgres://") || strings.HasPrefix(c.DatabaseURL, "postgresql://") {
		err = db.openPostgres(c.DatabaseURL)
	} else if c.DatabaseURL != "" {
		return nil, pinggu.Errorf(pinggu.EINVALID, "database URL must start with postgres://")
	} else {
		if c.MustExist {
			path := filepath.Join(c.DataDir, "pinggu.db")
			if _, serr := os.Stat(path); serr != nil {
				return nil, pinggu.Errorf(pinggu.ENOTFOUND, "没有数据库：%s 不存在（no database at %s; give --data the directory that holds pinggu.db）", path, path)
			}
		}
		err = db.openSQLite(c.DataDir)
	}
	if err != nil {
		return nil, err
	}
	if err := db.firstPing(ctx); err != nil {
		db.Close()
		return nil, err
	}
	if c.MustExist && db.d.pg() {
		var one int
		if err := db.read.QueryRowContext(ctx, "SELECT 1 FROM schema_migrations LIMIT 1").Scan(&one); err != nil {
			db.Close()
			return nil, pinggu.Errorf(pinggu.ENOTFOUND, "该PostgreSQL数据库中没有pinggu的数据（no pinggu database at this URL; run pinggu migrate first）")
		}
	}
	if !db.d.pg() {
		db.w = newWriter(db)
	}
	if err := db.Migrate(ctx); err != nil {
		db.Close()
		return nil, err
	}
	if db.d.pg() {
		db.sealer = newSealer(db)
	}
	return db, nil
}

func (db *DB) openSQLite(dir string) error {
	if dir == "" {
		return errors.New("store: DataDir is required for SQLite")
	}
	if err := os.MkdirAll(dir, 0o750); err != nil {
		return err
	}
	path := filepath.Join(dir, "pinggu.db")
	base := "file:" + path + "?_pragma=foreign_keys(1)&_pragma=busy_timeout(10000)&_pragma=synchronous(NORMAL)&_pragma=journal_mode(WAL)"
	w, err := sql.Open("sqlite", base+"&_txlock=immediate")
	if err != nil {
		return err
	}
	// One writer: SQLite serialises writes anyway, and queueing in the pool
	// avoids SQLITE_BUSY between our own connections.
	w.SetMaxOpenConns(1)
	w.SetMaxIdleConns(1)
	w.SetConnMaxLifetime(0)
	r, err := sql.Open("sqlite", base+"&_pragma=query_only(1)")
	if err != nil {
		w.Close()
		return err
	}
	r.SetMaxOpenConns(8)
	r.SetMaxIdleConns(8)
	db.write, db.read, db.d = w, r, dialect{name: "sqlite"}
	db.wstmts, db.rstmts = newStmtCache(w, 500, true), newStmtCache(r, 500, false)
	db.dsnNote = path
	return nil
}

func (db *DB) openPostgres(url string) error {
	p, err := sql.Open("pgx", url)
	if err != nil {
		return err
	}
	p.SetMaxOpenConns(20)
	p.SetMaxIdleConns(20)
	p.SetConnMaxIdleTime(5 * time.Minute)
	db.write, db.read, db.d = p, p, dialect{name: "postgres"}
	return nil
}

// Close finishes the group of writes being committed, answers those still
// queued with an error, and closes the pools.
func (db *DB) Close() error {
	if db.w != nil {
		db.w.stop()
	}
	if db.sealer != nil {
		db.sealer.stop()
	}
	db.wstmts.close()
	db.rstmts.close()
	var err error
	if db.read != nil && db.read != db.write {
		err = db.read.Close()
	}
	if db.write != nil {
		if e := db.write.Close(); e != nil {
			err = e
		}
	}
	return err
}

// Dialect names the database: "sqlite" or "postgres".
func (db *DB) Dialect() string { return db.d.name }

// SQL returns the write pool, for the job queue.
func (db *DB) SQL() *sql.DB { return db.write }

// Ping checks that both pools answer, for /healthz.
func (db *DB) Ping(ctx context.Context) error {
	if err := db.write.PingContext(ctx); err != nil {
		return fmt.Errorf("store: ping: %w", err)
	}
	if db.read != db.write {
		if err := db.read.PingContext(ctx); err != nil {
			return fmt.Errorf("store: ping: %w", err)
		}
	}
	return nil
}

// firstPing is Ping, except that SQLite's switch of a new file to WAL,
// which answers "busy" at once rather than waiting when several nodes open
// the file together, is tried again for up to the busy timeout.
func (db *DB) firstPing(ctx context.Context) error {
	deadline := time.Now().Add(10 * time.Second)
	for {
		err := db.Ping(ctx)
		if err == nil || db.d.pg() || !strings.Contains(err.Error(), "SQLITE_BUSY") || time.Now().After(deadline) {
			return err
		}
		select {
		case <-ctx.Done():
			return err
		case <-time.After(20 * time.Millisecond):
		}
	}
}

// now returns the clock in UTC at the precision both databases keep, so a
// time written and read back is equal (the audit hash depends on it).
func (db *DB) now() time.Time {
	return db.Now().UTC().Truncate(time.Microsecond)
}

// Rebind adapts a query written with "?" placeholders to the database in
// use, for tests and tools that query the pool directly.
func (db *DB) Rebind(q string) string { return db.d.rebind(q) }
