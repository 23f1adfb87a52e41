package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"github.com/pinggu/pinggu"
)

const ptCols = `t.id, t.kind, t.url, t.host, t.name, t.source, t.list_id, t.service_id, t.org_id, t.province, t.category, t.tags,
	t.active, t.note, t.last_fetched_at, t.last_status, t.last_verdict, t.last_score, t.last_error, t.open_findings,
	t.created_at, t.updated_at, COALESCE(l.name, ''), COALESCE(s.name, ''), COALESCE(o.name, '')`

const ptFrom = `patrol_targets t LEFT JOIN patrol_lists l ON l.id = t.list_id LEFT JOIN services s ON s.id = t.service_id
	LEFT JOIN organisations o ON o.id = t.org_id`

func scanPatrolTarget(sc rowScanner) (*pinggu.PatrolTarget, error) {
	var t pinggu.PatrolTarget
	var kind, cat, tags string
	var list, svc, org sql.NullInt64
	var last, created, updated tscan
	if err := sc.Scan(&t.ID, &kind, &t.URL, &t.Host, &t.Name, &t.Source, &list, &svc, &org, &t.Province, &cat, &tags,
		&t.Active, &t.Note, &last, &t.LastStatus, &t.LastVerdict, &t.LastScore, &t.LastError, &t.OpenFindings,
		&created, &updated, &t.ListName, &t.ServiceName, &t.OrgName); err != nil {
		return nil, err
	}
	t.Kind, t.Category = pinggu.PatrolTargetKind(kind), pinggu.Category(cat)
	t.ListID, t.ServiceID, t.OrgID = list.Int64, svc.Int64, org.Int64
	fromJSON(tags, &t.Tags)
	t.LastFetchedAt, t.CreatedAt, t.UpdatedAt = last.Ptr(), created.T, updated.T
	return &t, nil
}

// findPatrolTarget loads a target inside the actor's patrol scope.
func (c *conn) findPatrolTarget(id int64) (*pinggu.PatrolTarget, error) {
	var w where
	w.add("t.id = ?", id)
	w.scopeOf(c.actor.PatrolScope(), "t.org_id", "t.province")
	t, err := scanPatrolTarget(c.queryRow("SELECT "+ptCols+" FROM "+ptFrom+w.sql(), w.args...))
	return t, noRows(err, "巡查目标")
}

// findPatrolTargetAny loads a target whatever the scope, for the platform's
// own work.
func (c *conn) findPatrolTargetAny(id int64) (*pinggu.PatrolTarget, error) {
	t, err := scanPatrolTarget(c.queryRow("SELECT "+ptCols+" FROM "+ptFrom+" WHERE t.id = ?", id))
	return t, noRows(err, "巡查目标")
}

// FindPatrolTarget returns a target in the actor's patrol scope.
func (db *DB) FindPatrolTarget(ctx context.Context, id int64) (*pinggu.PatrolTarget, error) {
	return db.reader(ctx).findPatrolTarget(id)
}

// ListPatrolTargets lists targets in the actor's patrol scope
// (patrolTargetQuery writes the SQL).
func (db *DB) ListPatrolTargets(ctx context.Context, f pinggu.PatrolTargetFilter) ([]*pinggu.PatrolTarget, int, error) {
	c := db.reader(ctx)
	p, err := c.patrolTargetQuery(f).list()
	if err != nil {
		return nil, 0, err
	}
	return runList(c, p, f.ListOptions.Normalize(), scanPatrolTarget)
}

// resolved is what owner resolution learnt of a target.
type resolved struct {
	orgID     int64
	serviceID int64
	province  string
	category  pinggu.Category
}

// resolveOwner decides a list target's owner and province. An owner named
// by the caller (org_id, or the import's owner column) must be an
// organisation the caller sees; otherwise the ledger's own monitoring
// targets on the same host name the owner. Without either the target is
// unassigned and falls within the list's province ("" for a national
// list): a bureau that lists a page keeps it in its sight.
func (c *conn) resolveOwner(t *pinggu.PatrolTarget, host string, list *pinggu.PatrolList) (resolved, error) {
	r := resolved{province: list.Province, category: t.Category}
	if t.OrgID != 0 {
		owner, err := c.ownerInScope(t.OrgID)
		if err != nil {
			return r, err
		}
		r.orgID, r.province = t.OrgID, owner.province
	}
	// The ledger's target on the same host gives the service, and the
	// owner when none was named.
	var svc, org sql.NullInt64
	var prov, cat string
	q := "SELECT service_id, org_id, province, category FROM patrol_targets WHERE host = ? AND source = ?"
	args := []any{host, pinggu.PatrolFromLedger}
	if r.orgID != 0 {
		q += " AND org_id = ?"
		args = append(args, r.orgID)
	}
	err := c.queryRow(q+" ORDER BY id LIMIT 1", args...).Scan(&svc, &org, &prov, &cat)
	switch {
	case errors.Is(err, sql.ErrNoRows):
	case err != nil:
		return r, err
	default:
		if r.orgID == 0 {
			r.orgID, r.province = org.Int64, prov
		}
		r.serviceID = svc.Int64
		if r.category == "" {
			r.category = pinggu.Category(cat)
		}
	}
	return r, nil
}

// resolveKept resolves a list target's owner and checks that the actor
// keeps the province it falls in: a bureau cannot list another province's
// page as its own.
func (c *conn) resolveKept(t *pinggu.PatrolTarget, host string, list *pinggu.PatrolList) (resolved, error) {
	r, err := c.resolveOwner(t, host, list)
	if err != nil {
		return r, err
	}
	if err := pinggu.Authorize(c.actor, pinggu.ActPatrolTargetWrite, pinggu.Subject{Province: r.province}); err != nil {
		return r, &pinggu.Error{Code: pinggu.EINVALID, Message: "巡查目标信息有误", Fields: []pinggu.FieldError{{Field: "url", Message: "该网址的所属单位不在本辖区，请由其属地通信管理局或支撑单位列入巡查"}}}
	}
	return r, nil
}

// checkPatrolTargetInput validates t for list; the caller must keep the
// list.
func (c *conn) checkPatrolTargetInput(t *pinggu.PatrolTarget) (string, error) {
	t.Normalize()
	var v pinggu.Validation
	t.Validate(&v, 0)
	if err := v.Err("巡查目标信息有误"); err != nil {
		return "", err
	}
	host, _ := pinggu.PatrolTargetHost(t.URL)
	return host, nil
}

// CreatePatrolTarget adds a target to a patrol list the actor keeps.
func (db *DB) CreatePatrolTarget(ctx context.Context, t *pinggu.PatrolTarget) error {
	return db.inTx(ctx, func(c *conn) error {
		if !c.actor.May(pinggu.ActPatrolView) {
			return pinggu.Errorf(pinggu.EFORBIDDEN, "无权维护巡查目标")
		}
		if t.ListID == 0 {
			return &pinggu.Error{Code: pinggu.EINVALID, Message: "巡查目标信息有误", Fields: []pinggu.FieldError{{Field: "list_id", Message: "须指定巡查名单"}}}
		}
		list, err := c.findPatrolList(t.ListID)
		if err != nil {
			return err
		}
		if err := pinggu.Authorize(c.actor, pinggu.ActPatrolTargetWrite, pinggu.Subject{Province: list.Province}); err != nil {
			return err
		}
		t.Active = true
		host, err := c.checkPatrolTargetInput(t)
		if err != nil {
			return err
		}
		r, err := c.resolveKept(t, host, list)
		if err != nil {
			return err
		}
		id, err := c.insertPatrolTarget(t, host, r)
		if err != nil {
			return err
		}
		saved, err := c.findPatrolTargetAny(id)
		if err != nil {
			return err
		}
		*t = *saved
		return c.audit(change{action: "patrol.target_create", objectType: "patrol_target", objectID: t.ID, detail: t.URL, after: t})
	})
}

func (c *conn) insertPatrolTarget(t *pinggu.PatrolTarget, host string, r resolved) (int64, error) {
	var id int64
	err := c.queryRow(`INSERT INTO patrol_targets (kind, url, host, name, source, list_id, service_id, org_id, province, category, tags, active, note, created_at, updated_at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`,
		string(t.Kind), t.URL, host, t.Name, pinggu.PatrolFromList, t.ListID, nullID(r.serviceID), nullID(r.orgID), r.province,
		string(r.category), jsonText(t.Tags), t.Active, t.Note, tval(c.now), tval(c.now)).Scan(&id)
	if err != nil && isUnique(err) {
		return 0, &pinggu.Error{Code: pinggu.ECONFLICT, Message: "巡查目标信息有误", Fields: []pinggu.FieldError{{Field: "url", Message: "该网址已在此名单中"}}}
	}
	if err != nil {
		return 0, fmt.Errorf("store: insert patrol target: %w", err)
	}
	return id, nil
}

// UpdatePatrolTarget saves a target's editable fields: a list entry's
// address, name, kind, category, tags, owner and note, and for every
// target whether it is patrolled (a ledger target's address follows the
// ledger).
func (db *DB) UpdatePatrolTarget(ctx context.Context, t *pinggu.PatrolTarget) error {
	return replaceWith(ctx, t.ID, t, db.EditPatrolTarget)
}

// EditPatrolTarget applies edit to the target as stored and saves it as
// UpdatePatrolTarget does, the row locked meanwhile (editRecord).
func (db *DB) EditPatrolTarget(ctx context.Context, id int64, edit func(*pinggu.PatrolTarget) error) (*pinggu.PatrolTarget, error) {
	var out *pinggu.PatrolTarget
	err := db.inTx(ctx, func(c *conn) error {
		old, t, err := editRecord(c, "patrol_targets", id, c.findPatrolTarget, edit)
		if err != nil {
			return err
		}
		t.ID = id
		if err := pinggu.Authorize(c.actor, pinggu.ActPatrolTargetWrite, pinggu.Subject{Province: old.Province}); err != nil {
			return err
		}
		if old.Source == pinggu.PatrolFromLedger {
			if _, err := c.exec("UPDATE patrol_targets SET active = ?, tags = ?, note = ?, updated_at = ? WHERE id = ?",
				t.Active, jsonText(t.Tags), t.Note, tval(c.now), t.ID); err != nil {
				return err
			}
		} else {
			t.ListID = old.ListID
			host, err := c.checkPatrolTargetInput(t)
			if err != nil {
				return err
			}
			list, err := c.findPatrolListAny(old.ListID)
			if err != nil {
				return err
			}
			r, err := c.resolveKept(t, host, list)
			if err != nil {
				return err
			}
			_, err = c.exec(`UPDATE patrol_targets SET kind = ?, url = ?, host = ?, name = ?, service_id = ?, org_id = ?, province = ?, category = ?,
				tags = ?, active = ?, note = ?, updated_at = ? WHERE id = ?`,
				string(t.Kind), t.URL, host, t.Name, nullID(r.serviceID), nullID(r.orgID), r.province, string(r.category),
				jsonText(t.Tags), t.Active, t.Note, tval(c.now), t.ID)
			if err != nil && isUnique(err) {
				return &pinggu.Error{Code: pinggu.ECONFLICT, Message: "巡查目标信息有误", Fields: []pinggu.FieldError{{Field: "url", Message: "该网址已在此名单中"}}}
			}
			if err != nil {
				return err
			}
			if err := c.copyTargetScope(t.ID); err != nil {
				return err
			}
		}
		saved, err := c.findPatrolTargetAny(id)
		if err != nil {
			return err
		}
		out = saved
		return c.audit(change{action: "patrol.target_update", objectType: "patrol_target", objectID: id, detail: saved.URL, before: old, after: saved})
	})
	return out, err
}

// copyTargetScope copies a target's owner and province onto its findings
// and open warnings, which are scoped by them.
func (c *conn) copyTargetScope(id int64) error {
	for _, table := range []string{"patrol_findings", "patrol_warnings", "patrol_snapshots"} {
		if _, err := c.exec("UPDATE "+table+" SET org_id = (SELECT org_id FROM patrol_targets WHERE id = ?), province = (SELECT province FROM patrol_targets WHERE id = ?) WHERE target_id = ?", id, id, id); err != nil {
			return err
		}
	}
	return nil
}

// ImportPatrolTargets adds every row to a list the actor keeps, or none:
// every bad row is named by line and field, and a row repeating an address
// of the list or of an earlier row is refused.
func (db *DB) ImportPatrolTargets(ctx context.Context, listID int64, rows []pinggu.PatrolTargetImportRow) (int, error) {
	n := 0
	err := db.inTx(ctx, func(c *conn) error {
		if !c.actor.May(pinggu.ActPatrolView) {
			return pinggu.Errorf(pinggu.EFORBIDDEN, "无权维护巡查目标")
		}
		list, err := c.findPatrolList(listID)
		if err != nil {
			return err
		}
		if err := pinggu.Authorize(c.actor, pinggu.ActPatrolTargetWrite, pinggu.Subject{Province: list.Province}); err != nil {
			return err
		}
		if len(rows) == 0 {
			return pinggu.Errorf(pinggu.EINVALID, "导入文件没有数据行")
		}
		var v pinggu.Validation
		seen := map[string]int{}
		type ready struct {
			t    *pinggu.PatrolTarget
			host string
			r    resolved
		}
		var ok []ready
		for i := range rows {
			row := &rows[i]
			t := &row.Target
			t.ListID, t.Active = listID, true
			t.Normalize()
			before := len(v.Fields)
			t.Validate(&v, row.Line)
			if len(v.Fields) > before {
				continue
			}
			host, _ := pinggu.PatrolTargetHost(t.URL)
			if j, dup := seen[t.URL]; dup {
				v.Add(row.Line, "url", "网址与第%d行重复", j)
				continue
			}
			seen[t.URL] = row.Line
			var exists int
			if err := c.queryRow("SELECT count(*) FROM patrol_targets WHERE list_id = ? AND url = ?", listID, t.URL).Scan(&exists); err != nil {
				return err
			}
			if exists > 0 {
				v.Add(row.Line, "url", "该网址已在此名单中")
				continue
			}
			if owner := trimSpace(row.Owner); owner != "" {
				ref, problem, err := c.lookupOrg(owner)
				if err != nil {
					return err
				}
				if problem != nil {
					v.Add(row.Line, "owner", "所属%s", problem)
					continue
				}
				t.OrgID = ref.id
			}
			r, err := c.resolveOwner(t, host, list)
			if err != nil {
				return err
			}
			if !pinggu.Allowed(c.actor, pinggu.ActPatrolTargetWrite, pinggu.Subject{Province: r.province}) {
				v.Add(row.Line, "url", "该网址的所属单位不在本辖区")
				continue
			}
			ok = append(ok, ready{t, host, r})
		}
		if err := v.Err("导入文件有误，未导入任何记录"); err != nil {
			return err
		}
		for _, x := range ok {
			if _, err := c.insertPatrolTarget(x.t, x.host, x.r); err != nil {
				return err
			}
		}
		n = len(ok)
		return c.audit(change{action: "patrol.target_import", objectType: "patrol_list", objectID: listID,
			detail: fmt.Sprintf("向巡查名单“%s”导入巡查目标%d个", list.Name, n)})
	})
	return n, err
}
