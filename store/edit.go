package store

import "context"

// editRecord is the first half of every Edit of a record kept in table:
// the record as stored now (old, for the audit entry's "before"), and a
// second copy of it with edit applied (cur, the record to save). On
// PostgreSQL the row is locked first until the transaction ends, so no
// other writer replaces it between this read and the update; SQLite's one
// writer runs every transaction alone anyway. An edit that is a partial
// API body thus applies to the version it replaces, and two partial edits
// of one record at once keep each other's changes.
//
// The lock is taken before the scoped read: a row outside the actor's
// scope is locked only until the read answers "not found".
func editRecord[T any](c *conn, table string, id int64, find func(int64) (*T, error), edit func(*T) error) (old, cur *T, err error) {
	if c.db.d.pg() {
		if _, err := c.exec("SELECT 1 FROM "+table+" WHERE id = ? FOR UPDATE", id); err != nil {
			return nil, nil, err
		}
	}
	if old, err = find(id); err != nil {
		return nil, nil, err
	}
	// A second read, not a copy: edit (a JSON decoder, say) may reuse the
	// slices of what it edits, and old must stay the version replaced.
	if cur, err = find(id); err != nil {
		return nil, nil, err
	}
	if err := edit(cur); err != nil {
		return nil, nil, err
	}
	return old, cur, nil
}

// replaceWith saves rec whole through an Edit function (the record as
// stored is replaced by rec, under the same lock and checks), and puts the
// saved record back into rec: every Update is one of these.
func replaceWith[T any](ctx context.Context, id int64, rec *T, edit func(context.Context, int64, func(*T) error) (*T, error)) error {
	saved, err := edit(ctx, id, func(cur *T) error { *cur = *rec; return nil })
	if err == nil {
		*rec = *saved
	}
	return err
}
