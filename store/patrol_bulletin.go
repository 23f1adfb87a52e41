package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"

	"github.com/pinggu/pinggu"
)

const pbCols = `b.id, b.title, b.number, b.province, b.period_from, b.period_to, b.note, b.stats, b.issuer_org_id, b.issuer_name, b.issued_by, b.issued_at`

func scanPatrolBulletin(sc rowScanner) (*pinggu.PatrolBulletin, error) {
	var b pinggu.PatrolBulletin
	var stats string
	var issuer sql.NullInt64
	var from, to, at tscan
	if err := sc.Scan(&b.ID, &b.Title, &b.Number, &b.Province, &from, &to, &b.Note, &stats, &issuer, &b.IssuerName, &b.IssuedBy, &at); err != nil {
		return nil, err
	}
	b.From, b.To, b.IssuedAt, b.IssuerOrgID = from.T, to.T, at.T, issuer.Int64
	_ = json.Unmarshal([]byte(stats), &b.Stats)
	return &b, nil
}

// FindPatrolBulletin returns a bulletin in the actor's bulletin scope.
func (db *DB) FindPatrolBulletin(ctx context.Context, id int64) (*pinggu.PatrolBulletin, error) {
	c := db.reader(ctx)
	var w where
	w.add("b.id = ?", id)
	w.scopeOf(c.actor.BulletinScope(), "b.issuer_org_id", "b.province")
	b, err := scanPatrolBulletin(c.queryRow("SELECT "+pbCols+" FROM patrol_bulletins b"+w.sql(), w.args...))
	return b, noRows(err, "监测信息")
}

// ListPatrolBulletins lists the bulletins in the actor's bulletin scope,
// newest first.
func (db *DB) ListPatrolBulletins(ctx context.Context, f pinggu.PatrolBulletinFilter) ([]*pinggu.PatrolBulletin, int, error) {
	c := db.reader(ctx)
	opt := f.ListOptions.Normalize()
	sc := c.actor.BulletinScope()
	if sc.Kind == pinggu.ScopeNone {
		return []*pinggu.PatrolBulletin{}, 0, nil
	}
	var w where
	w.scopeOf(sc, "b.issuer_org_id", "b.province")
	if f.Province != "" {
		w.add("b.province = ?", f.Province)
	}
	total, err := c.count("patrol_bulletins b", w)
	if err != nil {
		return nil, 0, err
	}
	out, err := queryAll(c, scanPatrolBulletin, "SELECT "+pbCols+" FROM patrol_bulletins b"+w.sql()+" ORDER BY b.issued_at DESC, b.id DESC LIMIT ? OFFSET ?",
		append(w.args, opt.Limit, opt.Offset)...)
	return out, total, err
}

// IssuePatrolBulletin counts what patrol found in the period and province
// and issues it as the next number of that province's 《动态监测信息》; its
// figures are fixed from then on. The bureau of the province (or, for a
// national bulletin, the ministry and the support institutions) is told.
func (db *DB) IssuePatrolBulletin(ctx context.Context, r pinggu.BulletinRequest) (*pinggu.PatrolBulletin, error) {
	var out *pinggu.PatrolBulletin
	err := db.inTx(ctx, func(c *conn) error {
		if err := pinggu.Authorize(c.actor, pinggu.ActBulletinIssue, pinggu.Subject{Province: r.Province}); err != nil {
			return err
		}
		if err := r.Check(); err != nil {
			return err
		}
		stats, err := c.bulletinStats(r)
		if err != nil {
			return err
		}
		var n int
		if err := c.queryRow("SELECT count(*) FROM patrol_bulletins WHERE province = ?", r.Province).Scan(&n); err != nil {
			return err
		}
		where := "全国"
		if p, ok := pinggu.LookupProvince(r.Province); ok {
			where = p.Name
		}
		b := &pinggu.PatrolBulletin{Number: fmt.Sprintf("%d年第%d期", r.To.In(pinggu.ChinaTime).Year(), n+1), Province: r.Province,
			From: r.From.UTC(), To: r.To.UTC(), Note: trimSpace(r.Note), Stats: *stats, IssuedBy: c.actor.Name}
		b.Title = fmt.Sprintf("动态监测信息（%s）%s", where, b.Number)
		if c.actor.OrgID != 0 {
			if err := c.queryRow("SELECT name FROM organisations WHERE id = ?", c.actor.OrgID).Scan(&b.IssuerName); err != nil {
				return err
			}
		}
		data, err := json.Marshal(stats)
		if err != nil {
			return err
		}
		if err := c.queryRow(`INSERT INTO patrol_bulletins (title, number, province, period_from, period_to, note, stats, issuer_org_id, issuer_name, issued_by, issued_at)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`, b.Title, b.Number, b.Province, tval(b.From), tval(b.To), b.Note, string(data),
			nullID(c.actor.OrgID), b.IssuerName, b.IssuedBy, tval(c.now)).Scan(&b.ID); err != nil {
			return fmt.Errorf("store: insert bulletin: %w", err)
		}
		b.IssuedAt = c.now
		var to []pinggu.Recipient
		if b.Province != "" {
			to = append(to, pinggu.Recipient{Party: pinggu.PartyBureau, Province: b.Province})
		} else {
			to = append(to, pinggu.Recipient{Party: pinggu.PartyMinistry})
		}
		to = append(to, pinggu.Recipient{Party: pinggu.PartySupport})
		msg := fmt.Sprintf("%s已印发：本期巡查目标%d个，发出预警%d条，处置率%.0f%%，逾期未处置%d条。", b.Title, stats.Targets, stats.Warnings, stats.DisposalRate*100, len(stats.Overdue))
		if err := c.notify(&pinggu.Notice{Kind: pinggu.NoticeBulletinIssued, Subject: pinggu.Ref{Kind: "bulletin", ID: b.ID},
			Link: fmt.Sprintf("/patrol/bulletins/%d", b.ID), Province: b.Province, Title: "【已印发】" + b.Title, Message: msg, Recipients: to}); err != nil {
			return err
		}
		out = b
		return c.audit(change{action: "patrol.bulletin_issue", objectType: "bulletin", objectID: b.ID, detail: b.Title, after: b})
	})
	return out, err
}

// bulletinStats counts a period's patrol in a province ("" for all).
func (c *conn) bulletinStats(r pinggu.BulletinRequest) (*pinggu.BulletinStats, error) {
	from, to := tval(r.From), tval(r.To)
	prov := func(col string) (string, []any) {
		if r.Province == "" {
			return "", nil
		}
		return " AND " + col + " = ?", []any{r.Province}
	}
	s := &pinggu.BulletinStats{ByLevel: map[pinggu.WarningLevel]int{}, ByCategory: []pinggu.BulletinCount{}, NewCases: []pinggu.BulletinCase{}, Overdue: []pinggu.BulletinCase{}}
	p, pa := prov("province")
	if err := c.queryRow("SELECT count(DISTINCT target_id), count(*) FROM patrol_snapshots WHERE fetched_at >= ? AND fetched_at < ?"+p,
		append([]any{from, to}, pa...)...).Scan(&s.Targets, &s.Fetches); err != nil {
		return nil, err
	}
	if err := c.queryRow("SELECT count(DISTINCT target_id) FROM patrol_findings WHERE last_seen_at >= ? AND first_seen_at < ?"+p,
		append([]any{from, to}, pa...)...).Scan(&s.RiskyTargets); err != nil {
		return nil, err
	}
	wp, wa := prov("w.province")
	inPeriod := " WHERE w.created_at >= ? AND w.created_at < ?" + wp
	args := append([]any{from, to}, wa...)
	counts := func(col string) ([]pinggu.BulletinCount, error) {
		return queryAll(c, func(r rowScanner) (pinggu.BulletinCount, error) {
			var x pinggu.BulletinCount
			return x, r.Scan(&x.Key, &x.Count)
		}, "SELECT "+col+", count(*) FROM patrol_warnings w"+inPeriod+" GROUP BY "+col+" ORDER BY count(*) DESC, "+col, args...)
	}
	var err error
	if s.ByCategory, err = counts("w.category"); err != nil {
		return nil, err
	}
	levels, err := counts("w.level")
	if err != nil {
		return nil, err
	}
	for _, l := range levels {
		s.ByLevel[pinggu.WarningLevel(l.Key)] = l.Count
		s.Warnings += l.Count
	}
	if r.Province == "" {
		if s.ByProvince, err = counts("w.province"); err != nil {
			return nil, err
		}
	}
	if err := c.queryRow(`SELECT COALESCE(sum(CASE WHEN w.state IN (?, ?) THEN 1 ELSE 0 END), 0), COALESCE(sum(CASE WHEN w.state = ? THEN 1 ELSE 0 END), 0),
		COALESCE(sum(CASE WHEN w.app_listing = ? THEN 1 ELSE 0 END), 0) FROM patrol_warnings w`+inPeriod,
		append([]any{string(pinggu.WarningDisposed), string(pinggu.WarningClosed), string(pinggu.WarningClosed), true}, args...)...).Scan(&s.Disposed, &s.Closed, &s.AppWarnings); err != nil {
		return nil, err
	}
	if s.Warnings > 0 {
		s.DisposalRate = float64(s.Disposed) / float64(s.Warnings)
	}
	cases := func(q string, a ...any) ([]pinggu.BulletinCase, error) {
		return queryAll(c, func(r rowScanner) (pinggu.BulletinCase, error) {
			var x pinggu.BulletinCase
			var level, state string
			var created, due tscan
			err := r.Scan(&x.WarningID, &level, &x.Category, &x.URL, &x.OrgName, &x.Province, &state, &created, &due)
			x.Level, x.State, x.CreatedAt, x.DueAt = pinggu.WarningLevel(level), pinggu.WarningState(state), created.T, due.T
			return x, err
		}, q, a...)
	}
	const caseCols = "SELECT w.id, w.level, w.category, t.url, COALESCE(o.name, ''), w.province, w.state, w.created_at, w.due_at FROM " + pwFrom
	rank := " ORDER BY CASE w.level WHEN 'major' THEN 0 WHEN 'significant' THEN 1 ELSE 2 END, w.created_at, w.id"
	if s.NewCases, err = cases(caseCols+inPeriod+rank+" LIMIT 20", args...); err != nil {
		return nil, err
	}
	if s.Overdue, err = cases(caseCols+" WHERE w.state IN (?, ?) AND w.due_at < ? AND w.created_at < ?"+wp+rank+" LIMIT 50",
		append([]any{string(pinggu.WarningNew), string(pinggu.WarningAcknowledged), to, to}, wa...)...); err != nil {
		return nil, err
	}
	return s, nil
}
