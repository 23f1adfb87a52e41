package store

import (
	"context"
	"errors"
	"sync"
	"testing"
	"time"

	"github.com/pinggu/pinggu"
)

// Mutations committed in one group stay each atomic: one that fails (or
// panics) after writing is rolled back alone, the others commit, and each
// caller hears its own result.
func TestWriterGroupsKeepEachMutationAtomic(t *testing.T) {
	db, err := Open(context.Background(), Config{DataDir: t.TempDir()})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	ctx := pinggu.WithActor(context.Background(), pinggu.SystemActor)
	if err := db.inTx(ctx, func(c *conn) error {
		_, err := c.exec("CREATE TABLE w (n INTEGER PRIMARY KEY)")
		return err
	}); err != nil {
		t.Fatal(err)
	}
	boom := errors.New("boom")
	// Hold the writer so that the next mutations queue into one group.
	hold, release := make(chan struct{}), make(chan struct{})
	go db.inTx(ctx, func(*conn) error { close(hold); <-release; return nil })
	<-hold
	var wg sync.WaitGroup
	results := make([]error, 30)
	for i := range results {
		wg.Add(1)
		go func() {
			defer wg.Done()
			results[i] = db.inTx(ctx, func(c *conn) error {
				if _, err := c.exec("INSERT INTO w (n) VALUES (?)", i); err != nil {
					return err
				}
				switch i % 10 {
				case 3:
					return boom // after writing: its row must go
				case 7:
					panic("bad mutation")
				}
				return nil
			})
		}()
	}
	for len(db.w.reqs) < len(results) { // all queued behind the held group
		time.Sleep(time.Millisecond)
	}
	close(release)
	wg.Wait()
	rows, err := db.read.Query("SELECT n FROM w ORDER BY n")
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	got := map[int]bool{}
	for rows.Next() {
		var n int
		rows.Scan(&n)
		got[n] = true
	}
	for i, err := range results {
		switch i % 10 {
		case 3:
			if !errors.Is(err, boom) || got[i] {
				t.Errorf("mutation %d: err %v, row kept %v; want its error and no row", i, err, got[i])
			}
		case 7:
			if err == nil || got[i] {
				t.Errorf("mutation %d panicked: err %v, row kept %v", i, err, got[i])
			}
		default:
			if err != nil || !got[i] {
				t.Errorf("mutation %d: err %v, row kept %v; want it committed", i, err, got[i])
			}
		}
	}
}
