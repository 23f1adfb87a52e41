package store

import (
	"context"
	"embed"
	"fmt"
	"io/fs"
	"path"
	"sort"
	"strconv"
	"strings"
)

//go:embed migrations
var migrationFS embed.FS

// migration is one numbered SQL file of the dialect in use.
type migration struct {
	version int
	name    string
	sql     string
}

func (db *DB) migrations() ([]migration, error) {
	dir := path.Join("migrations", db.d.name)
	ents, err := fs.ReadDir(migrationFS, dir)
	if err != nil {
		return nil, err
	}
	var out []migration
	for _, e := range ents {
		if e.IsDir() || !strings.HasSuffix(e.Name(), ".sql") {
			continue
		}
		num, _, _ := strings.Cut(e.Name(), "_")
		v, err := strconv.Atoi(num)
		if err != nil {
			return nil, fmt.Errorf("store: migration %s: name must start with its number", e.Name())
		}
		b, err := fs.ReadFile(migrationFS, path.Join(dir, e.Name()))
		if err != nil {
			return nil, err
		}
		out = append(out, migration{version: v, name: e.Name(), sql: string(b)})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].version < out[j].version })
	return out, nil
}

// Migrate applies pending migrations in one transaction. It is idempotent
// and safe when several nodes start at once: PostgreSQL serialises on an
// advisory lock, SQLite on its write lock (BEGIN IMMEDIATE).
func (db *DB) Migrate(ctx context.Context) error {
	ms, err := db.migrations()
	if err != nil {
		return err
	}
	return db.inOwnTx(ctx, func(c *conn) error {
		if db.d.pg() {
			if _, err := c.exec("SELECT pg_advisory_xact_lock(7283190452)"); err != nil {
				return err
			}
		}
		if _, err := c.exec("CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)"); err != nil {
			return fmt.Errorf("store: schema_migrations: %w", err)
		}
		applied := map[int]bool{}
		rows, err := c.query("SELECT version FROM schema_migrations")
		if err != nil {
			return err
		}
		for rows.Next() {
			var v int
			if err := rows.Scan(&v); err != nil {
				rows.Close()
				return err
			}
			applied[v] = true
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return err
		}
		pending := false
		for _, m := range ms {
			if applied[m.version] {
				continue
			}
			if !pending {
				// A migration may alter a column a metric's trigger reads,
				// and may rewrite rows: the triggers go for the migrations
				// and every metric is recounted after them.
				pending = true
				if err := c.dropMetricTriggersIfAny(); err != nil {
					return err
				}
			}
			// No placeholders here: PostgreSQL then runs the file as one
			// simple-protocol batch.
			if _, err := c.q.ExecContext(ctx, m.sql); err != nil {
				return fmt.Errorf("store: migration %s: %w", m.name, err)
			}
			if _, err := c.exec("INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)", m.version, m.name, tval(c.now)); err != nil {
				return err
			}
			if after := afterMigration[m.version]; after != nil {
				if err := after(c); err != nil {
					return fmt.Errorf("store: migration %s: %w", m.name, err)
				}
			}
			db.log.Info("migration applied", "version", m.version, "name", m.name)
		}
		// The statistics' triggers and counters follow the registered
		// metric definitions, which live in Go rather than in a numbered
		// file: a module adds a metric without a migration of its own.
		return c.syncMetrics(pending)
	})
}

// afterMigration is the work in Go that a migration needs once applied, in
// its transaction: rewriting values computed in Go for every existing row.
var afterMigration = map[int]func(*conn) error{
	103: (*conn).reindexAll,          // search documents gain filter tokens
	104: (*conn).refreshAllReviewDue, // services gain their review due date
	600: (*conn).indexAllBadRecords,  // the register gains its search index
}

// indexAllBadRecords writes the search document of every register entry.
func (c *conn) indexAllBadRecords() error {
	return c.inBatches("bad_records", func(cond string, args ...any) error {
		entries, err := queryAll(c, c.scanBadRecord, "SELECT "+badCols+" FROM bad_records b WHERE "+cond, args...)
		if err != nil {
			return err
		}
		for _, b := range entries {
			if err := c.setSearchIn("bad_records", "terms", b.ID, badRecordDoc(b)); err != nil {
				return fmt.Errorf("index register entries: %w", err)
			}
		}
		return nil
	})
}

// reindexAll rewrites the search document of every organisation and
// service.
func (c *conn) reindexAll() error {
	if err := c.inBatches("organisations", c.reindexOrgs); err != nil {
		return fmt.Errorf("rewrite search documents: %w", err)
	}
	if err := c.inBatches("services", c.reindexServices); err != nil {
		return fmt.Errorf("rewrite search documents: %w", err)
	}
	return nil
}

// refreshAllReviewDue computes the review due date of every service.
func (c *conn) refreshAllReviewDue() error {
	if err := c.inBatches("services", c.refreshReviewDue); err != nil {
		return fmt.Errorf("compute review due dates: %w", err)
	}
	return nil
}

// inBatches calls fn with a condition on table's alias (its first letter)
// for each batch of IDs, so no batch holds the whole table in memory.
func (c *conn) inBatches(table string, fn func(cond string, args ...any) error) error {
	const batch = 5000
	var max int64
	if err := c.queryRow("SELECT coalesce(max(id), 0) FROM " + table).Scan(&max); err != nil {
		return err
	}
	alias := table[:1]
	for lo := int64(0); lo < max; lo += batch {
		if err := fn(alias+".id > ? AND "+alias+".id <= ?", lo, lo+batch); err != nil {
			return err
		}
		if done := lo + batch; done%(20*batch) == 0 && done < max {
			// A million services take a minute or two: say it is moving.
			c.db.log.Info("migration progress", "table", table, "done", done, "of", max)
		}
	}
	return nil
}
