package store_test

import (
	"context"
	"sync"
	"testing"

	"github.com/pinggu/pinggu/store"
	"github.com/pinggu/pinggu/store/storetest"
)

// TestMigrateConcurrentStart starts several nodes on one empty database at
// once: each applies or finds the migrations, none fails, and they are
// recorded once.
func TestMigrateConcurrentStart(t *testing.T) {
	storetest.EachConfig(t, func(t *testing.T, cfg store.Config) {
		dbs := make([]*store.DB, 4)
		errs := make([]error, len(dbs))
		var wg sync.WaitGroup
		for i := range dbs {
			wg.Add(1)
			go func() {
				defer wg.Done()
				dbs[i], errs[i] = store.Open(context.Background(), cfg)
			}()
		}
		wg.Wait()
		for i, err := range errs {
			if err != nil {
				t.Fatalf("node %d: %v", i, err)
			}
			defer dbs[i].Close()
		}
		if err := dbs[0].Migrate(context.Background()); err != nil {
			t.Fatalf("migrate again: %v", err)
		}
		var n, distinct int
		if err := dbs[1].SQL().QueryRow("SELECT count(*), count(DISTINCT version) FROM schema_migrations").Scan(&n, &distinct); err != nil {
			t.Fatal(err)
		}
		if n == 0 || n != distinct {
			t.Fatalf("schema_migrations has %d rows for %d versions", n, distinct)
		}
		for _, db := range dbs {
			if err := db.Ping(context.Background()); err != nil {
				t.Fatal(err)
			}
		}
	})
}
