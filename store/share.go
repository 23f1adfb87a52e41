package store

import (
	"context"
	"fmt"

	"github.com/pinggu/pinggu"
)

// grantPred is the SQL form of a partner department's widened scope: the
// records of kind (a pinggu.Grant… kind) granted to the organisations the
// actor acts for and not revoked, matched on idCol. ok is false for an
// actor that holds no grants at all.
func grantPred(a *pinggu.Actor, kind, idCol string) (pred string, args []any, ok bool) {
	orgs := a.Grantees()
	if len(orgs) == 0 {
		return "", nil, false
	}
	args = []any{kind}
	for _, id := range orgs {
		args = append(args, id)
	}
	return idCol + " IN (SELECT g.ref_id FROM share_grants g WHERE g.ref_kind = ? AND g.revoked_at IS NULL AND g.grantee_org_id IN (" +
		placeholders(len(orgs)) + "))", args, true
}

// caseScopePred limits a query on cases (alias c) to those the actor sees:
// by its duty (pinggu.Actor.CaseScope) or by a grant.
func caseScopePred(a *pinggu.Actor) (string, []any) {
	var p string
	var args []any
	switch sc := a.CaseScope(); sc.Kind {
	case pinggu.ScopeAll:
		p = "1 = 1"
	case pinggu.ScopeProvince:
		p, args = "c.province = ?", []any{sc.Province}
	default:
		p = "1 = 0"
	}
	if g, gargs, ok := grantPred(a, pinggu.GrantCase, "c.id"); ok {
		return "(" + p + ") OR " + g, append(args, gargs...)
	}
	return p, args
}

// seesWhole reports whether the actor sees a case whole by its duty, not
// only by what was granted.
func seesWhole(a *pinggu.Actor, province string) bool { return a.CaseScope().Covers(0, province) }

// grant gives the organisation one record, on behalf of a share or a
// participation (source); a live grant of the same record by the same
// source is kept as it is.
func (c *conn) grant(grantee int64, kind string, id int64, sourceKind string, sourceID int64) error {
	var n int
	if err := c.queryRow(`SELECT count(*) FROM share_grants WHERE grantee_org_id = ? AND ref_kind = ? AND ref_id = ?
		AND source_kind = ? AND source_id = ? AND revoked_at IS NULL`, grantee, kind, id, sourceKind, sourceID).Scan(&n); err != nil {
		return err
	}
	if n > 0 {
		return nil
	}
	_, err := c.exec(`INSERT INTO share_grants (grantee_org_id, ref_kind, ref_id, source_kind, source_id, created_at) VALUES (?, ?, ?, ?, ?, ?)`,
		grantee, kind, id, sourceKind, sourceID, tval(c.now))
	if err != nil {
		return fmt.Errorf("store: grant %s %d: %w", kind, id, err)
	}
	return nil
}

// revokeGrants ends every grant a share or participation gave.
func (c *conn) revokeGrants(sourceKind string, sourceID int64) error {
	_, err := c.exec("UPDATE share_grants SET revoked_at = ? WHERE source_kind = ? AND source_id = ? AND revoked_at IS NULL",
		tval(c.now), sourceKind, sourceID)
	return err
}

// grantedIDs lists the records of kind a source grants, live ones only.
func (c *conn) grantedIDs(sourceKind string, sourceID int64, kind string) ([]int64, error) {
	return queryAll(c, scanID, `SELECT ref_id FROM share_grants WHERE source_kind = ? AND source_id = ? AND ref_kind = ? AND revoked_at IS NULL ORDER BY ref_id`,
		sourceKind, sourceID, kind)
}

func scanID(sc rowScanner) (int64, error) {
	var id int64
	return id, sc.Scan(&id)
}

// viewed runs a read for the actor in ctx. A partner department's reads
// are on the record: for it the read runs in a write transaction with the
// audit entry fn returns, so a view is either audited or not made.
func (db *DB) viewed(ctx context.Context, fn func(c *conn) (change, error)) error {
	if !pinggu.ActorFrom(ctx).AuditsReads() {
		_, err := fn(db.reader(ctx))
		return err
	}
	return db.inTx(ctx, func(c *conn) error {
		ch, err := fn(c)
		if err != nil {
			return err
		}
		return c.audit(ch)
	})
}
