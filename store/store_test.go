package store_test

import (
	"context"
	"sync"
	"testing"

	"github.com/pinggu/pinggu/store"
	"github.com/pinggu/pinggu/store/storetest"
)

func TestMigrateTwiceConcurrently(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		var wg sync.WaitGroup
		errs := make([]error, 4)
		for i := range errs {
			wg.Add(1)
			go func() { defer wg.Done(); errs[i] = db.Migrate(context.Background()) }()
		}
		wg.Wait()
		for i, err := range errs {
			if err != nil {
				t.Fatalf("migrate %d: %v", i, err)
			}
		}
		var n int
		if err := db.SQL().QueryRow("SELECT count(*) FROM schema_migrations").Scan(&n); err != nil {
			t.Fatal(err)
		}
		if n == 0 {
			t.Fatalf("no migrations recorded")
		}
		if err := db.Ping(context.Background()); err != nil {
			t.Fatal(err)
		}
	})
}
