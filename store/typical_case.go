package store

import (
	"context"
	"fmt"

	"github.com/pinggu/pinggu"
)

var _ pinggu.TypicalCaseService = (*DB)(nil)

const typicalCols = `k.id, k.title, k.quarter, k.category, k.summary, k.measures, k.lessons, k.anonymised, k.org_id, k.province, k.refs,
	k.state, k.created_by, k.published_at, k.created_at, k.updated_at, coalesce(o.name, ''), coalesce(o.kind, '')`

const typicalFrom = "typical_cases k LEFT JOIN organisations o ON o.id = k.org_id"

func scanTypical(r rowScanner) (*pinggu.TypicalCase, error) {
	var k pinggu.TypicalCase
	var quarter, cat, refs, state, kind string
	var org *int64
	var published, created, updated tscan
	err := r.Scan(&k.ID, &k.Title, &quarter, &cat, &k.Summary, &k.Measures, &k.Lessons, &k.Anonymised, &org, &k.Province, &refs,
		&state, &k.CreatedBy, &published, &created, &updated, &k.OrgName, &kind)
	if org != nil {
		k.OrgID = *org
	}
	k.Quarter, k.Category, k.State, k.OrgKind = pinggu.Period(quarter), pinggu.TypicalCategory(cat), pinggu.TypicalState(state), pinggu.OrgKind(kind)
	fromJSON(refs, &k.Refs)
	k.PublishedAt, k.CreatedAt, k.UpdatedAt = published.Ptr(), created.T, updated.T
	return &k, err
}

// typicalScope limits cases to the actor's audience (pinggu.TypicalAudience).
func typicalScope(au pinggu.Audience, w *where) {
	switch {
	case au.None:
		w.add("1 = 0")
	case au.All:
	case au.Province != "":
		w.add("k.state = 'published'")
	default:
		args := make([]any, len(au.OrgIDs))
		for i, id := range au.OrgIDs {
			args[i] = id
		}
		w.add("k.state = 'published' AND (k.anonymised = TRUE OR k.org_id IN ("+placeholders(len(args))+"))", args...)
	}
}

// typicalsByID loads cases by ID in that order, whatever the caller's scope
// (the caller filters by audience).
func (c *conn) typicalsByID(ids []int64) ([]*pinggu.TypicalCase, error) {
	var out []*pinggu.TypicalCase
	for _, id := range ids {
		k, err := scanTypical(c.queryRow("SELECT "+typicalCols+" FROM "+typicalFrom+" WHERE k.id = ?", id))
		if err != nil {
			continue // a case withdrawn since is left out
		}
		out = append(out, k)
	}
	return out, nil
}

func (c *conn) findTypical(id int64) (*pinggu.TypicalCase, error) {
	var w where
	w.add("k.id = ?", id)
	typicalScope(c.actor.TypicalAudience(), &w)
	k, err := scanTypical(c.queryRow("SELECT "+typicalCols+" FROM "+typicalFrom+w.sql(), w.args...))
	return k, noRows(err, "典型案例")
}

// typicalRefs resolves the records a case gathers, by kind: each must exist
// and be confirmed (an assessment decided). A module adds its kinds
// (warnings, orders, incidents) here.
var typicalRefs = map[string]func(c *conn, id int64) (orgID int64, province string, err error){
	"assessment": func(c *conn, id int64) (int64, string, error) {
		var org int64
		var prov, state string
		if err := c.queryRow("SELECT org_id, province, state FROM assessments WHERE id = ?", id).Scan(&org, &prov, &state); err != nil {
			return 0, "", noRows(err, "评估")
		}
		if state != string(pinggu.AssessAccepted) && state != string(pinggu.AssessReturned) {
			return 0, "", pinggu.Errorf(pinggu.ECONFLICT, "评估尚未审结，不能作为典型案例")
		}
		return org, prov, nil
	},
}

// checkTypical validates a case and its references, filling its province
// from the enterprise concerned.
func (c *conn) checkTypical(k *pinggu.TypicalCase) error {
	if err := k.Validate(); err != nil {
		return err
	}
	var v pinggu.Validation
	for i, r := range k.Refs {
		resolve := typicalRefs[r.Kind]
		field := fmt.Sprintf("refs[%d]", i)
		if resolve == nil {
			v.Add(0, field, "记录类型“%s”不能作为典型案例素材", r.Kind)
			continue
		}
		org, _, err := resolve(c, r.ID)
		if err != nil {
			v.Add(0, field, "%s", pinggu.ErrorMessage(err))
			continue
		}
		if k.OrgID == 0 {
			k.OrgID = org
		}
	}
	k.Province = ""
	if k.OrgID != 0 {
		if err := c.queryRow("SELECT province FROM organisations WHERE id = ?", k.OrgID).Scan(&k.Province); err != nil {
			v.Add(0, "org_id", "企业不存在")
		}
	}
	return v.Err("案例信息有误")
}

// CreateTypicalCase drafts a typical case.
func (db *DB) CreateTypicalCase(ctx context.Context, k *pinggu.TypicalCase) error {
	return db.inTx(ctx, func(c *conn) error {
		if err := pinggu.Authorize(c.actor, pinggu.ActTypicalWrite, pinggu.Subject{}); err != nil {
			return err
		}
		if err := c.checkTypical(k); err != nil {
			return err
		}
		err := c.queryRow(`INSERT INTO typical_cases (title, quarter, category, summary, measures, lessons, anonymised, org_id, province, refs, state, created_by, created_at, updated_at)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`, k.Title, string(k.Quarter), string(k.Category), k.Summary, k.Measures, k.Lessons,
			k.Anonymised, nullID(k.OrgID), k.Province, jsonText(k.Refs), string(pinggu.TypicalDraft), c.actor.Name, tval(c.now), tval(c.now)).Scan(&k.ID)
		if err != nil {
			return fmt.Errorf("store: insert case: %w", err)
		}
		saved, err := c.findTypical(k.ID)
		if err != nil {
			return err
		}
		*k = *saved
		return c.audit(change{action: "tcase.create", objectType: "typical_case", objectID: k.ID, detail: k.Title, after: k})
	})
}

// UpdateTypicalCase saves a draft case.
func (db *DB) UpdateTypicalCase(ctx context.Context, k *pinggu.TypicalCase) error {
	return db.inTx(ctx, func(c *conn) error {
		old, err := c.findTypical(k.ID)
		if err != nil {
			return err
		}
		if err := pinggu.Authorize(c.actor, pinggu.ActTypicalWrite, pinggu.Subject{State: string(old.State)}); err != nil {
			return err
		}
		if err := c.checkTypical(k); err != nil {
			return err
		}
		if _, err := c.exec(`UPDATE typical_cases SET title = ?, quarter = ?, category = ?, summary = ?, measures = ?, lessons = ?, anonymised = ?,
			org_id = ?, province = ?, refs = ?, updated_at = ? WHERE id = ?`, k.Title, string(k.Quarter), string(k.Category), k.Summary, k.Measures, k.Lessons,
			k.Anonymised, nullID(k.OrgID), k.Province, jsonText(k.Refs), tval(c.now), k.ID); err != nil {
			return err
		}
		saved, err := c.findTypical(k.ID)
		if err != nil {
			return err
		}
		*k = *saved
		return c.audit(change{action: "tcase.update", objectType: "typical_case", objectID: k.ID, detail: k.Title, before: old, after: k})
	})
}

// PublishTypicalCase publishes a case for bulletins and training.
func (db *DB) PublishTypicalCase(ctx context.Context, id int64) (*pinggu.TypicalCase, error) {
	var out *pinggu.TypicalCase
	err := db.inTx(ctx, func(c *conn) error {
		old, err := c.findTypical(id)
		if err != nil {
			return err
		}
		if err := pinggu.Authorize(c.actor, pinggu.ActTypicalPublish, pinggu.Subject{State: string(old.State)}); err != nil {
			return err
		}
		if _, err := c.exec("UPDATE typical_cases SET state = ?, published_at = ?, updated_at = ? WHERE id = ?", string(pinggu.TypicalPublished), tval(c.now), tval(c.now), id); err != nil {
			return err
		}
		if out, err = c.findTypical(id); err != nil {
			return err
		}
		return c.audit(change{action: "tcase.publish", objectType: "typical_case", objectID: id, detail: out.Title, before: old, after: out})
	})
	return out, err
}

// FindTypicalCase returns a case the caller sees.
func (db *DB) FindTypicalCase(ctx context.Context, id int64) (*pinggu.TypicalCase, error) {
	return db.reader(ctx).findTypical(id)
}

// ListTypicalCases lists the cases the caller sees, newest quarter first.
func (db *DB) ListTypicalCases(ctx context.Context, f pinggu.TypicalFilter) ([]*pinggu.TypicalCase, int, error) {
	c := db.reader(ctx)
	opt := f.ListOptions.Normalize()
	var w where
	typicalScope(c.actor.TypicalAudience(), &w)
	if f.Quarter != "" {
		w.add("k.quarter = ?", f.Quarter)
	}
	if f.State != "" {
		w.add("k.state = ?", string(f.State))
	}
	if f.Category != "" {
		w.add("k.category = ?", f.Category)
	}
	total, err := c.count(typicalFrom, w)
	if err != nil {
		return nil, 0, err
	}
	out, err := queryAll(c, scanTypical, "SELECT "+typicalCols+" FROM "+typicalFrom+w.sql()+" ORDER BY k.quarter DESC, k.id DESC LIMIT ? OFFSET ?", append(w.args, opt.Limit, opt.Offset)...)
	return out, total, err
}
