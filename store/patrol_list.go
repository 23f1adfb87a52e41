package store

import (
	"context"
	"database/sql"
	"fmt"

	"github.com/pinggu/pinggu"
)

const plCols = `l.id, l.name, l.description, l.province, l.keeper_org_id, COALESCE(o.name, ''), l.created_by, l.created_at, l.updated_at,
	(SELECT count(*) FROM patrol_targets t WHERE t.list_id = l.id)`

const plFrom = "patrol_lists l LEFT JOIN organisations o ON o.id = l.keeper_org_id"

func scanPatrolList(sc rowScanner) (*pinggu.PatrolList, error) {
	var l pinggu.PatrolList
	var keeper sql.NullInt64
	var created, updated tscan
	if err := sc.Scan(&l.ID, &l.Name, &l.Description, &l.Province, &keeper, &l.KeeperName, &l.CreatedBy, &created, &updated, &l.Targets); err != nil {
		return nil, err
	}
	l.KeeperOrgID, l.CreatedAt, l.UpdatedAt = keeper.Int64, created.T, updated.T
	return &l, nil
}

// findPatrolList loads a list in the actor's patrol scope.
func (c *conn) findPatrolList(id int64) (*pinggu.PatrolList, error) {
	var w where
	w.add("l.id = ?", id)
	w.scopeOf(c.actor.PatrolScope(), "l.keeper_org_id", "l.province")
	l, err := scanPatrolList(c.queryRow("SELECT "+plCols+" FROM "+plFrom+w.sql(), w.args...))
	return l, noRows(err, "巡查名单")
}

func (c *conn) findPatrolListAny(id int64) (*pinggu.PatrolList, error) {
	l, err := scanPatrolList(c.queryRow("SELECT "+plCols+" FROM "+plFrom+" WHERE l.id = ?", id))
	return l, noRows(err, "巡查名单")
}

// FindPatrolList returns a list in the actor's patrol scope.
func (db *DB) FindPatrolList(ctx context.Context, id int64) (*pinggu.PatrolList, error) {
	return db.reader(ctx).findPatrolList(id)
}

// ListPatrolLists lists the lists in the actor's patrol scope: a bureau
// sees its province's, the national roles every list.
func (db *DB) ListPatrolLists(ctx context.Context, f pinggu.PatrolListFilter) ([]*pinggu.PatrolList, int, error) {
	c := db.reader(ctx)
	opt := f.ListOptions.Normalize()
	sc := c.actor.PatrolScope()
	if sc.Kind == pinggu.ScopeNone {
		return []*pinggu.PatrolList{}, 0, nil
	}
	var w where
	w.scopeOf(sc, "l.keeper_org_id", "l.province")
	if f.Province != "" {
		w.add("l.province = ?", f.Province)
	}
	total, err := c.count("patrol_lists l", w)
	if err != nil {
		return nil, 0, err
	}
	out, err := queryAll(c, scanPatrolList, "SELECT "+plCols+" FROM "+plFrom+w.sql()+" ORDER BY l.province, l.name, l.id LIMIT ? OFFSET ?", append(w.args, opt.Limit, opt.Offset)...)
	return out, total, err
}

// CreatePatrolList starts a list: a bureau's is of its province, the
// ministry's and a support institution's national unless they name one.
func (db *DB) CreatePatrolList(ctx context.Context, l *pinggu.PatrolList) error {
	return db.inTx(ctx, func(c *conn) error {
		if l.Province == "" {
			l.Province = c.actor.PatrolKeeping()
		}
		if err := pinggu.Authorize(c.actor, pinggu.ActPatrolTargetWrite, pinggu.Subject{Province: l.Province}); err != nil {
			return err
		}
		var v pinggu.Validation
		l.Validate(&v)
		if err := v.Err("巡查名单信息有误"); err != nil {
			return err
		}
		var id int64
		if err := c.queryRow(`INSERT INTO patrol_lists (name, description, province, keeper_org_id, created_by, created_at, updated_at)
			VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id`, l.Name, l.Description, l.Province, nullID(c.actor.OrgID), c.actor.Username,
			tval(c.now), tval(c.now)).Scan(&id); err != nil {
			return fmt.Errorf("store: insert patrol list: %w", err)
		}
		saved, err := c.findPatrolListAny(id)
		if err != nil {
			return err
		}
		*l = *saved
		return c.audit(change{action: "patrol.list_create", objectType: "patrol_list", objectID: id, detail: l.Name, after: l})
	})
}

// UpdatePatrolList renames a list or changes its description; its
// province stays.
func (db *DB) UpdatePatrolList(ctx context.Context, l *pinggu.PatrolList) error {
	return db.inTx(ctx, func(c *conn) error {
		old, err := c.findPatrolList(l.ID)
		if err != nil {
			return err
		}
		if err := pinggu.Authorize(c.actor, pinggu.ActPatrolTargetWrite, pinggu.Subject{Province: old.Province}); err != nil {
			return err
		}
		l.Province = old.Province
		var v pinggu.Validation
		l.Validate(&v)
		if err := v.Err("巡查名单信息有误"); err != nil {
			return err
		}
		if _, err := c.exec("UPDATE patrol_lists SET name = ?, description = ?, updated_at = ? WHERE id = ?", l.Name, l.Description, tval(c.now), l.ID); err != nil {
			return err
		}
		saved, err := c.findPatrolListAny(l.ID)
		if err != nil {
			return err
		}
		*l = *saved
		return c.audit(change{action: "patrol.list_update", objectType: "patrol_list", objectID: l.ID, detail: l.Name, before: old, after: l})
	})
}
