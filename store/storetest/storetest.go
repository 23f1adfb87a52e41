// Package storetest opens real, throw-away stores for tests: SQLite in a
// temporary directory and, when PINGGU_TEST_POSTGRES_URL is set, a fresh
// PostgreSQL schema per test.
package storetest

import (
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"net/url"
	"os"
	"testing"

	"github.com/pinggu/pinggu/store"
)

// PostgresEnv names the variable holding the PostgreSQL URL for tests.
const PostgresEnv = "PINGGU_TEST_POSTGRES_URL"

// Open returns a fresh SQLite store in t.TempDir(), closed at cleanup.
func Open(t testing.TB) *store.DB {
	t.Helper()
	db, err := store.Open(context.Background(), store.Config{DataDir: t.TempDir()})
	if err != nil {
		t.Fatalf("storetest: open sqlite: %v", err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

// OpenPostgres returns a store on a fresh schema of the database at
// PINGGU_TEST_POSTGRES_URL, dropped at cleanup; it skips the test when the
// variable is unset.
func OpenPostgres(t testing.TB) *store.DB {
	t.Helper()
	base := os.Getenv(PostgresEnv)
	if base == "" {
		t.Skip(PostgresEnv + " not set")
	}
	return OpenPostgresConfig(t, store.Config{DatabaseURL: base})
}

// OpenPostgresConfig is OpenPostgres with a Config (its DatabaseURL is the
// server to use); the returned store works in a fresh schema.
func OpenPostgresConfig(t testing.TB, c store.Config) *store.DB {
	t.Helper()
	schemaURL := NewPostgresSchema(t, c.DatabaseURL)
	c.DatabaseURL = schemaURL
	db, err := store.Open(context.Background(), c)
	if err != nil {
		t.Fatalf("storetest: open postgres: %v", err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

// NewPostgresSchema creates an empty schema on the server at base and returns
// a URL whose connections use it; the schema is dropped at cleanup.
func NewPostgresSchema(t testing.TB, base string) string {
	t.Helper()
	admin, err := sql.Open("pgx", base)
	if err != nil {
		t.Fatalf("storetest: %v", err)
	}
	b := make([]byte, 6)
	rand.Read(b)
	schema := "t_" + hex.EncodeToString(b)
	if _, err := admin.Exec("CREATE SCHEMA " + schema); err != nil {
		admin.Close()
		t.Fatalf("storetest: create schema: %v", err)
	}
	t.Cleanup(func() {
		if _, err := admin.Exec("DROP SCHEMA " + schema + " CASCADE"); err != nil {
			t.Errorf("storetest: drop schema: %v", err)
		}
		admin.Close()
	})
	u, err := url.Parse(base)
	if err != nil {
		t.Fatalf("storetest: %v", err)
	}
	q := u.Query()
	q.Set("search_path", schema)
	u.RawQuery = q.Encode()
	return u.String()
}

// Each runs fn on SQLite and, when PINGGU_TEST_POSTGRES_URL is set, on
// PostgreSQL, each on a fresh database.
func Each(t *testing.T, fn func(t *testing.T, db *store.DB)) {
	t.Helper()
	t.Run("sqlite", func(t *testing.T) { fn(t, Open(t)) })
	if os.Getenv(PostgresEnv) != "" {
		t.Run("postgres", func(t *testing.T) { fn(t, OpenPostgres(t)) })
	}
}

// EachConfig is Each for tests that open and reopen the store themselves:
// fn gets the configuration of a fresh, unopened database.
func EachConfig(t *testing.T, fn func(t *testing.T, cfg store.Config)) {
	t.Helper()
	t.Run("sqlite", func(t *testing.T) { fn(t, store.Config{DataDir: t.TempDir()}) })
	if base := os.Getenv(PostgresEnv); base != "" {
		t.Run("postgres", func(t *testing.T) { fn(t, store.Config{DatabaseURL: NewPostgresSchema(t, base)}) })
	}
}
