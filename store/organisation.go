package store

import (
	"context"
	"database/sql"
	"fmt"
	"slices"

	"github.com/pinggu/pinggu"
)

const orgCols = `o.id, o.kind, o.name, COALESCE(o.uscc, ''), o.province, o.parent_id, o.key_enterprise, o.address, o.contacts, o.note,
	o.created_at, o.updated_at, COALESCE(p.name, ''), COALESCE(p.province, ''), (SELECT count(*) FROM services sc WHERE sc.org_id = o.id)`

const orgJoins = " LEFT JOIN organisations p ON p.id = o.parent_id"

const orgFrom = "organisations o" + orgJoins

func scanOrg(sc interface{ Scan(...any) error }) (*pinggu.Organisation, error) {
	var o pinggu.Organisation
	var kind, contacts string
	var parent sql.NullInt64
	var created, updated tscan
	if err := sc.Scan(&o.ID, &kind, &o.Name, &o.USCC, &o.Province, &parent, &o.Key, &o.Address, &contacts, &o.Note,
		&created, &updated, &o.ParentName, &o.ParentProvince, &o.ServiceCount); err != nil {
		return nil, err
	}
	o.Kind = pinggu.OrgKind(kind)
	if parent.Valid {
		id := parent.Int64
		o.ParentID = &id
	}
	fromJSON(contacts, &o.Contacts)
	o.CreatedAt, o.UpdatedAt = created.T, updated.T
	return &o, nil
}

// findOrg loads an organisation inside the actor's scope.
func (c *conn) findOrg(id int64) (*pinggu.Organisation, error) {
	var w where
	w.add("o.id = ?", id)
	w.scope(c.actor, "o.id", "o.province")
	o, err := scanOrg(c.queryRow("SELECT "+orgCols+" FROM "+orgFrom+w.sql(), w.args...))
	return o, noRows(err, "单位")
}

// FindOrganisation returns an organisation in the actor's scope.
func (db *DB) FindOrganisation(ctx context.Context, id int64) (*pinggu.Organisation, error) {
	return db.reader(ctx).findOrg(id)
}

// ListOrganisations lists organisations in the actor's scope (orgQuery
// writes the SQL).
func (db *DB) ListOrganisations(ctx context.Context, f pinggu.OrganisationFilter) ([]*pinggu.Organisation, int, error) {
	c := db.reader(ctx)
	return runList(c, c.orgQuery(f).list(), f.ListOptions.Normalize(), scanOrg)
}

// ExportOrganisations returns every organisation the filter selects, in ID
// order: an export holds all matches of a search, not the SearchCap a list
// shows.
func (db *DB) ExportOrganisations(ctx context.Context, f pinggu.OrganisationFilter) ([]*pinggu.Organisation, error) {
	c := db.reader(ctx)
	st, none := c.orgQuery(f).export()
	if none {
		return []*pinggu.Organisation{}, nil
	}
	return queryAll(c, scanOrg, st.SQL, st.Args...)
}

// CreateOrganisation registers an organisation inside the actor's scope.
func (db *DB) CreateOrganisation(ctx context.Context, o *pinggu.Organisation) error {
	return db.inTx(ctx, func(c *conn) error {
		if err := c.checkOrgWrite(nil, o); err != nil {
			return err
		}
		if err := c.insertOrg(o); err != nil {
			return err
		}
		saved, err := c.findOrgAny(o.ID)
		if err != nil {
			return err
		}
		*o = *saved
		return c.audit(change{action: "organisation.create", objectType: "organisation", objectID: o.ID, detail: o.Name, after: o})
	})
}

// checkOrgWrite decides whether the actor may save o (old is nil for a new
// organisation), after validating it. Parents must be visible; enterprises
// cannot move an organisation out of their tree, bureaus out of their
// province.
func (c *conn) checkOrgWrite(old, o *pinggu.Organisation) error {
	a := c.actor
	// A parent outside the actor's scope answers "not found" before
	// anything else, as any reference to another tenant does.
	newParent := o.ParentID != nil && (old == nil || !pinggu.SameParent(old.ParentID, o.ParentID))
	if newParent {
		if _, err := c.findOrg(*o.ParentID); err != nil {
			if pinggu.ErrorCode(err) == pinggu.ENOTFOUND {
				return pinggu.Errorf(pinggu.ENOTFOUND, "上级单位不存在")
			}
			return err
		}
	}
	if !a.May(pinggu.ActLedgerWrite) {
		return pinggu.Errorf(pinggu.EFORBIDDEN, "无权登记或修改单位")
	}
	o.Normalize()
	var v pinggu.Validation
	o.Validate(&v, 0)
	if err := v.Err("单位信息有误"); err != nil {
		return err
	}
	if err := pinggu.CheckOrganisationWrite(a, old, o); err != nil {
		return err
	}
	if newParent && old != nil {
		if err := c.checkNoCycle(old.ID, *o.ParentID); err != nil {
			return err
		}
	}
	return nil
}

// checkNoCycle refuses a parent that is id itself or one of its descendants.
func (c *conn) checkNoCycle(id, parent int64) error {
	ids, err := c.descendants(id)
	if err != nil {
		return err
	}
	if slices.Contains(ids, parent) {
		return &pinggu.Error{Code: pinggu.EINVALID, Message: "单位信息有误", Fields: []pinggu.FieldError{{Field: "parent_id", Message: "上级单位不能是本单位或其下级单位"}}}
	}
	return nil
}

// descendants returns id and every organisation below it.
func (c *conn) descendants(id int64) ([]int64, error) {
	rows, err := c.query(`WITH RECURSIVE tree(id) AS (SELECT id FROM organisations WHERE id = ?
		UNION SELECT o.id FROM organisations o JOIN tree t ON o.parent_id = t.id) SELECT id FROM tree ORDER BY id`, id)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []int64
	for rows.Next() {
		var x int64
		if err := rows.Scan(&x); err != nil {
			return nil, err
		}
		out = append(out, x)
	}
	return out, rows.Err()
}

// findOrgAny loads an organisation whatever the scope, for re-reading what
// the actor has just been allowed to write.
// reindexOrgs rewrites the search documents of the organisations matching
// cond (on organisations o).
func (c *conn) reindexOrgs(cond string, args ...any) error {
	orgs, err := queryAll(c, scanOrg, "SELECT "+orgCols+" FROM "+orgFrom+" WHERE "+cond, args...)
	if err != nil {
		return err
	}
	for _, o := range orgs {
		if err := c.setSearch("organisations", o.ID, orgDoc(o)); err != nil {
			return err
		}
	}
	return nil
}

func (c *conn) findOrgAny(id int64) (*pinggu.Organisation, error) {
	o, err := scanOrg(c.queryRow("SELECT "+orgCols+" FROM "+orgFrom+" WHERE o.id = ?", id))
	return o, noRows(err, "单位")
}

func (c *conn) insertOrg(o *pinggu.Organisation) error {
	var parent any
	if o.ParentID != nil {
		parent = *o.ParentID
	}
	err := c.queryRow(`INSERT INTO organisations (kind, name, uscc, province, parent_id, key_enterprise, address, contacts, note, created_at, updated_at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`,
		string(o.Kind), o.Name, nullStr(o.USCC), o.Province, parent, o.Key, o.Address, jsonText(o.Contacts), o.Note, tval(c.now), tval(c.now)).Scan(&o.ID)
	if err != nil {
		return c.uniqueErr(err, "uscc", "统一社会信用代码已被其他单位使用")
	}
	return c.setSearch("organisations", o.ID, orgDoc(o))
}

// UpdateOrganisation saves an organisation's editable fields. A change of
// province moves its services' province in the same transaction.
func (db *DB) UpdateOrganisation(ctx context.Context, o *pinggu.Organisation) error {
	return replaceWith(ctx, o.ID, o, db.EditOrganisation)
}

// EditOrganisation applies edit to the organisation as stored and saves it
// as UpdateOrganisation does, the row locked meanwhile (editRecord).
func (db *DB) EditOrganisation(ctx context.Context, id int64, edit func(*pinggu.Organisation) error) (*pinggu.Organisation, error) {
	var out *pinggu.Organisation
	err := db.inTx(ctx, func(c *conn) error {
		old, o, err := editRecord(c, "organisations", id, c.findOrg, edit)
		if err != nil {
			return err
		}
		o.ID = id
		if err := c.checkOrgWrite(old, o); err != nil {
			return err
		}
		var parent any
		if o.ParentID != nil {
			parent = *o.ParentID
		}
		if _, err := c.exec(`UPDATE organisations SET kind = ?, name = ?, uscc = ?, province = ?, parent_id = ?, key_enterprise = ?, address = ?, contacts = ?, note = ?, updated_at = ? WHERE id = ?`,
			string(o.Kind), o.Name, nullStr(o.USCC), o.Province, parent, o.Key, o.Address, jsonText(o.Contacts), o.Note, tval(c.now), o.ID); err != nil {
			return c.uniqueErr(err, "uscc", "统一社会信用代码已被其他单位使用")
		}
		if err := c.setSearch("organisations", o.ID, orgDoc(o)); err != nil {
			return err
		}
		if old.Province != o.Province {
			if _, err := c.exec("UPDATE services SET province = ? WHERE org_id = ?", o.Province, o.ID); err != nil {
				return err
			}
		}
		if old.Name != o.Name || old.Province != o.Province {
			// Its services' documents hold its name and province.
			if err := c.reindexServices("s.org_id = ?", o.ID); err != nil {
				return err
			}
		}
		saved, err := c.findOrgAny(id)
		if err != nil {
			return err
		}
		out = saved
		return c.audit(change{action: "organisation.update", objectType: "organisation", objectID: id, detail: saved.Name, before: old, after: saved})
	})
	return out, err
}

// OrganisationDirectory lists organisation names for placing accounts:
// system administrators see every name, ledger readers their scope.
func (db *DB) OrganisationDirectory(ctx context.Context, query string, limit int) ([]pinggu.OrgRef, error) {
	c := db.reader(ctx)
	var w where
	if !c.actor.May(pinggu.ActUserManage) {
		w.scope(c.actor, "o.id", "o.province")
	}
	if q := db.d.searchQuery(query); q != "" {
		w.add("o.id IN "+db.d.searchIDs("organisations"), q)
	}
	if limit <= 0 || limit > pinggu.MaxLimit {
		limit = pinggu.DefaultLimit
	}
	rows, err := c.query("SELECT o.id, o.name, o.kind, o.province FROM organisations o"+w.sql()+" ORDER BY o.name, o.id LIMIT ?", append(w.args, limit)...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := []pinggu.OrgRef{}
	for rows.Next() {
		var r pinggu.OrgRef
		var kind string
		if err := rows.Scan(&r.ID, &r.Name, &kind, &r.Province); err != nil {
			return nil, err
		}
		r.Kind = pinggu.OrgKind(kind)
		out = append(out, r)
	}
	return out, rows.Err()
}

// uniqueErr turns a unique-constraint violation into ECONFLICT naming field.
func (c *conn) uniqueErr(err error, field, msg string) error {
	if err == nil {
		return nil
	}
	if isUnique(err) {
		return &pinggu.Error{Code: pinggu.ECONFLICT, Message: msg, Fields: []pinggu.FieldError{{Field: field, Message: msg}}}
	}
	return fmt.Errorf("store: %w", err)
}
