package store_test

import (
	"os"
	"testing"

	"github.com/pinggu/pinggu/store"
	"github.com/pinggu/pinggu/store/storetest"
)

var sqliteDirs = map[*store.DB]string{}

// reopenSQLite opens a second store on db's SQLite file with another audit
// hash.
func reopenSQLite(t *testing.T, db *store.DB, alg string) *store.DB {
	t.Helper()
	var file string
	if err := db.SQL().QueryRow("SELECT file FROM pragma_database_list WHERE name = 'main'").Scan(&file); err != nil {
		t.Fatal(err)
	}
	dir := file[:len(file)-len("/pinggu.db")]
	sm, err := store.Open(sys, store.Config{DataDir: dir, AuditHash: alg})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { sm.Close() })
	return sm
}

func pgURL(t *testing.T) string {
	u := os.Getenv(storetest.PostgresEnv)
	if u == "" {
		t.Skip("no postgres")
	}
	return u
}
