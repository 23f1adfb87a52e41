package store

import (
	"context"
	"database/sql"
	"fmt"

	"github.com/pinggu/pinggu"
)

const pfCols = `f.id, f.target_id, f.rule, f.pack, f.category, f.severity, f.term, f.excerpt, f.location, f.as_identity, f.state, f.seen_count,
	f.first_seen_at, f.last_seen_at, f.closed_at, f.snapshot_id, f.warning_id, t.url, f.org_id, COALESCE(o.name, ''), f.province`

const pfFrom = "patrol_findings f JOIN patrol_targets t ON t.id = f.target_id LEFT JOIN organisations o ON o.id = f.org_id"

func scanPatrolFinding(sc rowScanner) (*pinggu.PatrolFinding, error) {
	var f pinggu.PatrolFinding
	var state string
	var snap, warn, org sql.NullInt64
	var first, last, closed tscan
	if err := sc.Scan(&f.ID, &f.TargetID, &f.Rule, &f.Pack, &f.Category, &f.Severity, &f.Term, &f.Excerpt, &f.Location, &f.As, &state, &f.SeenCount,
		&first, &last, &closed, &snap, &warn, &f.URL, &org, &f.OrgName, &f.Province); err != nil {
		return nil, err
	}
	f.State = pinggu.PatrolFindingState(state)
	f.SnapshotID, f.WarningID, f.OrgID = snap.Int64, warn.Int64, org.Int64
	f.FirstSeenAt, f.LastSeenAt, f.ClosedAt = first.T, last.T, closed.Ptr()
	return &f, nil
}

// ListPatrolFindings lists findings in the actor's patrol scope, the most
// recently seen first.
func (db *DB) ListPatrolFindings(ctx context.Context, f pinggu.PatrolFindingFilter) ([]*pinggu.PatrolFinding, int, error) {
	c := db.reader(ctx)
	opt := f.ListOptions.Normalize()
	sc := c.actor.PatrolScope()
	if sc.Kind == pinggu.ScopeNone {
		return []*pinggu.PatrolFinding{}, 0, nil
	}
	var w where
	w.scopeOf(sc, "f.org_id", "f.province")
	if f.TargetID != 0 {
		w.add("f.target_id = ?", f.TargetID)
	}
	if f.State != "" {
		w.add("f.state = ?", string(f.State))
	}
	if f.Category != "" {
		w.add("f.category = ?", f.Category)
	}
	if f.Rule != "" {
		w.add("f.rule = ?", f.Rule)
	}
	if f.Province != "" {
		w.add("f.province = ?", f.Province)
	}
	total, err := c.count("patrol_findings f", w)
	if err != nil {
		return nil, 0, err
	}
	out, err := queryAll(c, scanPatrolFinding, "SELECT "+pfCols+" FROM "+pfFrom+w.sql()+" ORDER BY f.last_seen_at DESC, f.id DESC LIMIT ? OFFSET ?",
		append(w.args, opt.Limit, opt.Offset)...)
	return out, total, err
}

// PatrolRuleStats is each rule's findings and false positives, within the
// actor's patrol scope, the least precise first.
func (db *DB) PatrolRuleStats(ctx context.Context) ([]*pinggu.PatrolRuleStat, error) {
	c := db.reader(ctx)
	sc := c.actor.PatrolScope()
	if sc.Kind == pinggu.ScopeNone {
		return []*pinggu.PatrolRuleStat{}, nil
	}
	var w where
	w.scopeOf(sc, "f.org_id", "f.province")
	out, err := queryAll(c, func(r rowScanner) (*pinggu.PatrolRuleStat, error) {
		var s pinggu.PatrolRuleStat
		err := r.Scan(&s.Rule, &s.Category, &s.Findings, &s.FalsePositives)
		s.Precision = pinggu.Precision(s.Findings, s.FalsePositives)
		return &s, err
	}, "SELECT f.rule, min(f.category), count(*), sum(CASE WHEN f.state = ? THEN 1 ELSE 0 END) FROM patrol_findings f"+w.sql()+" GROUP BY f.rule ORDER BY f.rule",
		append([]any{string(pinggu.FindingFalsePositive)}, w.args...)...)
	if err != nil {
		return nil, err
	}
	// The least precise first, where an officer should look.
	for i := 1; i < len(out); i++ {
		for j := i; j > 0 && out[j].Precision < out[j-1].Precision; j-- {
			out[j], out[j-1] = out[j-1], out[j]
		}
	}
	return out, nil
}

// ListPatrolAllows lists a target's allow-list.
func (db *DB) ListPatrolAllows(ctx context.Context, targetID int64) ([]*pinggu.PatrolAllow, error) {
	c := db.reader(ctx)
	if _, err := c.findPatrolTarget(targetID); err != nil {
		return nil, err
	}
	return queryAll(c, scanPatrolAllow, "SELECT id, target_id, rule, reason, created_by, created_at FROM patrol_allows WHERE target_id = ? ORDER BY id", targetID)
}

func scanPatrolAllow(r rowScanner) (*pinggu.PatrolAllow, error) {
	var a pinggu.PatrolAllow
	var at tscan
	err := r.Scan(&a.ID, &a.TargetID, &a.Rule, &a.Reason, &a.CreatedBy, &at)
	a.CreatedAt = at.T
	return &a, err
}

// insertAllow adds an allow-list entry, once per target and rule.
func (c *conn) insertAllow(a *pinggu.PatrolAllow) error {
	var v pinggu.Validation
	a.Validate(&v)
	if err := v.Err("白名单信息有误"); err != nil {
		return err
	}
	err := c.queryRow("INSERT INTO patrol_allows (target_id, rule, reason, created_by, created_at) VALUES (?, ?, ?, ?, ?) ON CONFLICT (target_id, rule) DO NOTHING RETURNING id",
		a.TargetID, a.Rule, a.Reason, c.actor.Username, tval(c.now)).Scan(&a.ID)
	if err == sql.ErrNoRows {
		return nil
	}
	if err != nil {
		return fmt.Errorf("store: insert allow: %w", err)
	}
	rule := a.Rule
	if rule == "" {
		rule = "全部规则"
	}
	return c.audit(change{action: "patrol.allow_add", objectType: "patrol_target", objectID: a.TargetID, detail: truncate(rule+"："+a.Reason, 500)})
}

// AddPatrolAllow puts a rule (or every rule) of a target on its
// allow-list; open findings of it on the target are closed as false
// positives.
func (db *DB) AddPatrolAllow(ctx context.Context, a *pinggu.PatrolAllow) error {
	return db.inTx(ctx, func(c *conn) error {
		t, err := c.findPatrolTarget(a.TargetID)
		if err != nil {
			return err
		}
		if err := pinggu.Authorize(c.actor, pinggu.ActPatrolAllow, pinggu.Subject{Province: t.Province}); err != nil {
			return err
		}
		if err := c.insertAllow(a); err != nil {
			return err
		}
		q, args := "UPDATE patrol_findings SET state = ?, closed_at = ? WHERE target_id = ? AND state = ?", []any{string(pinggu.FindingFalsePositive), tval(c.now), t.ID, string(pinggu.FindingOpen)}
		if a.Rule != "" {
			q += " AND rule = ?"
			args = append(args, a.Rule)
		}
		if _, err := c.exec(q, args...); err != nil {
			return err
		}
		return c.refreshOpenFindings(t.ID)
	})
}

// RemovePatrolAllow takes an entry off a target's allow-list.
func (db *DB) RemovePatrolAllow(ctx context.Context, id int64) error {
	return db.inTx(ctx, func(c *conn) error {
		var targetID int64
		var rule string
		if err := c.queryRow("SELECT target_id, rule FROM patrol_allows WHERE id = ?", id).Scan(&targetID, &rule); err != nil {
			return noRows(err, "白名单条目")
		}
		t, err := c.findPatrolTarget(targetID)
		if err != nil {
			return notFound("白名单条目")
		}
		if err := pinggu.Authorize(c.actor, pinggu.ActPatrolAllow, pinggu.Subject{Province: t.Province}); err != nil {
			return err
		}
		if _, err := c.exec("DELETE FROM patrol_allows WHERE id = ?", id); err != nil {
			return err
		}
		return c.audit(change{action: "patrol.allow_remove", objectType: "patrol_target", objectID: targetID, detail: "移出白名单：" + rule})
	})
}
