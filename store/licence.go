package store

import (
	"context"

	"github.com/pinggu/pinggu"
)

const licCols = `l.id, l.org_id, l.number, l.categories, l.issuer, l.valid_from, l.valid_to, l.created_at, l.updated_at, o.name, o.province, COALESCE(l.annual_year, 0), l.annual_verdict`

const licFrom = "licences l JOIN organisations o ON o.id = l.org_id"

func (c *conn) scanLicence(sc interface{ Scan(...any) error }) (*pinggu.Licence, error) {
	var l pinggu.Licence
	var cats string
	var from, to, created, updated tscan
	if err := sc.Scan(&l.ID, &l.OrgID, &l.Number, &cats, &l.Issuer, &from, &to, &created, &updated, &l.OrgName, &l.Province, &l.AnnualYear, &l.AnnualVerdict); err != nil {
		return nil, err
	}
	fromJSON(cats, &l.Categories)
	l.ValidFrom, l.ValidTo, l.CreatedAt, l.UpdatedAt = from.T, to.T, created.T, updated.T
	l.State = pinggu.StateOfLicence(l.ValidFrom, l.ValidTo, c.now)
	return &l, nil
}

func (c *conn) findLicence(id int64) (*pinggu.Licence, error) {
	var w where
	w.add("l.id = ?", id)
	w.scope(c.actor, "l.org_id", "o.province")
	l, err := c.scanLicence(c.queryRow("SELECT "+licCols+" FROM "+licFrom+w.sql(), w.args...))
	return l, noRows(err, "许可证")
}

// FindLicence returns a licence of an organisation in the actor's scope.
func (db *DB) FindLicence(ctx context.Context, id int64) (*pinggu.Licence, error) {
	return db.reader(ctx).findLicence(id)
}

// ListLicences lists licences in the actor's scope (licenceQuery writes
// the SQL).
func (db *DB) ListLicences(ctx context.Context, f pinggu.LicenceFilter) ([]*pinggu.Licence, int, error) {
	c := db.reader(ctx)
	p, err := c.licenceQuery(f).list()
	if err != nil {
		return nil, 0, err
	}
	return runList(c, p, f.ListOptions.Normalize(), c.scanLicence)
}

func (c *conn) checkLicenceInput(l *pinggu.Licence) error {
	if !c.actor.May(pinggu.ActLedgerWrite) {
		return pinggu.Errorf(pinggu.EFORBIDDEN, "无权登记或修改许可证")
	}
	var v pinggu.Validation
	l.Validate(&v, 0)
	if l.OrgID == 0 {
		v.Add(0, "org_id", "须指定持证单位")
	}
	return v.Err("许可证信息有误")
}

// CreateLicence records a licence of an organisation in the actor's scope.
func (db *DB) CreateLicence(ctx context.Context, l *pinggu.Licence) error {
	return db.inTx(ctx, func(c *conn) error {
		if err := c.checkLicenceInput(l); err != nil {
			return err
		}
		if _, err := c.ownerInScope(l.OrgID); err != nil {
			return err
		}
		err := c.queryRow(`INSERT INTO licences (org_id, number, categories, issuer, valid_from, valid_to, created_at, updated_at)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`,
			l.OrgID, l.Number, jsonText(l.Categories), l.Issuer, tval(l.ValidFrom), tval(l.ValidTo), tval(c.now), tval(c.now)).Scan(&l.ID)
		if err != nil {
			return c.uniqueErr(err, "number", "许可证编号已存在")
		}
		saved, err := c.findLicence(l.ID)
		if err != nil {
			return err
		}
		*l = *saved
		return c.audit(change{action: "licence.create", objectType: "licence", objectID: l.ID, detail: l.Number, after: l})
	})
}

// UpdateLicence saves a licence; its holder may change only to another
// organisation in scope.
func (db *DB) UpdateLicence(ctx context.Context, l *pinggu.Licence) error {
	return replaceWith(ctx, l.ID, l, db.EditLicence)
}

// EditLicence applies edit to the licence as stored and saves it as
// UpdateLicence does, the row locked meanwhile (editRecord).
func (db *DB) EditLicence(ctx context.Context, id int64, edit func(*pinggu.Licence) error) (*pinggu.Licence, error) {
	var out *pinggu.Licence
	err := db.inTx(ctx, func(c *conn) error {
		old, l, err := editRecord(c, "licences", id, c.findLicence, edit)
		if err != nil {
			return err
		}
		l.ID = id
		// A holder outside the actor's scope answers "not found" before
		// anything else, as any reference to another tenant does.
		if l.OrgID != old.OrgID {
			if _, err := c.ownerInScope(l.OrgID); err != nil {
				return err
			}
		}
		if err := c.checkLicenceInput(l); err != nil {
			return err
		}
		if _, err := c.exec(`UPDATE licences SET org_id = ?, number = ?, categories = ?, issuer = ?, valid_from = ?, valid_to = ?, updated_at = ? WHERE id = ?`,
			l.OrgID, l.Number, jsonText(l.Categories), l.Issuer, tval(l.ValidFrom), tval(l.ValidTo), tval(c.now), l.ID); err != nil {
			return c.uniqueErr(err, "number", "许可证编号已存在")
		}
		saved, err := c.findLicence(l.ID)
		if err != nil {
			return err
		}
		out = saved
		return c.audit(change{action: "licence.update", objectType: "licence", objectID: id, detail: saved.Number, before: old, after: saved})
	})
	return out, err
}

// DeleteLicence removes a licence in the actor's scope.
func (db *DB) DeleteLicence(ctx context.Context, id int64) error {
	return db.inTx(ctx, func(c *conn) error {
		old, err := c.findLicence(id)
		if err != nil {
			return err
		}
		if !c.actor.May(pinggu.ActLedgerWrite) {
			return pinggu.Errorf(pinggu.EFORBIDDEN, "无权删除许可证")
		}
		if err := c.dropLicenceDossiers(id); err != nil {
			return err
		}
		if _, err := c.exec("DELETE FROM licences WHERE id = ?", id); err != nil {
			return err
		}
		return c.audit(change{action: "licence.delete", objectType: "licence", objectID: id, detail: old.Number, before: old})
	})
}
