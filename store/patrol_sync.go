package store

import (
	"context"
	"fmt"
	"net/url"
	"slices"

	"github.com/pinggu/pinggu"
)

// syncBatch bounds the services read at once when bringing the ledger's
// monitoring targets into patrol.
const syncBatch = 1000

// patrolledStatuses are the lifecycle states whose services patrol
// watches: those that run, or may still run.
var patrolledStatuses = []pinggu.ServiceStatus{pinggu.StatusApproved, pinggu.StatusLaunched, pinggu.StatusSuspended}

// ledgerTargetKind is the patrol kind of a service's monitoring target: an
// app listing, a site (an address without a path) or a page; numbers are
// not fetched.
func ledgerTargetKind(t pinggu.Target) (pinggu.PatrolTargetKind, bool) {
	switch t.Kind {
	case pinggu.TargetAppListing:
		return pinggu.PatrolAppListing, true
	case pinggu.TargetURL:
		if u, err := url.Parse(t.Value); err == nil && (u.Path == "" || u.Path == "/") {
			return pinggu.PatrolSite, true
		}
		return pinggu.PatrolPage, true
	}
	return "", false
}

// SyncLedgerTargets brings the monitoring targets of services changed
// since the last sync into patrol, as the system: a target per address of
// a service that runs, with the service's owner, province, category and
// tags; the targets of a service that no longer lists them, or no longer
// runs, stop being patrolled. Services are read in batches after a
// watermark of their update time and id, so a sync after the first reads only
// what changed.
func (db *DB) SyncLedgerTargets(ctx context.Context) (int, error) {
	ctx = pinggu.WithActor(ctx, pinggu.SystemActor)
	changed := 0
	for {
		n, more, err := db.syncBatch(ctx)
		changed += n
		if err != nil || !more {
			return changed, err
		}
	}
}

// syncBatch syncs the next batch of services after the watermark.
func (db *DB) syncBatch(ctx context.Context) (changed int, more bool, err error) {
	err = db.inTx(ctx, func(c *conn) error {
		var mark string
		var markID int64
		if err := c.queryRow("SELECT services_updated_at, services_id FROM patrol_sync WHERE id = 1").Scan(&mark, &markID); err != nil {
			return err
		}
		// PostgreSQL keeps the order by update time in service_updates
		// (migration 0630), with the same values as the services.
		at, from := "s", svcFrom
		if c.db.d.pg() {
			at, from = "u", svcByUpdateFrom
		}
		q := "SELECT " + svcCols + " FROM " + from
		var args []any
		if mark != "" {
			q += " WHERE (" + at + ".updated_at > ? OR (" + at + ".updated_at = ? AND " + at + ".id > ?))"
			args = append(args, mark, mark, markID)
		}
		svcs, err := queryAll(c, scanService, q+" ORDER BY "+at+".updated_at, "+at+".id LIMIT ?", append(args, syncBatch)...)
		if err != nil {
			return err
		}
		if len(svcs) == 0 {
			return nil
		}
		more = len(svcs) == syncBatch
		lastSvc := svcs[len(svcs)-1]
		for _, s := range svcs {
			n, err := c.syncService(s)
			if err != nil {
				return err
			}
			changed += n
		}
		if _, err := c.exec("UPDATE patrol_sync SET services_updated_at = ?, services_id = ? WHERE id = 1", tval(lastSvc.UpdatedAt), lastSvc.ID); err != nil {
			return err
		}
		if changed == 0 {
			return nil
		}
		return c.audit(change{action: "patrol.sync", objectType: "patrol_target", detail: fmt.Sprintf("同步台账监测目标：新增或变更%d个", changed)})
	})
	return changed, more, err
}

// syncService makes the ledger targets of one service what its record
// says, and reports how many it added or changed.
func (c *conn) syncService(s *pinggu.Service) (int, error) {
	runs := slices.Contains(patrolledStatuses, s.Status)
	type have struct {
		id     int64
		active bool
		key    string
	}
	existing := map[string]have{}
	rows, err := c.query("SELECT id, url, active, kind, name, org_id, province, category, tags FROM patrol_targets WHERE service_id = ? AND source = ?", s.ID, pinggu.PatrolFromLedger)
	if err != nil {
		return 0, err
	}
	for rows.Next() {
		var h have
		var u, kind, name, prov, cat, tags string
		var org int64
		if err := rows.Scan(&h.id, &u, &h.active, &kind, &name, &org, &prov, &cat, &tags); err != nil {
			rows.Close()
			return 0, err
		}
		h.key = fmt.Sprint(kind, name, org, prov, cat, tags)
		existing[u] = h
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return 0, err
	}
	n := 0
	want := map[string]bool{}
	if runs {
		for _, t := range s.Targets {
			kind, ok := ledgerTargetKind(t)
			if !ok {
				continue
			}
			host, err := pinggu.PatrolTargetHost(t.Value)
			if err != nil || want[t.Value] {
				continue
			}
			want[t.Value] = true
			name := s.Name
			if t.Note != "" {
				name += "（" + t.Note + "）"
			}
			tags := jsonText(s.Tags)
			key := fmt.Sprint(kind, name, s.OrgID, s.Province, s.Category, tags)
			h, ok := existing[t.Value]
			switch {
			case !ok:
				if _, err := c.exec(`INSERT INTO patrol_targets (kind, url, host, name, source, service_id, org_id, province, category, tags, active, created_at, updated_at)
					VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`, string(kind), t.Value, host, name, pinggu.PatrolFromLedger, s.ID, s.OrgID,
					s.Province, string(s.Category), tags, true, tval(c.now), tval(c.now)); err != nil {
					return 0, fmt.Errorf("store: sync target: %w", err)
				}
				n++
			case h.key != key || !h.active:
				if _, err := c.exec(`UPDATE patrol_targets SET kind = ?, name = ?, org_id = ?, province = ?, category = ?, tags = ?, active = ?, updated_at = ? WHERE id = ?`,
					string(kind), name, s.OrgID, s.Province, string(s.Category), tags, true, tval(c.now), h.id); err != nil {
					return 0, err
				}
				if err := c.copyTargetScope(h.id); err != nil {
					return 0, err
				}
				n++
			}
		}
	}
	for u, h := range existing {
		if !want[u] && h.active {
			if _, err := c.exec("UPDATE patrol_targets SET active = ?, updated_at = ? WHERE id = ?", false, tval(c.now), h.id); err != nil {
				return 0, err
			}
			n++
		}
	}
	return n, nil
}
