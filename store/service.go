package store

import (
	"context"
	"fmt"

	"github.com/pinggu/pinggu"
)

const svcCols = `s.id, s.org_id, s.province, s.name, s.category, s.tags, s.provinces, s.status, s.description, s.targets,
	s.launched_at, s.created_at, s.updated_at, o.name, s.review_due_at`

const svcFrom = "services s JOIN organisations o ON o.id = s.org_id"

// svcByUpdateFrom is svcFrom reached through service_updates (u), where
// PostgreSQL keeps the order of services by update time (migration 0630).
const svcByUpdateFrom = "service_updates u JOIN services s ON s.id = u.id JOIN organisations o ON o.id = s.org_id"

// svcRowCols are svcCols without the owner's name: the service's own row,
// unqualified, as SQLite's RETURNING wants them.
const svcRowCols = `id, org_id, province, name, category, tags, provinces, status, description, targets,
	launched_at, created_at, updated_at, review_due_at`

func scanService(sc interface{ Scan(...any) error }) (*pinggu.Service, error) {
	return scanServiceInto(sc, nil)
}

// scanServiceRow reads svcRowCols, the owner's name given.
func scanServiceRow(sc interface{ Scan(...any) error }, ownerName string) (*pinggu.Service, error) {
	s, err := scanServiceInto(sc, &ownerName)
	if s != nil {
		s.OrgName = ownerName
	}
	return s, err
}

// scanServiceInto reads svcCols, or svcRowCols when the owner's name is
// known already.
func scanServiceInto(sc interface{ Scan(...any) error }, ownerName *string) (*pinggu.Service, error) {
	var s pinggu.Service
	var cat, status, tags, provs, targets string
	var launched, created, updated, reviewDue tscan
	dst := []any{&s.ID, &s.OrgID, &s.Province, &s.Name, &cat, &tags, &provs, &status, &s.Description, &targets,
		&launched, &created, &updated}
	if ownerName == nil {
		dst = append(dst, &s.OrgName)
	}
	if err := sc.Scan(append(dst, &reviewDue)...); err != nil {
		return nil, err
	}
	s.Category, s.Status = pinggu.Category(cat), pinggu.ServiceStatus(status)
	fromJSON(tags, &s.Tags)
	fromJSON(provs, &s.Provinces)
	fromJSON(targets, &s.Targets)
	s.LaunchedAt, s.CreatedAt, s.UpdatedAt = launched.Ptr(), created.T, updated.T
	if s.Status == pinggu.StatusLaunched || s.Status == pinggu.StatusSuspended {
		s.ReviewDueAt = reviewDue.Ptr() // kept for others too, but meaningful only once launched
	}
	return &s, nil
}

// findService loads a service inside the actor's scope.
func (c *conn) findService(id int64) (*pinggu.Service, error) {
	var w where
	w.add("s.id = ?", id)
	w.scope(c.actor, "s.org_id", "s.province")
	s, err := scanService(c.queryRow("SELECT "+svcCols+" FROM "+svcFrom+w.sql(), w.args...))
	return s, noRows(err, "业务")
}

// FindService returns a service in the actor's scope.
func (db *DB) FindService(ctx context.Context, id int64) (*pinggu.Service, error) {
	return db.reader(ctx).findService(id)
}

// ListServices lists services in the actor's scope (serviceQuery writes
// the SQL).
func (db *DB) ListServices(ctx context.Context, f pinggu.ServiceFilter) ([]*pinggu.Service, int, error) {
	c := db.reader(ctx)
	return runList(c, c.serviceQuery(f).list(), f.ListOptions.Normalize(), scanService)
}

// ExportServices returns every service the filter selects, in ID order:
// an export holds all matches of a search, not the SearchCap a list shows.
func (db *DB) ExportServices(ctx context.Context, f pinggu.ServiceFilter) ([]*pinggu.Service, error) {
	c := db.reader(ctx)
	st, none := c.serviceQuery(f).export()
	if none {
		return []*pinggu.Service{}, nil
	}
	return queryAll(c, scanService, st.SQL, st.Args...)
}

// ownerInScope checks that the service's owner is an organisation the actor
// sees, returning its province (the service's 属地).
func (c *conn) ownerInScope(orgID int64) (orgRef, error) {
	var w where
	w.add("o.id = ?", orgID)
	w.scope(c.actor, "o.id", "o.province")
	r := orgRef{id: orgID}
	err := c.queryRow("SELECT o.province, o.name FROM organisations o"+w.sql(), w.args...).Scan(&r.province, &r.name)
	if err != nil {
		if err := noRows(err, "所属企业"); pinggu.ErrorCode(err) == pinggu.ENOTFOUND {
			return r, &pinggu.Error{Code: pinggu.ENOTFOUND, Message: "所属企业不存在", Fields: []pinggu.FieldError{{Field: "org_id", Message: "所属企业不存在"}}}
		}
		return r, err
	}
	return r, nil
}

func (c *conn) checkServiceInput(s *pinggu.Service) error {
	if !c.actor.May(pinggu.ActServiceWrite) {
		return pinggu.Errorf(pinggu.EFORBIDDEN, "无权登记或修改业务")
	}
	s.Normalize()
	var v pinggu.Validation
	s.Validate(&v, 0)
	return v.Err("业务信息有误")
}

// CreateService registers a service of an organisation in the actor's scope.
func (db *DB) CreateService(ctx context.Context, s *pinggu.Service) error {
	return db.inTx(ctx, func(c *conn) error {
		if err := c.checkServiceInput(s); err != nil {
			return err
		}
		var v pinggu.Validation
		pinggu.ValidateInitialStatus(&v, 0, c.actor, s.Status)
		if err := v.Err("业务信息有误"); err != nil {
			return err
		}
		owner, err := c.ownerInScope(s.OrgID)
		if err != nil {
			return err
		}
		s.Province = owner.province
		if err := c.insertService(s, owner.name); err != nil {
			return err
		}
		saved, err := c.findServiceAny(s.ID)
		if err != nil {
			return err
		}
		*s = *saved
		return c.audit(change{action: "service.create", objectType: "service", objectID: s.ID, detail: s.Name, after: s})
	})
}

func (c *conn) insertService(s *pinggu.Service, ownerName string) error {
	if s.Status == pinggu.StatusLaunched && s.LaunchedAt == nil {
		t := c.now
		s.LaunchedAt = &t
	}
	err := c.queryRow(`INSERT INTO services (org_id, province, name, category, tags, provinces, status, description, targets, launched_at, created_at, updated_at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`,
		s.OrgID, s.Province, s.Name, string(s.Category), jsonText(s.Tags), jsonText(s.Provinces), string(s.Status), s.Description,
		jsonText(s.Targets), tnull(s.LaunchedAt), tval(c.now), tval(c.now)).Scan(&s.ID)
	if err != nil {
		return fmt.Errorf("store: insert service: %w", err)
	}
	if err := c.setSearch("services", s.ID, serviceDoc(s, ownerName)); err != nil {
		return err
	}
	return c.refreshReviewDue("s.id = ?", s.ID)
}

func (c *conn) findServiceAny(id int64) (*pinggu.Service, error) {
	s, err := scanService(c.queryRow("SELECT "+svcCols+" FROM "+svcFrom+" WHERE s.id = ?", id))
	return s, noRows(err, "业务")
}

// SetServiceStatus moves a service along its lifecycle; the reason goes to
// the audit log.
func (db *DB) SetServiceStatus(ctx context.Context, id int64, to pinggu.ServiceStatus, reason string) (*pinggu.Service, error) {
	var out *pinggu.Service
	err := db.inTx(ctx, func(c *conn) error {
		old, err := c.findService(id)
		if err != nil {
			return err
		}
		if err := pinggu.CheckStatusChangeBy(c.actor, old.Status, to); err != nil {
			return err
		}
		if err := pinggu.CheckServiceTransition(old.Status, to); err != nil {
			return err
		}
		override := false
		if to == pinggu.StatusLaunched {
			if override, err = c.launchGate(old, reason); err != nil {
				return err
			}
		}
		launched := tnull(old.LaunchedAt)
		if to == pinggu.StatusLaunched && old.LaunchedAt == nil {
			launched = tval(c.now)
		}
		if _, err := c.exec("UPDATE services SET status = ?, launched_at = ?, updated_at = ? WHERE id = ?", string(to), launched, tval(c.now), id); err != nil {
			return err
		}
		if err := c.refreshServices("s.id = ?", id); err != nil {
			return err
		}
		if out, err = c.findServiceAny(id); err != nil {
			return err
		}
		detail := fmt.Sprintf("%s: %s → %s", out.Name, pinggu.LabelOf(pinggu.ServiceStatusLabels, old.Status), pinggu.LabelOf(pinggu.ServiceStatusLabels, to))
		if reason != "" {
			detail += " (" + reason + ")"
		}
		if override {
			// The status history stays whole under service.status; the
			// override is its own entry so that overrides are easy to find.
			if err := c.audit(change{action: "service.launch_override", objectType: "service", objectID: id, detail: out.Name + ": " + reason}); err != nil {
				return err
			}
		}
		return c.audit(change{action: "service.status", objectType: "service", objectID: id, detail: detail, before: old, after: out})
	})
	return out, err
}

// refreshServices rewrites what the store derives from the services
// matching cond (on services s) — their search documents and review due
// dates — after a change to their fields.
func (c *conn) refreshServices(cond string, args ...any) error {
	if err := c.reindexServices(cond, args...); err != nil {
		return err
	}
	return c.refreshReviewDue(cond, args...)
}

// reindexServices rewrites the search documents of the services matching
// cond (on services s), after a change to a field a document holds.
func (c *conn) reindexServices(cond string, args ...any) error {
	type doc struct {
		id int64
		in searchDocIn
	}
	docs, err := queryAll(c, func(row rowScanner) (doc, error) {
		var s pinggu.Service
		var cat, status, owner string
		err := row.Scan(&s.ID, &s.OrgID, &s.Province, &s.Name, &cat, &status, &owner)
		s.Category, s.Status = pinggu.Category(cat), pinggu.ServiceStatus(status)
		return doc{s.ID, serviceDoc(&s, owner)}, err
	}, "SELECT s.id, s.org_id, s.province, s.name, s.category, s.status, o.name FROM services s JOIN organisations o ON o.id = s.org_id WHERE "+cond, args...)
	if err != nil {
		return err
	}
	for _, d := range docs {
		if err := c.setSearch("services", d.id, d.in); err != nil {
			return err
		}
	}
	return nil
}
