package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"reflect"
	"slices"
	"time"

	"github.com/pinggu/pinggu"
)

// atOnceTries is how many times an update on PostgreSQL is tried as one
// statement before it takes the row's lock first: a try fails only when
// another writer changed the row between its read and its write.
const atOnceTries = 3

// UpdateService saves a service's editable fields. Its status changes only
// through SetServiceStatus, so the lifecycle is kept.
func (db *DB) UpdateService(ctx context.Context, s *pinggu.Service) error {
	return replaceWith(ctx, s.ID, s, db.EditService)
}

// EditService applies edit to the service as stored and saves the result
// as UpdateService does. When another writer changes the service between
// the read and the write, edit runs again on the newer version, so a
// partial edit never reverts another's change.
//
// On PostgreSQL an edit of fields that nothing else derives from (the
// description, tags, provinces, targets) is one statement that updates
// the row if it is still the version read and writes the audit entry,
// committed on its own: one round trip, with the row locked only while
// the commit is flushed, where a transaction held it over three. Writers
// of one service queue on its row, so that time bounds how often a
// service can be written.
func (db *DB) EditService(ctx context.Context, id int64, edit func(*pinggu.Service) error) (*pinggu.Service, error) {
	if db.d.pg() {
		// One edit of a service at a time per node: the node's other
		// writers of it wait here, instead of all reading the version
		// being replaced and all but one trying again.
		mu := &db.serviceEdits[id%int64(len(db.serviceEdits))]
		mu.Lock()
		defer mu.Unlock()
		for range atOnceTries {
			switch saved, done, err := db.editServiceAtOnce(ctx, id, edit); {
			case err != nil:
				return nil, err
			case done == atOnceSaved:
				return saved, nil
			case done == atOnceUnfit:
				return db.editServiceInTx(ctx, id, edit)
			}
		}
		return db.editServiceInTx(ctx, id, edit)
	}
	// SQLite's one writer runs every mutation in turn: the edit (an API
	// body decoded, say) is applied before, to the version read now, and
	// again inside only if that version changed meanwhile.
	old, err := db.reader(ctx).findService(id)
	if err != nil {
		return nil, err
	}
	pre, err := edited(old, edit)
	if err != nil {
		return nil, err
	}
	return db.editServiceInTx(ctx, id, func(cur *pinggu.Service) error {
		if reflect.DeepEqual(cur, old) {
			*cur = *pre
			return nil
		}
		return edit(cur)
	})
}

// edited is old after edit, on a copy: old stays the version replaced.
func edited(old *pinggu.Service, edit func(*pinggu.Service) error) (*pinggu.Service, error) {
	in := *old
	in.Tags, in.Provinces, in.Targets = slices.Clone(old.Tags), slices.Clone(old.Provinces), slices.Clone(old.Targets)
	in.LaunchedAt, in.ReviewDueAt = clonePtr(old.LaunchedAt), clonePtr(old.ReviewDueAt)
	if err := edit(&in); err != nil {
		return nil, err
	}
	in.ID = old.ID
	return &in, nil
}

func clonePtr[T any](p *T) *T {
	if p == nil {
		return nil
	}
	v := *p
	return &v
}

// atOnce is what became of an update tried as one statement.
type atOnce int

const (
	atOnceSaved    atOnce = iota
	atOnceConflict        // another writer changed the row since it was read
	atOnceUnfit           // the change needs more than one statement
)

// serviceEdit checks s, the new version of old, and returns the columns
// that change and the owner it will have.
func (c *conn) serviceEdit(old, s *pinggu.Service) (columnChanges, orgRef, error) {
	s.Status = old.Status
	if err := c.checkServiceInput(s); err != nil {
		return columnChanges{}, orgRef{}, err
	}
	owner := orgRef{id: old.OrgID, province: old.Province, name: old.OrgName}
	if s.OrgID != old.OrgID {
		var err error
		if owner, err = c.ownerInScope(s.OrgID); err != nil {
			return columnChanges{}, orgRef{}, err
		}
	}
	// Only the columns that change are written: SQLite rewrites the entry
	// of every index on a column in the SET list, and services have
	// fifteen, so a description edit rewrote them all.
	set := columnChanges{}
	set.add("org_id", old.OrgID, s.OrgID)
	set.add("province", old.Province, owner.province)
	set.add("name", old.Name, s.Name)
	set.add("category", string(old.Category), string(s.Category))
	set.add("tags", jsonText(old.Tags), jsonText(s.Tags))
	set.add("provinces", jsonText(old.Provinces), jsonText(s.Provinces))
	set.add("description", old.Description, s.Description)
	set.add("targets", jsonText(old.Targets), jsonText(s.Targets))
	return set, owner, nil
}

// editServiceInTx saves an edit in a transaction: the way on SQLite, and
// on PostgreSQL for changes the search document or the review due date
// follow, or when a service is written too often for one statement to
// find it unchanged.
func (db *DB) editServiceInTx(ctx context.Context, id int64, edit func(*pinggu.Service) error) (*pinggu.Service, error) {
	var out *pinggu.Service
	err := db.inTx(ctx, func(c *conn) error {
		// Locked on PostgreSQL: the audit entry's "before" is the version
		// this update replaces, whoever wrote last.
		old, err := c.findServiceLocked(id)
		if err != nil {
			return err
		}
		s, err := edited(old, edit)
		if err != nil {
			return err
		}
		set, owner, err := c.serviceEdit(old, s)
		if err != nil {
			return err
		}
		saved := old
		if len(set.cols) > 0 {
			set.add("updated_at", nil, tval(c.now))
			// The saved record comes back with the update (the owner's name
			// is known): one statement, not two.
			row := c.queryRow("UPDATE services SET "+set.sql()+" WHERE id = ? RETURNING "+svcRowCols, append(set.args, s.ID)...)
			if saved, err = scanServiceRow(row, owner.name); err != nil {
				return fmt.Errorf("store: update service: %w", err)
			}
		}
		// The search document holds the names, owner, province and
		// category; the review due date follows the category.
		if set.has("org_id", "name", "category") {
			if err := c.reindexServices("s.id = ?", s.ID); err != nil {
				return err
			}
		}
		if set.has("category") {
			if err := c.refreshReviewDue("s.id = ?", s.ID); err != nil {
				return err
			}
		}
		out = saved
		return c.audit(change{action: "service.update", objectType: "service", objectID: id, detail: saved.Name, before: old, after: saved})
	})
	return out, err
}

// findServiceLocked is findService that locks the row on PostgreSQL until
// the transaction ends (SQLite's writer is alone anyway).
func (c *conn) findServiceLocked(id int64) (*pinggu.Service, error) {
	if !c.db.d.pg() {
		return c.findService(id)
	}
	var w where
	w.add("s.id = ?", id)
	w.scope(c.actor, "s.org_id", "s.province")
	s, err := scanService(c.queryRow("SELECT "+svcCols+" FROM "+svcFrom+w.sql()+" FOR UPDATE OF s", w.args...))
	return s, noRows(err, "业务")
}

// editServiceAtOnce tries to save an edit on PostgreSQL in one statement, run
// outside any transaction so that it commits by itself: the row is updated
// only if it is still the version read (its xmin, the transaction that
// wrote it, is the same), and the audit entry, whose digests were computed
// from that version and the one it becomes, is inserted by the same
// statement. Nothing is written when the row has changed.
func (db *DB) editServiceAtOnce(ctx context.Context, id int64, edit func(*pinggu.Service) error) (*pinggu.Service, atOnce, error) {
	c := db.reader(ctx)
	var w where
	w.add("s.id = ?", id)
	w.scope(c.actor, "s.org_id", "s.province")
	var version string
	old, err := scanService(withExtra{c.queryRow("SELECT "+svcCols+", s.xmin::text FROM "+svcFrom+w.sql(), w.args...), []any{&version}})
	if err != nil {
		return nil, 0, noRows(err, "业务")
	}
	in, err := edited(old, edit)
	if err != nil {
		return nil, 0, err
	}
	set, owner, err := c.serviceEdit(old, in)
	if err != nil {
		return nil, 0, err
	}
	if len(set.cols) == 0 || set.has("org_id", "name", "category") {
		return nil, atOnceUnfit, nil
	}
	after := editedService(old, in, owner, c.now)
	e := c.entry(c.actor, change{action: "service.update", objectType: "service", objectID: id, detail: after.Name, before: old, after: after})
	set.add("updated_at", nil, tval(c.now))
	args := append(append(set.args, id, version), pendingArgs(e)...)
	row := c.queryRow(`WITH u AS (UPDATE services SET `+set.sql()+` WHERE id = ? AND xmin = ?::xid RETURNING `+svcRowCols+`),
		a AS (INSERT INTO audit_pending (`+pendingCols+`) SELECT `+placeholders(pendingColCount)+` FROM u)
		SELECT `+svcRowCols+` FROM u`, args...)
	saved, err := scanServiceRow(row, owner.name)
	if err != nil {
		if errors.Is(err, sql.ErrNoRows) {
			return nil, atOnceConflict, nil
		}
		return nil, 0, fmt.Errorf("store: update service: %w", err)
	}
	if db.sealer != nil {
		db.sealer.poke()
	}
	if got := pinggu.Digest(saved); got != e.After {
		// The entry is written: say loudly that its "after" is not the row.
		db.log.Error("store: service update: the audit entry's digest differs from the saved row", "service", id, "entry", e.After, "row", got)
	}
	return saved, atOnceSaved, nil
}

// editedService is old with in's editable fields, as the database gives it
// back after the update: lists go through their JSON columns.
func editedService(old, in *pinggu.Service, owner orgRef, now time.Time) *pinggu.Service {
	out := *old
	out.OrgID, out.Province, out.OrgName = in.OrgID, owner.province, owner.name
	out.Name, out.Category, out.Description = in.Name, in.Category, in.Description
	out.Tags, out.Provinces, out.Targets = nil, nil, nil
	fromJSON(jsonText(in.Tags), &out.Tags)
	fromJSON(jsonText(in.Provinces), &out.Provinces)
	fromJSON(jsonText(in.Targets), &out.Targets)
	out.UpdatedAt = now
	return &out
}

// withExtra scans a row whose last columns go to extra, after those the
// wrapped scan asks for.
type withExtra struct {
	row   rowScanner
	extra []any
}

func (w withExtra) Scan(dst ...any) error { return w.row.Scan(append(dst, w.extra...)...) }
