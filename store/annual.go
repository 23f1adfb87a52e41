package store

import (
	"context"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/pinggu/pinggu"
)

const dossierCols = `d.id, d.licence_id, l.number, d.year, d.org_id, d.org_name, d.province, d.facts, d.proposed, d.reasons, d.links, d.assembled_at,
	d.state, d.verdict, d.decision_reason, d.override_reason, d.decided_by, d.decided_at`

const dossierFrom = "dossiers d JOIN licences l ON l.id = d.licence_id"

func scanDossier(sc rowScanner) (*pinggu.Dossier, error) {
	var d pinggu.Dossier
	var facts, proposed, reasons, links, state, verdict string
	var assembled, decided tscan
	if err := sc.Scan(&d.ID, &d.LicenceID, &d.Licence, &d.Year, &d.OrgID, &d.OrgName, &d.Province, &facts, &proposed, &reasons, &links, &assembled,
		&state, &verdict, &d.DecisionReason, &d.OverrideReason, &d.DecidedBy, &decided); err != nil {
		return nil, err
	}
	fromJSON(facts, &d.Facts)
	fromJSON(reasons, &d.Reasons)
	fromJSON(links, &d.Links)
	d.Proposed, d.State, d.Verdict, d.AssembledAt, d.DecidedAt = pinggu.Verdict(proposed), pinggu.DossierState(state), pinggu.Verdict(verdict), assembled.T, decided.Ptr()
	return &d, nil
}

func (c *conn) findDossier(id int64) (*pinggu.Dossier, error) {
	var w where
	w.add("d.id = ?", id)
	w.scope(c.actor, "d.org_id", "d.province")
	d, err := scanDossier(c.queryRow("SELECT "+dossierCols+" FROM "+dossierFrom+w.sql(), w.args...))
	return d, noRows(err, "年检档案")
}

// FindDossier returns a dossier in scope (an enterprise sees its own).
func (db *DB) FindDossier(ctx context.Context, id int64) (*pinggu.Dossier, error) {
	return db.reader(ctx).findDossier(id)
}

// yearBounds is the calendar year in China Standard Time.
func yearBounds(year int) (time.Time, time.Time) {
	from := time.Date(year, 1, 1, 0, 0, 0, 0, pinggu.ChinaTime)
	return from, from.AddDate(1, 0, 0)
}

// OpenAnnual opens the year's dossiers for every licence of the province's
// organisations that is in force at some time of the year, and assembles
// them. Opening again adds only licences recorded since.
func (db *DB) OpenAnnual(ctx context.Context, province string, year int) (int, error) {
	n := 0
	err := db.inTx(ctx, func(c *conn) error {
		if _, ok := pinggu.LookupProvince(province); !ok {
			return invalidField("province", "省份代码“%s”不存在", province)
		}
		if year < 2000 || year > c.now.In(pinggu.ChinaTime).Year() {
			return invalidField("year", "年度须为2000年至今年")
		}
		if err := pinggu.Authorize(c.actor, pinggu.ActAnnualOpen, pinggu.Subject{Province: province}); err != nil {
			// A province outside the caller's jurisdiction is not there for it.
			return notFound("辖区")
		}
		from, to := yearBounds(year)
		res, err := c.exec(`INSERT INTO dossiers (licence_id, year, org_id, org_name, province, proposed, assembled_at, state)
			SELECT l.id, ?, l.org_id, o.name, o.province, ?, ?, ? FROM licences l JOIN organisations o ON o.id = l.org_id
			WHERE o.province = ? AND l.valid_from < ? AND l.valid_to >= ?
			AND NOT EXISTS (SELECT 1 FROM dossiers d WHERE d.licence_id = l.id AND d.year = ?)`,
			year, string(pinggu.VerdictPass), tval(c.now), string(pinggu.DossierOpen), province, tval(to), tval(from), year)
		if err != nil {
			return fmt.Errorf("store: open dossiers: %w", err)
		}
		m, _ := res.RowsAffected()
		n = int(m)
		if _, err := c.assembleDossiers(year, "d.province = ?", province); err != nil {
			return err
		}
		return c.audit(change{action: "annual.open", objectType: "dossier", detail: fmt.Sprintf("开展%d年度%s许可证年检，新建档案%d份", year, provinceName(province), n)})
	})
	return n, err
}

// provinceName names a province code.
func provinceName(code string) string {
	if p, ok := pinggu.LookupProvince(code); ok {
		return p.Name
	}
	return code
}

// refreshDossiers reassembles every undecided dossier of the year (the
// daily job).
func (c *conn) refreshDossiers(year int) (int, error) {
	return c.assembleDossiers(year, "1 = 1")
}

// assembleDossiers gathers, in a few grouped queries, the facts of every
// undecided dossier of the year matching cond, proposes each verdict and
// writes those that changed; it returns how many it wrote.
func (c *conn) assembleDossiers(year int, cond string, args ...any) (int, error) {
	sel := "SELECT d.org_id FROM dossiers d WHERE d.year = ? AND d.state = 'open' AND " + cond
	selArgs := append([]any{year}, args...)
	from, to := yearBounds(year)
	facts := map[int64]*pinggu.DossierFacts{}
	get := func(org int64) *pinggu.DossierFacts {
		f := facts[org]
		if f == nil {
			f = &pinggu.DossierFacts{BadRecords: map[pinggu.BadRecordKind]int{}}
			facts[org] = f
		}
		return f
	}
	type agg struct {
		query string
		args  []any
		apply func(f *pinggu.DossierFacts, n []int)
	}
	now := tval(c.now)
	aggs := []agg{
		{`SELECT org_id, count(*), sum(CASE WHEN state = 'accepted' THEN 1 ELSE 0 END), sum(CASE WHEN state <> 'accepted' AND due_at < ? THEN 1 ELSE 0 END)
			FROM assessments WHERE kind IN ('periodic', 'special') AND due_at >= ? AND due_at < ? AND org_id IN (` + sel + `) GROUP BY org_id`,
			append([]any{now, tval(from), tval(to)}, selArgs...),
			func(f *pinggu.DossierFacts, n []int) {
				f.AssessmentsDue, f.AssessmentsDone, f.AssessmentsOverdue = n[0], n[1], n[2]
			}},
		{`SELECT org_id, count(*) FROM services WHERE status = 'launched' AND review_due_at >= ? AND review_due_at < ? AND review_due_at < ? AND org_id IN (` + sel + `) GROUP BY org_id`,
			append([]any{tval(from), tval(to), now}, selArgs...),
			func(f *pinggu.DossierFacts, n []int) { f.AssessmentsDue += n[0]; f.AssessmentsOverdue += n[0] }},
		{`SELECT org_id, count(*), sum(CASE WHEN state = 'closed' THEN 1 ELSE 0 END), sum(CASE WHEN state IN ('issued', 'answered') THEN 1 ELSE 0 END),
			sum(CASE WHEN state = 'overdue' THEN 1 ELSE 0 END),
			sum(CASE WHEN state = 'overdue' AND EXISTS (SELECT 1 FROM order_problems p WHERE p.order_id = orders.id AND p.state = 'open'
				AND NOT EXISTS (SELECT 1 FROM order_answers a WHERE a.problem_id = p.id)) THEN 1 ELSE 0 END),
			sum(fail_recommended)
			FROM orders WHERE issued_at < ? AND (closed_at IS NULL OR closed_at >= ?) AND state <> 'revoked' AND org_id IN (` + sel + `) GROUP BY org_id`,
			append([]any{tval(to), tval(from)}, selArgs...),
			func(f *pinggu.DossierFacts, n []int) {
				f.OrdersIssued, f.OrdersClosed, f.OrdersOpen, f.OrdersOverdue, f.OrdersRefused, f.FailRecommendations = n[0], n[1], n[2], n[3], n[4], n[5]
			}},
		{`SELECT org_id, count(*), sum(CASE WHEN order_id IS NULL THEN failed ELSE 0 END) FROM inspections
			WHERE inspected_on >= ? AND inspected_on < ? AND org_id IN (` + sel + `) GROUP BY org_id`,
			append([]any{tval(from), tval(to)}, selArgs...),
			func(f *pinggu.DossierFacts, n []int) { f.Inspections, f.InspectionFailures = n[0], n[1] }},
	}
	for _, a := range aggs {
		rows, err := c.query(a.query, a.args...)
		if err != nil {
			return 0, fmt.Errorf("store: dossier facts: %w", err)
		}
		for rows.Next() {
			var org int64
			var n [6]nullInt
			dst := []any{&org}
			cols, _ := rows.Columns()
			for i := 1; i < len(cols); i++ {
				dst = append(dst, &n[i-1])
			}
			if err := rows.Scan(dst...); err != nil {
				rows.Close()
				return 0, err
			}
			vals := make([]int, len(cols)-1)
			for i := range vals {
				vals[i] = int(n[i].v)
			}
			a.apply(get(org), vals)
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return 0, err
		}
	}
	rows, err := c.query(`SELECT org_id, kind, count(*) FROM bad_records WHERE decided_at >= ? AND decided_at < ? AND valid_to > ?
		AND state IN ('active', 'appealed', 'repair_requested') AND org_id IN (`+sel+`) GROUP BY org_id, kind`,
		append([]any{tval(from), tval(to), now}, selArgs...)...)
	if err != nil {
		return 0, err
	}
	for rows.Next() {
		var org int64
		var kind string
		var n int
		if err := rows.Scan(&org, &kind, &n); err != nil {
			rows.Close()
			return 0, err
		}
		get(org).BadRecords[pinggu.BadRecordKind(kind)] = n
	}
	rows.Close()

	type current struct {
		id       int64
		org      int64
		facts    string
		proposed string
	}
	ds, err := queryAll(c, func(sc rowScanner) (current, error) {
		var d current
		return d, sc.Scan(&d.id, &d.org, &d.facts, &d.proposed)
	}, "SELECT d.id, d.org_id, d.facts, d.proposed FROM dossiers d WHERE d.year = ? AND d.state = 'open' AND "+cond, selArgs...)
	if err != nil {
		return 0, err
	}
	written := 0
	for _, d := range ds {
		f := get(d.org)
		v, reasons := pinggu.ProposeVerdict(*f)
		ft := jsonText(f)
		if ft == d.facts && string(v) == d.proposed {
			continue
		}
		if _, err := c.exec("UPDATE dossiers SET facts = ?, proposed = ?, reasons = ?, assembled_at = ? WHERE id = ?", ft, string(v), jsonText(reasons), now, d.id); err != nil {
			return 0, err
		}
		written++
	}
	return written, nil
}

// dossierLinks lists the records a dossier drew on, for the officer to walk
// back: the orders open at some time of the year (an order carried over
// from last year still counts), and the year's bad records and
// inspections of the enterprise.
func (c *conn) dossierLinks(d *pinggu.Dossier) ([]pinggu.Ref, error) {
	from, to := yearBounds(d.Year)
	var out []pinggu.Ref
	for _, q := range []struct{ kind, sql string }{
		{pinggu.RefOrder, "SELECT id FROM orders WHERE org_id = ? AND (closed_at IS NULL OR closed_at >= ?) AND issued_at < ? ORDER BY id"},
		{pinggu.RefBadRecord, "SELECT id FROM bad_records WHERE org_id = ? AND decided_at >= ? AND decided_at < ? ORDER BY id"},
		{pinggu.RefInspection, "SELECT id FROM inspections WHERE org_id = ? AND inspected_on >= ? AND inspected_on < ? ORDER BY id"},
	} {
		ids, err := queryAll(c, func(sc rowScanner) (int64, error) {
			var id int64
			return id, sc.Scan(&id)
		}, q.sql, d.OrgID, tval(from), tval(to))
		if err != nil {
			return nil, err
		}
		for _, id := range ids {
			out = append(out, pinggu.Ref{Kind: q.kind, ID: id})
		}
	}
	return out, nil
}

// AssembleDossier reassembles an undecided dossier from the record now.
func (db *DB) AssembleDossier(ctx context.Context, id int64) (*pinggu.Dossier, error) {
	var out *pinggu.Dossier
	err := db.inTx(ctx, func(c *conn) error {
		d, err := c.findDossier(id)
		if err != nil {
			return err
		}
		if err := pinggu.Authorize(c.actor, pinggu.ActAnnualDecide, pinggu.Subject{OrgID: d.OrgID, Province: d.Province}); err != nil {
			return err
		}
		if d.State != pinggu.DossierOpen {
			return pinggu.Errorf(pinggu.ECONFLICT, "年检结论已作出，档案不再更新")
		}
		if out, err = c.assembleOne(d); err != nil {
			return err
		}
		return c.audit(change{action: "annual.assemble", objectType: "dossier", objectID: id, detail: fmt.Sprintf("汇集%s %d年度年检档案", d.Licence, d.Year), after: out})
	})
	return out, err
}

// assembleOne reassembles one dossier with its links and reads it back.
func (c *conn) assembleOne(d *pinggu.Dossier) (*pinggu.Dossier, error) {
	if _, err := c.assembleDossiers(d.Year, "d.id = ?", d.ID); err != nil {
		return nil, err
	}
	links, err := c.dossierLinks(d)
	if err != nil {
		return nil, err
	}
	if _, err := c.exec("UPDATE dossiers SET links = ?, assembled_at = ? WHERE id = ?", jsonText(links), tval(c.now), d.ID); err != nil {
		return nil, err
	}
	return c.findDossier(d.ID)
}

// DecideDossier records the bureau's verdict with its reasons and writes it
// back to the licence. The dossier is reassembled first, so the decision
// is against today's record; a verdict other than the proposal, or a change
// of a decision already made, needs a recorded reason.
func (db *DB) DecideDossier(ctx context.Context, id int64, x pinggu.DossierDecision) (*pinggu.Dossier, error) {
	var out *pinggu.Dossier
	err := db.inTx(ctx, func(c *conn) error {
		d, err := c.findDossier(id)
		if err != nil {
			return err
		}
		if err := pinggu.Authorize(c.actor, pinggu.ActAnnualDecide, pinggu.Subject{OrgID: d.OrgID, Province: d.Province}); err != nil {
			return err
		}
		if d.State == pinggu.DossierOpen {
			if d, err = c.assembleOne(d); err != nil {
				return err
			}
		}
		if err := x.Check(d); err != nil {
			return err
		}
		before := *d
		if d.State == pinggu.DossierOpen {
			reason := x.Reason
			if reason == "" {
				reason = strings.Join(d.Reasons, "")
			}
			_, err = c.exec("UPDATE dossiers SET state = ?, verdict = ?, decision_reason = ?, decided_by = ?, decided_at = ? WHERE id = ?",
				string(pinggu.DossierDecided), string(x.Verdict), reason, c.actor.Username, tval(c.now), id)
		} else {
			_, err = c.exec("UPDATE dossiers SET state = ?, verdict = ?, override_reason = ?, decided_by = ?, decided_at = ? WHERE id = ?",
				string(pinggu.DossierOverride), string(x.Verdict), x.Reason, c.actor.Username, tval(c.now), id)
		}
		if err != nil {
			return err
		}
		if _, err := c.exec("UPDATE licences SET annual_year = ?, annual_verdict = ?, updated_at = ? WHERE id = ? AND (annual_year IS NULL OR annual_year <= ?)",
			d.Year, string(x.Verdict), tval(c.now), d.LicenceID, d.Year); err != nil {
			return err
		}
		if out, err = c.findDossier(id); err != nil {
			return err
		}
		if err := c.notify(&pinggu.Notice{Kind: pinggu.NoticeAnnualDecided, Subject: pinggu.Ref{Kind: pinggu.RefDossier, ID: id}, Link: fmt.Sprintf("/annual/dossiers/%d", id),
			OrgID: d.OrgID, Province: d.Province, Title: fmt.Sprintf("%d年度许可证年检结论：%s", d.Year, pinggu.VerdictLabels[x.Verdict].Zh),
			Message: fmt.Sprintf("你单位电信业务经营许可证（%s）%d年度年检结论为“%s”。%s", d.Licence, d.Year, pinggu.VerdictLabels[x.Verdict].Zh,
				strings.TrimSpace(out.DecisionReason+" "+out.OverrideReason)),
			Recipients: []pinggu.Recipient{pinggu.EnterpriseOf(d.OrgID)}}); err != nil {
			return err
		}
		action := "annual.decide"
		if before.State != pinggu.DossierOpen {
			action = "annual.override"
		}
		return c.audit(change{action: action, objectType: "dossier", objectID: id,
			detail: fmt.Sprintf("%s %d年度年检：%s（系统建议%s）%s", d.Licence, d.Year, pinggu.VerdictLabels[x.Verdict].Zh, pinggu.VerdictLabels[d.Proposed].Zh, x.Reason),
			before: before, after: out})
	})
	return out, err
}

// AnnualBoard is the year's inspection board: progress counts and a page of
// dossiers. A bureau sees its province; the ministry a province it names
// or, without one, the national view by province.
func (db *DB) AnnualBoard(ctx context.Context, f pinggu.BoardFilter) (*pinggu.Board, error) {
	c := db.reader(ctx)
	if f.Year == 0 {
		f.Year = c.now.In(pinggu.ChinaTime).Year()
	}
	if j, ok := c.actor.Jurisdiction(); ok && !j.National {
		if f.Province != "" && f.Province != j.Province {
			return nil, notFound("年检看板")
		}
		f.Province = j.Province
	}
	opt := f.ListOptions.Normalize()
	b := &pinggu.Board{Province: f.Province, Year: f.Year, ByVerdict: map[pinggu.Verdict]int{}, Proposed: map[pinggu.Verdict]int{}}
	var base where
	base.scope(c.actor, "d.org_id", "d.province")
	base.add("d.year = ?", f.Year)
	if f.Province != "" {
		base.add("d.province = ?", f.Province)
	}
	// The counters of the annual.dossiers metric give the totals and,
	// nationally, each province's progress.
	counts, err := c.boardCounts(f.Year, f.Province)
	if err != nil {
		return nil, err
	}
	byProvince := map[string]*pinggu.BoardProvinceRow{}
	for _, r := range counts {
		province, state, verdict, n := r.Keys[0], pinggu.DossierState(r.Keys[1]), pinggu.Verdict(r.Keys[2]), int(r.N)
		p := byProvince[province]
		if p == nil {
			p = &pinggu.BoardProvinceRow{Province: province}
			byProvince[province] = p
			b.Provinces = append(b.Provinces, p)
		}
		b.Licences += n
		p.Licences += n
		if state == pinggu.DossierOpen {
			b.Proposed[verdict] += n
			continue
		}
		b.Decided += n
		p.Decided += n
		b.ByVerdict[verdict] += n
		if verdict == pinggu.VerdictFail {
			p.Failed += n
		}
	}
	if f.Province != "" {
		b.Provinces = nil
	}
	w := base
	w.args = append([]any(nil), base.args...)
	if f.State != "" {
		if !f.State.Valid() {
			return nil, invalidField("state", "档案状态“%s”不存在", f.State)
		}
		w.add("d.state = ?", string(f.State))
	}
	if f.Verdict != "" {
		w.add("d.verdict = ?", string(f.Verdict))
	}
	if f.Proposed != "" {
		// An open dossier has no verdict; saying so lets the index page it.
		w.add("d.state = 'open' AND d.verdict = '' AND d.proposed = ?", string(f.Proposed))
	}
	q := strings.TrimSpace(f.Query)
	if q != "" {
		like := "%" + likeEscape(q) + "%"
		w.add("(lower(d.org_name) LIKE ? OR lower(l.number) LIKE ?)", like, like)
	}
	if q == "" {
		// Without a text query the filters are the counters' keys.
		for _, r := range counts {
			state, verdict := pinggu.DossierState(r.Keys[1]), pinggu.Verdict(r.Keys[2])
			open := state == pinggu.DossierOpen
			if (f.State == "" || state == f.State) && (f.Verdict == "" || (!open && verdict == f.Verdict)) && (f.Proposed == "" || (open && verdict == f.Proposed)) {
				b.Total += int(r.N)
			}
		}
		b.Total = min(b.Total, pinggu.TotalCap)
	} else if b.Total, err = c.countCapped(dossierFrom, w, pinggu.TotalCap); err != nil {
		return nil, err
	}
	page := "SELECT " + dossierCols + " FROM " + dossierFrom + w.sql() + " ORDER BY d.id LIMIT ? OFFSET ?"
	if q == "" {
		// The page's IDs first, from the filters' index alone, then their
		// rows: PostgreSQL otherwise walks the primary key testing each
		// dossier, expecting a province's to be spread along it, while
		// they lie together (opened province by province) — 0.7 s for
		// Guangdong's, which come after 85,000 others.
		page = "SELECT " + dossierCols + " FROM " + dossierFrom + " WHERE d.id IN (SELECT d.id FROM dossiers d" + w.sql() + " ORDER BY d.id LIMIT ? OFFSET ?) ORDER BY d.id"
	}
	b.Items, err = queryAll(c, scanDossier, page, append(w.args, opt.Limit, opt.Offset)...)
	return b, err
}

// boardCounts are the dossiers of a year (and a province, if named) in the
// actor's scope by province, state and verdict (for an open dossier, the
// one proposed): summed counters for a bureau or the ministry, counted
// from the records for an enterprise.
func (c *conn) boardCounts(year int, province string) ([]pinggu.StatRow, error) {
	q := pinggu.StatQuery{Metric: pinggu.MetricAnnualDossiers, By: []string{"province", "state", "verdict"}, Eq: map[string]string{"year": strconv.Itoa(year)}}
	if province != "" {
		q.Eq["province"] = province
	}
	p, err := planStat(q)
	if err != nil {
		return nil, err
	}
	switch sc := c.actor.LedgerScope(); sc.Kind {
	case pinggu.ScopeNone:
		return nil, nil
	case pinggu.ScopeOrgs:
		return c.statDirect(p, sc)
	default:
		return c.statCounters(p, sc)
	}
}

// dropLicenceDossiers removes the undecided annual dossiers of a licence
// being deleted (they are assembled from the record and can be again); a
// licence with a decided verdict is kept, as the verdict is a decision.
func (c *conn) dropLicenceDossiers(licenceID int64) error {
	var decided int
	if err := c.queryRow("SELECT count(*) FROM dossiers WHERE licence_id = ? AND state <> 'open'", licenceID).Scan(&decided); err != nil {
		return err
	}
	if decided > 0 {
		return pinggu.Errorf(pinggu.ECONFLICT, "该许可证已有年检结论，不能删除")
	}
	_, err := c.exec("DELETE FROM dossiers WHERE licence_id = ?", licenceID)
	return err
}
