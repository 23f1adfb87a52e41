package store_test

import (
	"fmt"
	"sync"
	"testing"

	"github.com/pinggu/pinggu"
	"github.com/pinggu/pinggu/store"
	"github.com/pinggu/pinggu/store/storetest"
)

// Edits of one service from many writers at once all succeed, and their
// audit entries link version to version: each entry's "before" is the
// record the previous one saved, and the last "after" is the record as it
// is now. An entry whose "before" was read before another writer's commit
// would break the links.
func TestConcurrentServiceEditsChainTheirVersions(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		o := mkOrg(t, db, "并发企业", "440000", nil)
		s := mkService(t, db, o.ID, "并发业务")
		const writers, edits = 8, 15
		var mu sync.Mutex
		saved := map[string]bool{}
		var wg sync.WaitGroup
		errs := make(chan error, writers*edits)
		for w := range writers {
			wg.Add(1)
			go func() {
				defer wg.Done()
				for i := range edits {
					cur, err := db.FindService(sys, s.ID)
					if err != nil {
						errs <- err
						return
					}
					cur.Description = fmt.Sprintf("第%d位第%d次修改", w, i)
					if i%3 == 0 {
						cur.Tags = append(cur.Tags, fmt.Sprintf("t%d-%d", w, i))
					}
					if i%5 == 0 {
						cur.Targets = []pinggu.Target{{Kind: pinggu.TargetURL, Value: fmt.Sprintf("https://w%d.example.cn/%d", w, i)}}
					}
					if err := db.UpdateService(sys, cur); err != nil {
						errs <- err
						return
					}
					mu.Lock()
					saved[pinggu.Digest(cur)] = true
					mu.Unlock()
				}
			}()
		}
		wg.Wait()
		close(errs)
		for err := range errs {
			t.Fatalf("concurrent edit: %v", err)
		}
		created, _, err := db.ListAudit(sys, pinggu.AuditFilter{Action: "service.create", ObjectID: s.ID})
		if err != nil || len(created) != 1 {
			t.Fatalf("creation entries: %d, %v", len(created), err)
		}
		prev := auditLinks(t, db, "service.update", s.ID, created[0].After, saved, writers*edits)
		now, err := db.FindService(sys, s.ID)
		if err != nil {
			t.Fatal(err)
		}
		if got := pinggu.Digest(now); got != prev {
			t.Fatalf("the last entry's after is %.12s…, the service now %.12s…", prev, got)
		}
		verifyOK(t, db)
	})
}

// Two writers editing different fields of one service at once keep each
// other's changes: each edit applies to the version it replaces, as two
// partial PUTs of the API do.
func TestConcurrentPartialEditsKeepEachOther(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		o := mkOrg(t, db, "并发企业", "440000", nil)
		s := mkService(t, db, o.ID, "并发业务")
		const edits = 30
		var wg sync.WaitGroup
		errs := make(chan error, 2*edits)
		for _, edit := range []func(i int) func(*pinggu.Service) error{
			func(i int) func(*pinggu.Service) error {
				return func(v *pinggu.Service) error { v.Description = fmt.Sprintf("说明%d", i); return nil }
			},
			func(i int) func(*pinggu.Service) error {
				return func(v *pinggu.Service) error { v.Tags = append(v.Tags, fmt.Sprintf("标签%d", i)); return nil }
			},
		} {
			wg.Add(1)
			go func() {
				defer wg.Done()
				for i := range edits {
					if _, err := db.EditService(sys, s.ID, edit(i)); err != nil {
						errs <- err
						return
					}
				}
			}()
		}
		wg.Wait()
		close(errs)
		for err := range errs {
			t.Fatalf("concurrent edit: %v", err)
		}
		now, err := db.FindService(sys, s.ID)
		if err != nil {
			t.Fatal(err)
		}
		if len(now.Tags) != edits || now.Description != fmt.Sprintf("说明%d", edits-1) {
			t.Fatalf("after both writers: %d tags (want %d), description %q", len(now.Tags), edits, now.Description)
		}
		verifyOK(t, db)
	})
}
