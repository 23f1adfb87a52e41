package store_test

import (
	"context"
	"fmt"
	"sync"
	"testing"

	"github.com/pinggu/pinggu"
	"github.com/pinggu/pinggu/store"
	"github.com/pinggu/pinggu/store/storetest"
)

// editRace has two writers make partial edits of one record at once, each
// edit applied to the version it replaces (as an API PUT's body is), and
// checks what a user would notice: both writers' last changes hold, every
// edit has its audit entry, and the entries link version to version (each
// entry's "before" is the record the previous one saved), so no edit was
// applied to a version another had already replaced.
func editRace[T any](t *testing.T, db *store.DB, ctx context.Context, action string, id int64,
	edit func(context.Context, int64, func(*T) error) (*T, error), before string,
	a, b func(*T, int), check func(*T) error) {
	t.Helper()
	const edits = 15
	var mu sync.Mutex
	saved := map[string]bool{}
	var wg sync.WaitGroup
	errs := make(chan error, 2*edits)
	for _, change := range []func(*T, int){a, b} {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range edits {
				rec, err := edit(ctx, id, func(v *T) error { change(v, i); return nil })
				if err != nil {
					errs <- err
					return
				}
				mu.Lock()
				saved[pinggu.Digest(rec)] = true
				mu.Unlock()
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Fatalf("%s: concurrent edit: %v", action, err)
	}
	auditLinks(t, db, action, id, before, saved, 2*edits)
	rec, err := edit(ctx, id, func(*T) error { return nil })
	if err != nil {
		t.Fatal(err)
	}
	if err := check(rec); err != nil {
		t.Fatalf("%s after both writers: %v", action, err)
	}
}

// Licences, organisations, patrol targets and patrol plans are edited as
// services are: two partial edits at once keep each other's changes.
func TestConcurrentPartialEditsOfRecords(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		f := newPatrolFixture(t, db)
		last := func(prefix string) string { return fmt.Sprintf("%s%d", prefix, 14) }
		digestNow := func(v any, err error) string {
			t.Helper()
			if err != nil {
				t.Fatal(err)
			}
			return pinggu.Digest(v)
		}

		l := &pinggu.Licence{OrgID: f.gdOrg.ID, Number: "粤B2-20260001", Categories: []string{"B25"}, Issuer: "广东省通信管理局",
			ValidFrom: f.gdOrg.CreatedAt, ValidTo: f.gdOrg.CreatedAt.AddDate(5, 0, 0)}
		if err := db.CreateLicence(sys, l); err != nil {
			t.Fatal(err)
		}
		editRace(t, db, sys, "licence.update", l.ID, db.EditLicence, digestNow(db.FindLicence(sys, l.ID)),
			func(v *pinggu.Licence, i int) { v.Issuer = fmt.Sprintf("发证机关%d", i) },
			func(v *pinggu.Licence, i int) { v.Categories = []string{"B25", fmt.Sprintf("B1%d", i%10)} },
			func(v *pinggu.Licence) error {
				if v.Issuer != last("发证机关") || len(v.Categories) != 2 || v.Categories[1] != "B14" {
					return fmt.Errorf("issuer %q, categories %v", v.Issuer, v.Categories)
				}
				return nil
			})

		editRace(t, db, sys, "organisation.update", f.gdOrg.ID, db.EditOrganisation, digestNow(db.FindOrganisation(sys, f.gdOrg.ID)),
			func(v *pinggu.Organisation, i int) { v.Address = fmt.Sprintf("深圳市南山区科技园%d号", i) },
			func(v *pinggu.Organisation, i int) { v.Note = fmt.Sprintf("备注%d", i) },
			func(v *pinggu.Organisation) error {
				if v.Address != last("深圳市南山区科技园")+"号" || v.Note != last("备注") {
					return fmt.Errorf("address %q, note %q", v.Address, v.Note)
				}
				return nil
			})

		site := f.target(t, "https://www.yunfan.example.cn/")
		editRace(t, db, sys, "patrol.target_update", site.ID, db.EditPatrolTarget, digestNow(db.FindPatrolTarget(sys, site.ID)),
			func(v *pinggu.PatrolTarget, i int) { v.Note = fmt.Sprintf("备注%d", i) },
			func(v *pinggu.PatrolTarget, i int) { v.Tags = []string{fmt.Sprintf("标签%d", i)} },
			func(v *pinggu.PatrolTarget) error {
				if v.Note != last("备注") || len(v.Tags) != 1 || v.Tags[0] != last("标签") {
					return fmt.Errorf("note %q, tags %v", v.Note, v.Tags)
				}
				return nil
			})

		p := &pinggu.PatrolPlan{Name: "全量巡查", Active: true}
		if err := db.CreatePatrolPlan(as(f.gdBureau), p); err != nil {
			t.Fatal(err)
		}
		gd := as(f.gdBureau)
		editRace(t, db, gd, "patrol.plan_update", p.ID, db.EditPatrolPlan, digestNow(db.FindPatrolPlan(gd, p.ID)),
			func(v *pinggu.PatrolPlan, i int) { v.Description = fmt.Sprintf("说明%d", i) },
			func(v *pinggu.PatrolPlan, i int) { v.Tags = []string{fmt.Sprintf("标签%d", i)} },
			func(v *pinggu.PatrolPlan) error {
				if v.Description != last("说明") || len(v.Tags) != 1 || v.Tags[0] != last("标签") {
					return fmt.Errorf("description %q, tags %v", v.Description, v.Tags)
				}
				return nil
			})
		verifyOK(t, db)
	})
}

// auditLinks checks the audit entries of a record's updates (action) in
// order: there are want of them, each entry's "before" is the record the
// previous one saved (the first's is first), and each "after" is a record
// an update returned (saved). It returns the last entry's "after".
func auditLinks(t *testing.T, db *store.DB, action string, id int64, first string, saved map[string]bool, want int) string {
	t.Helper()
	entries, n, err := db.ListAudit(sys, pinggu.AuditFilter{Action: action, ObjectID: id, ListOptions: pinggu.ListOptions{Sort: "seq", Limit: 500}})
	if err != nil || n != want {
		t.Fatalf("%s entries: %d, %v; want %d", action, n, err, want)
	}
	prev := first
	for _, e := range entries {
		if e.Before != prev {
			t.Fatalf("%s entry %d: before %.12s…, but the version before it was saved as %.12s…", action, e.Seq, e.Before, prev)
		}
		if !saved[e.After] {
			t.Fatalf("%s entry %d: after %.12s… is no record an update returned", action, e.Seq, e.After)
		}
		prev = e.After
	}
	return prev
}
