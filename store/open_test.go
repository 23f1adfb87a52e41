package store_test

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/pinggu/pinggu"
	"github.com/pinggu/pinggu/store"
	"github.com/pinggu/pinggu/store/storetest"
)

// MustExist refuses a database that is not there, creating nothing, and
// opens one that is.
func TestOpenMustExist(t *testing.T) {
	storetest.EachConfig(t, func(t *testing.T, cfg store.Config) {
		if cfg.DatabaseURL == "" {
			cfg.DataDir = filepath.Join(cfg.DataDir, "typo")
		}
		must := cfg
		must.MustExist = true
		_, err := store.Open(context.Background(), must)
		code(t, err, pinggu.ENOTFOUND)
		if cfg.DatabaseURL == "" {
			if _, err := os.Stat(cfg.DataDir); err == nil {
				t.Fatal("a refused open created the data directory")
			}
		}
		db, err := store.Open(context.Background(), cfg)
		if err != nil {
			t.Fatal(err)
		}
		db.Close()
		db, err = store.Open(context.Background(), must)
		if err != nil {
			t.Fatalf("open of an existing database: %v", err)
		}
		db.Close()
	})
}
