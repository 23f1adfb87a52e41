package store

import (
	"context"
	"fmt"

	"github.com/pinggu/pinggu"
)

// Patrol's records as other modules name them (pinggu.Ref): cases and
// incidents gather warnings, findings, snapshots and targets, each found
// in the caller's own scope for it.
func init() {
	refResolvers["patrol_warning"] = func(c *conn, id int64) (refTarget, error) {
		w, err := c.findPatrolWarning(id)
		if err != nil {
			return refTarget{}, err
		}
		return refTarget{Label: fmt.Sprintf("巡查预警%d：%s", w.ID, w.Title), OrgID: w.OrgID, Province: w.Province}, nil
	}
	refResolvers["patrol_finding"] = func(c *conn, id int64) (refTarget, error) {
		f, err := c.findPatrolFinding(id)
		if err != nil {
			return refTarget{}, err
		}
		return refTarget{Label: fmt.Sprintf("巡查发现%d：%s（%s）", f.ID, f.URL, f.Term), OrgID: f.OrgID, Province: f.Province}, nil
	}
	refResolvers["patrol_snapshot"] = func(c *conn, id int64) (refTarget, error) {
		s, err := c.findPatrolSnapshot(id)
		if err != nil {
			return refTarget{}, err
		}
		return refTarget{Label: fmt.Sprintf("页面快照%d：%s（%s，sha256:%.12s）", s.ID, s.URL, s.FetchedAt.In(pinggu.ChinaTime).Format("2006-01-02 15:04"), s.SHA256),
			OrgID: s.OrgID, Province: s.Province}, nil
	}
	refResolvers["patrol_target"] = func(c *conn, id int64) (refTarget, error) {
		t, err := c.findPatrolTarget(id)
		if err != nil {
			return refTarget{}, err
		}
		label := t.URL
		if t.Name != "" {
			label = t.Name + "（" + t.URL + "）"
		}
		return refTarget{Label: "巡查目标：" + label, OrgID: t.OrgID, Province: t.Province}, nil
	}
}

// findPatrolFinding loads a finding in the actor's patrol scope.
func (c *conn) findPatrolFinding(id int64) (*pinggu.PatrolFinding, error) {
	var w where
	w.add("f.id = ?", id)
	w.scopeOf(c.actor.PatrolScope(), "f.org_id", "f.province")
	f, err := scanPatrolFinding(c.queryRow("SELECT "+pfCols+" FROM "+pfFrom+w.sql(), w.args...))
	return f, noRows(err, "巡查发现")
}

// OpenCaseItemSnapshot returns the page snapshot a case item names, with
// its bytes, to whoever sees the item: the case's regulators, and a
// partner department the item was shared with — whose download is
// audited (the evidence a case hands on, as its files are). Any other
// item, or one the caller does not see, is not found.
func (db *DB) OpenCaseItemSnapshot(ctx context.Context, itemID int64) (*pinggu.PatrolSnapshot, []byte, error) {
	var snap *pinggu.PatrolSnapshot
	var body []byte
	err := db.viewed(ctx, func(c *conn) (change, error) {
		it, err := scanCaseItem(c.queryRow("SELECT "+caseItemCols+" FROM case_items i WHERE i.id = ?", itemID))
		if err != nil || it.Ref.Kind != "patrol_snapshot" {
			return change{}, notFound("快照")
		}
		x, err := c.findCase(it.CaseID)
		if err != nil {
			return change{}, notFound("快照")
		}
		if !seesWhole(c.actor, x.Province) {
			p, args, ok := grantPred(c.actor, pinggu.GrantCaseItem, "i.id")
			var n int
			if ok {
				err = c.queryRow("SELECT count(*) FROM case_items i WHERE i.id = ? AND "+p, append([]any{itemID}, args...)...).Scan(&n)
			}
			if err != nil {
				return change{}, err
			}
			if n == 0 {
				return change{}, notFound("快照")
			}
		}
		// The case is the authority here: whoever added the snapshot saw it,
		// and the case's readers see what it gathered.
		if snap, err = scanPatrolSnapshot(c.queryRow("SELECT "+psCols+" FROM patrol_snapshots s WHERE s.id = ?", it.Ref.ID)); err != nil {
			return change{}, noRows(err, "快照")
		}
		if body, err = c.blob(snap.SHA256); err != nil {
			return change{}, err
		}
		return change{action: "case.snapshot_download", objectType: "case", objectID: x.ID,
			detail: fmt.Sprintf("下载案件关联的页面快照%d：%s sha256:%s", snap.ID, snap.URL, snap.SHA256)}, nil
	})
	if err != nil {
		return nil, nil, err
	}
	return snap, body, nil
}
