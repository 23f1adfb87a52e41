package store

import (
	"context"
	"database/sql"
	"fmt"

	"github.com/pinggu/pinggu"
)

const ppCols = `p.id, p.name, p.description, p.province, p.categories, p.provinces, p.list_ids, p.tags, p.kinds, p.frequency_minutes,
	p.priority, p.rule_packs, p.active, p.keeper_org_id, p.created_by, p.last_run_id, p.last_run_at, p.next_run_at, p.created_at, p.updated_at`

func scanPatrolPlan(sc rowScanner) (*pinggu.PatrolPlan, error) {
	var p pinggu.PatrolPlan
	var cats, provs, lists, tags, kinds, packs string
	var keeper, lastRun sql.NullInt64
	var last, next, created, updated tscan
	var prio int
	if err := sc.Scan(&p.ID, &p.Name, &p.Description, &p.Province, &cats, &provs, &lists, &tags, &kinds, &p.FrequencyMinutes,
		&prio, &packs, &p.Active, &keeper, &p.CreatedBy, &lastRun, &last, &next, &created, &updated); err != nil {
		return nil, err
	}
	fromJSON(cats, &p.Categories)
	fromJSON(provs, &p.Provinces)
	fromJSON(lists, &p.ListIDs)
	fromJSON(tags, &p.Tags)
	fromJSON(kinds, &p.Kinds)
	fromJSON(packs, &p.RulePacks)
	p.Priority, p.KeeperOrgID, p.LastRunID = pinggu.PatrolPriority(prio), keeper.Int64, lastRun.Int64
	p.LastRunAt, p.NextRunAt, p.CreatedAt, p.UpdatedAt = last.Ptr(), next.Ptr(), created.T, updated.T
	return &p, nil
}

// findPatrolPlan loads a plan in the actor's patrol scope.
func (c *conn) findPatrolPlan(id int64) (*pinggu.PatrolPlan, error) {
	var w where
	w.add("p.id = ?", id)
	w.scopeOf(c.actor.PatrolScope(), "p.keeper_org_id", "p.province")
	p, err := scanPatrolPlan(c.queryRow("SELECT "+ppCols+" FROM patrol_plans p"+w.sql(), w.args...))
	return p, noRows(err, "巡查计划")
}

// FindPatrolPlan returns a plan in the actor's patrol scope.
func (db *DB) FindPatrolPlan(ctx context.Context, id int64) (*pinggu.PatrolPlan, error) {
	return db.reader(ctx).findPatrolPlan(id)
}

// ListPatrolPlans lists the plans in the actor's patrol scope.
func (db *DB) ListPatrolPlans(ctx context.Context, f pinggu.PatrolPlanFilter) ([]*pinggu.PatrolPlan, int, error) {
	c := db.reader(ctx)
	opt := f.ListOptions.Normalize()
	sc := c.actor.PatrolScope()
	if sc.Kind == pinggu.ScopeNone {
		return []*pinggu.PatrolPlan{}, 0, nil
	}
	var w where
	w.scopeOf(sc, "p.keeper_org_id", "p.province")
	total, err := c.count("patrol_plans p", w)
	if err != nil {
		return nil, 0, err
	}
	out, err := queryAll(c, scanPatrolPlan, "SELECT "+ppCols+" FROM patrol_plans p"+w.sql()+" ORDER BY p.priority, p.name, p.id LIMIT ? OFFSET ?", append(w.args, opt.Limit, opt.Offset)...)
	return out, total, err
}

// checkPlan validates a plan and that its lists are lists the actor sees.
func (c *conn) checkPlan(p *pinggu.PatrolPlan) error {
	if err := pinggu.Authorize(c.actor, pinggu.ActPatrolPlanWrite, pinggu.Subject{Province: p.Province}); err != nil {
		return err
	}
	p.Normalize()
	var v pinggu.Validation
	p.Validate(&v, pinggu.PatrolRulePacks)
	for i, id := range p.ListIDs {
		if _, err := c.findPatrolList(id); err != nil {
			if pinggu.ErrorCode(err) != pinggu.ENOTFOUND {
				return err
			}
			v.Add(0, fmt.Sprintf("list_ids[%d]", i), "巡查名单不存在")
		}
	}
	return v.Err("巡查计划信息有误")
}

// CreatePatrolPlan adds a plan: a bureau's is of its province, the
// ministry's and a support institution's national.
func (db *DB) CreatePatrolPlan(ctx context.Context, p *pinggu.PatrolPlan) error {
	return db.inTx(ctx, func(c *conn) error {
		if p.Province == "" {
			p.Province = c.actor.PatrolKeeping()
		}
		if err := c.checkPlan(p); err != nil {
			return err
		}
		var id int64
		if err := c.queryRow(`INSERT INTO patrol_plans (name, description, province, categories, provinces, list_ids, tags, kinds, frequency_minutes,
			priority, rule_packs, active, keeper_org_id, created_by, next_run_at, created_at, updated_at)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`,
			p.Name, p.Description, p.Province, jsonText(p.Categories), jsonText(p.Provinces), jsonText(p.ListIDs), jsonText(p.Tags),
			jsonText(p.Kinds), p.FrequencyMinutes, int(p.Priority), jsonText(p.RulePacks), p.Active, nullID(c.actor.OrgID),
			c.actor.Username, tnull(p.NextRun(nil, c.now)), tval(c.now), tval(c.now)).Scan(&id); err != nil {
			return fmt.Errorf("store: insert patrol plan: %w", err)
		}
		saved, err := c.findPatrolPlan(id)
		if err != nil {
			return err
		}
		*p = *saved
		return c.audit(change{action: "patrol.plan_create", objectType: "patrol_plan", objectID: id, detail: p.Name, after: p})
	})
}

// UpdatePatrolPlan saves a plan; its province stays, and its next run
// follows its new frequency.
func (db *DB) UpdatePatrolPlan(ctx context.Context, p *pinggu.PatrolPlan) error {
	return replaceWith(ctx, p.ID, p, db.EditPatrolPlan)
}

// EditPatrolPlan applies edit to the plan as stored and saves it as
// UpdatePatrolPlan does, the row locked meanwhile (editRecord).
func (db *DB) EditPatrolPlan(ctx context.Context, id int64, edit func(*pinggu.PatrolPlan) error) (*pinggu.PatrolPlan, error) {
	var out *pinggu.PatrolPlan
	err := db.inTx(ctx, func(c *conn) error {
		old, p, err := editRecord(c, "patrol_plans", id, c.findPatrolPlan, edit)
		if err != nil {
			return err
		}
		p.ID = id
		p.Province = old.Province
		if err := c.checkPlan(p); err != nil {
			return err
		}
		if _, err := c.exec(`UPDATE patrol_plans SET name = ?, description = ?, categories = ?, provinces = ?, list_ids = ?, tags = ?, kinds = ?,
			frequency_minutes = ?, priority = ?, rule_packs = ?, active = ?, next_run_at = ?, updated_at = ? WHERE id = ?`,
			p.Name, p.Description, jsonText(p.Categories), jsonText(p.Provinces), jsonText(p.ListIDs), jsonText(p.Tags), jsonText(p.Kinds),
			p.FrequencyMinutes, int(p.Priority), jsonText(p.RulePacks), p.Active, tnull(p.NextRun(old.LastRunAt, c.now)), tval(c.now), p.ID); err != nil {
			return err
		}
		saved, err := c.findPatrolPlan(id)
		if err != nil {
			return err
		}
		out = saved
		return c.audit(change{action: "patrol.plan_update", objectType: "patrol_plan", objectID: id, detail: saved.Name, before: old, after: saved})
	})
	return out, err
}

// planSelection is the SQL of PatrolPlan.Selects over patrol_targets t.
func planSelection(p *pinggu.PatrolPlan) where {
	var w where
	w.add("t.active = ?", true)
	if p.Province != "" {
		w.add("t.province = ?", p.Province)
	}
	in := func(col string, vals []any) {
		if len(vals) > 0 {
			w.add(col+" IN ("+placeholders(len(vals))+")", vals...)
		}
	}
	var cats, provs, lists, kinds []any
	for _, x := range p.Categories {
		cats = append(cats, string(x))
	}
	for _, x := range p.Provinces {
		provs = append(provs, x)
	}
	for _, x := range p.ListIDs {
		lists = append(lists, x)
	}
	for _, x := range p.Kinds {
		kinds = append(kinds, string(x))
	}
	in("t.category", cats)
	in("t.province", provs)
	in("t.list_id", lists)
	in("t.kind", kinds)
	if len(p.Tags) > 0 {
		var ors []string
		var args []any
		for _, g := range p.Tags {
			ors = append(ors, "t.tags LIKE ?")
			args = append(args, tagLike(g))
		}
		cond := ors[0]
		for _, o := range ors[1:] {
			cond += " OR " + o
		}
		w.add(cond, args...)
	}
	return w
}
