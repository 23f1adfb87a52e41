package store

import (
	"context"
	"fmt"
	"slices"
	"sort"
	"strings"
	"time"

	"github.com/pinggu/pinggu"
)

var (
	_ pinggu.StatsService = (*DB)(nil)
	_ pinggu.StatBatcher  = (*DB)(nil)
)

// syncMetrics brings the counters in line with the registered metrics, in
// the migration's transaction: a new or changed definition gets its
// triggers and is counted from its records once; a metric no longer
// registered loses both.
func (c *conn) syncMetrics(all bool) error {
	type stored struct{ table, digest string }
	have := map[string]stored{}
	rows, err := queryAll(c, func(r rowScanner) ([3]string, error) {
		var x [3]string
		err := r.Scan(&x[0], &x[1], &x[2])
		return x, err
	}, "SELECT name, tbl, digest FROM stat_metrics")
	if err != nil {
		return err
	}
	for _, r := range rows {
		have[r[0]] = stored{r[1], r[2]}
	}
	for name, s := range have {
		if storeMetricNamed(name) == nil {
			if err := c.execAll(c.db.d.dropTriggers(name, s.table)); err != nil {
				return err
			}
			if _, err := c.exec("DELETE FROM stat_counts WHERE metric = ?", name); err != nil {
				return err
			}
			if _, err := c.exec("DELETE FROM stat_metrics WHERE name = ?", name); err != nil {
				return err
			}
		}
	}
	for _, m := range storeMetrics() {
		if s, ok := have[m.Name]; ok && s.digest == m.Digest() && !all {
			continue
		}
		if err := c.rebuildMetric(m); err != nil {
			return err
		}
		c.db.log.Info("metric built", "metric", m.Name)
	}
	return nil
}

// rebuildMetric rewrites a metric's triggers and counters and records its
// definition.
func (c *conn) rebuildMetric(m *pinggu.Metric) error {
	d := c.db.d
	if err := c.execAll(d.dropTriggers(m.Name, m.Table)); err != nil {
		return err
	}
	if err := c.execAll(append(d.createTriggers(m), d.followTriggers(m)...)); err != nil {
		return fmt.Errorf("store: triggers of metric %s: %w", m.Name, err)
	}
	if err := c.rebuildCounters(m); err != nil {
		return err
	}
	if _, err := c.exec("DELETE FROM stat_metrics WHERE name = ?", m.Name); err != nil {
		return err
	}
	_, err := c.exec("INSERT INTO stat_metrics (name, tbl, digest, built_at) VALUES (?, ?, ?, ?)", m.Name, m.Table, m.Digest(), tval(c.now))
	return err
}

// dropMetricTriggers removes every metric's triggers, for a bulk load that
// rebuilds the counters once at its end (rebuildAllMetrics).
func (c *conn) dropMetricTriggers() error {
	for _, m := range storeMetrics() {
		if err := c.execAll(c.db.d.dropTriggers(m.Name, m.Table)); err != nil {
			return err
		}
	}
	return nil
}

// dropMetricTriggersIfAny drops the triggers of the metrics recorded as
// built, before migrations (none on a new database).
func (c *conn) dropMetricTriggersIfAny() error {
	var exists int
	q := "SELECT count(*) FROM sqlite_master WHERE name = 'stat_metrics'"
	if c.db.d.pg() {
		q = "SELECT count(*) FROM information_schema.tables WHERE table_schema = current_schema() AND table_name = 'stat_metrics'"
	}
	if err := c.queryRow(q).Scan(&exists); err != nil || exists == 0 {
		return err
	}
	rows, err := queryAll(c, func(r rowScanner) ([2]string, error) {
		var x [2]string
		err := r.Scan(&x[0], &x[1])
		return x, err
	}, "SELECT name, tbl FROM stat_metrics")
	if err != nil {
		return err
	}
	for _, r := range rows {
		if err := c.execAll(c.db.d.dropTriggers(r[0], r[1])); err != nil {
			return err
		}
	}
	return nil
}

// rebuildAllMetrics recounts every metric and puts its triggers back.
func (c *conn) rebuildAllMetrics() error {
	for _, m := range storeMetrics() {
		if err := c.rebuildMetric(m); err != nil {
			return err
		}
	}
	return nil
}

func (c *conn) execAll(stmts []string) error {
	for _, s := range stmts {
		if _, err := c.q.ExecContext(c.ctx, s); err != nil {
			return err
		}
	}
	return nil
}

// statPlan is a StatQuery checked against its metric.
type statPlan struct {
	m     *pinggu.Metric
	q     pinggu.StatQuery
	by    []int // -1 for province, else the dimension's index
	rng   int   // dimension of q.Range, -1 without one
	empty bool  // the filters exclude every row (a province outside the scope)
}

func planStat(q pinggu.StatQuery) (*statPlan, error) {
	m := pinggu.MetricNamed(q.Metric)
	if m == nil {
		return nil, pinggu.Errorf(pinggu.EINVALID, "统计指标“%s”不存在", q.Metric)
	}
	p := &statPlan{m: m, q: q, rng: -1}
	idx := func(name string) (int, error) {
		if name == "province" {
			return -1, nil
		}
		if i := m.DimIndex(name); i >= 0 {
			return i, nil
		}
		return 0, pinggu.Errorf(pinggu.EINVALID, "统计指标“%s”没有维度“%s”", m.Name, name)
	}
	for _, b := range q.By {
		i, err := idx(b)
		if err != nil {
			return nil, err
		}
		p.by = append(p.by, i)
	}
	for _, mp := range []map[string]string{q.Eq, q.Prefix} {
		for k := range mp {
			if _, err := idx(k); err != nil {
				return nil, err
			}
		}
	}
	for k := range q.In {
		if _, err := idx(k); err != nil {
			return nil, err
		}
	}
	if q.Range != nil {
		i, err := idx(q.Range.Dim)
		if err != nil || i < 0 || m.Dims[i].Bucket != pinggu.BucketDay {
			return nil, pinggu.Errorf(pinggu.EINVALID, "统计指标“%s”的维度“%s”不能按时间区间统计", m.Name, q.Range.Dim)
		}
		p.rng = i
	}
	return p, nil
}

// counterCol is the counters' column of a dimension index.
func counterCol(i int) string {
	if i < 0 {
		return "province"
	}
	return fmt.Sprintf("d%d", i+1)
}

// filters adds the query's equality, membership and prefix conditions,
// on the counters (col) or on the records (expression).
func (p *statPlan) filters(w *where, col func(i int) string) {
	m := p.m
	pos := func(name string) int {
		if name == "province" {
			return -1
		}
		return m.DimIndex(name)
	}
	for _, k := range sortedKeys(p.q.Eq) {
		w.add(col(pos(k))+" = ?", p.q.Eq[k])
	}
	for _, k := range sortedKeys(p.q.In) {
		vals := p.q.In[k]
		if len(vals) == 0 {
			w.add("1 = 0")
			continue
		}
		args := make([]any, len(vals))
		for i, v := range vals {
			args[i] = v
		}
		w.add(col(pos(k))+" IN ("+placeholders(len(vals))+")", args...)
	}
	for _, k := range sortedKeys(p.q.Prefix) {
		w.add(col(pos(k))+" LIKE ?", likeEscape(p.q.Prefix[k])+"%")
	}
}

func sortedKeys[V any](m map[string]V) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// Stat answers a statistics query inside the actor's scope: from the
// counters for the ministry, support institutions and bureaus, from the
// records for an enterprise (its few rows).
func (db *DB) Stat(ctx context.Context, q pinggu.StatQuery) ([]pinggu.StatRow, error) {
	c := db.reader(ctx)
	p, err := planStat(q)
	if err != nil {
		return nil, err
	}
	sc := c.actor.LedgerScope()
	switch sc.Kind {
	case pinggu.ScopeNone:
		return nil, pinggu.Errorf(pinggu.EFORBIDDEN, "无权查看统计")
	case pinggu.ScopeOrgs:
		return c.statDirect(p, sc)
	}
	return c.statCounters(p, sc)
}

// CountDirect answers a query by counting the records, in the actor's
// scope: the check of every figure the counters give.
func (db *DB) CountDirect(ctx context.Context, q pinggu.StatQuery) ([]pinggu.StatRow, error) {
	c := db.reader(ctx)
	p, err := planStat(q)
	if err != nil {
		return nil, err
	}
	sc := c.actor.LedgerScope()
	if sc.Kind == pinggu.ScopeNone {
		return nil, pinggu.Errorf(pinggu.EFORBIDDEN, "无权查看统计")
	}
	return c.statDirect(p, sc)
}

// statCounters sums the counters, with the part-days of a time range
// counted from the records.
func (c *conn) statCounters(p *statPlan, sc pinggu.Scope) ([]pinggu.StatRow, error) {
	q, args := p.countersQuery(c.db.d, sc)
	if q == "" {
		return normaliseStatRows(nil), nil
	}
	out, err := c.scanStatRows(len(p.by), q, args...)
	return normaliseStatRows(out), err
}

// countersQuery is the statement of statCounters, its columns named k0…,
// n and s; "" when the range holds no time at all.
func (p *statPlan) countersQuery(d dialect, sc pinggu.Scope) (string, []any) {
	spans := []counterSpan{{metric: p.m.Name}}
	var partial []timeSpan
	if p.q.Range != nil {
		whole, parts := splitDays(p.q.Range.After, p.q.Range.Before)
		partial, spans = parts, nil
		if !whole.empty {
			spans = p.counterSpans(whole)
		}
	}
	// The spans of counters and the part-days of records are summed in
	// one statement: a dashboard makes a few dozen of these queries, and
	// on a busy server each round trip may wait for a core.
	var parts []string
	var args []any
	for _, span := range spans {
		q, a := p.countersSQL(sc, span)
		parts, args = append(parts, q), append(args, a...)
	}
	for _, span := range partial {
		q, a := p.withSpan(span).directSQL(d, sc)
		parts, args = append(parts, q), append(args, a...)
	}
	switch len(parts) {
	case 0:
		return "", nil
	case 1:
		return parts[0], args
	}
	keys := make([]string, len(p.by))
	for i := range keys {
		keys[i] = fmt.Sprintf("k%d", i)
	}
	q := "SELECT " + strings.Join(append(slices.Clone(keys), "sum(n) AS n", "sum(s) AS s"), ", ") + " FROM (" + strings.Join(parts, " UNION ALL ") + ") u"
	if len(keys) > 0 {
		q += " GROUP BY " + strings.Join(keys, ", ")
	}
	return q, args
}

// StatMany answers each query as Stat would. On PostgreSQL it asks them
// all in one statement: the dashboard asks a few dozen at every view, and
// on a busy server each round trip may wait for a core. SQLite, in the
// process, has no round trips to save, and its one statement took more
// CPU than the queries one by one.
func (db *DB) StatMany(ctx context.Context, qs []pinggu.StatQuery) ([][]pinggu.StatRow, error) {
	if !db.d.pg() {
		out := make([][]pinggu.StatRow, len(qs))
		for i, q := range qs {
			rows, err := db.Stat(ctx, q)
			if err != nil {
				return nil, err
			}
			out[i] = rows
		}
		return out, nil
	}
	c := db.reader(ctx)
	sc := c.actor.LedgerScope()
	if sc.Kind == pinggu.ScopeNone {
		return nil, pinggu.Errorf(pinggu.EFORBIDDEN, "无权查看统计")
	}
	plans := make([]*statPlan, len(qs))
	var parts []string
	var args []any
	for i, q := range qs {
		p, err := planStat(q)
		if err != nil {
			return nil, err
		}
		plans[i] = p
		var sq string
		var a []any
		if sc.Kind == pinggu.ScopeOrgs {
			sq, a = p.directSQL(db.d, sc)
		} else {
			sq, a = p.countersQuery(db.d, sc)
		}
		if sq == "" {
			continue
		}
		cols := []string{fmt.Sprintf("%d AS qi", i)}
		for k := range 1 + pinggu.MaxDims {
			if k < len(p.by) {
				cols = append(cols, fmt.Sprintf("b.k%d AS k%d", k, k))
			} else {
				cols = append(cols, fmt.Sprintf("'' AS k%d", k))
			}
		}
		parts = append(parts, "SELECT "+strings.Join(cols, ", ")+", b.n AS n, b.s AS s FROM ("+sq+") b")
		args = append(args, a...)
	}
	out := make([][]pinggu.StatRow, len(qs))
	if len(parts) > 0 {
		type answer struct {
			qi  int
			row pinggu.StatRow
		}
		rows, err := queryAll(c, func(r rowScanner) (answer, error) {
			var a answer
			var k [1 + pinggu.MaxDims]string
			var n, sum *float64
			if err := r.Scan(&a.qi, &k[0], &k[1], &k[2], &k[3], &n, &sum); err != nil {
				return a, err
			}
			if n != nil {
				a.row.N = int64(*n + 0.5)
			}
			if sum != nil {
				a.row.Sum = *sum
			}
			a.row.Keys = slices.Clone(k[:len(plans[a.qi].by)])
			return a, nil
		}, strings.Join(parts, " UNION ALL "), args...)
		if err != nil {
			return nil, err
		}
		for _, a := range rows {
			out[a.qi] = append(out[a.qi], a.row)
		}
	}
	for i := range out {
		out[i] = normaliseStatRows(out[i])
	}
	return out, nil
}

// countersSQL sums one span of the counters (a whole one without a range),
// its columns named k0…, n and s.
func (p *statPlan) countersSQL(sc pinggu.Scope, span counterSpan) (string, []any) {
	var w where
	w.add("metric = ?", span.metric)
	if sc.Kind == pinggu.ScopeProvince {
		w.add("province = ?", sc.Province)
	}
	p.filters(&w, counterCol)
	if p.q.Range != nil {
		col := counterCol(p.rng)
		if span.lo != "" {
			w.add(col+" >= ?", span.lo)
		}
		if span.hi != "" {
			w.add(col+" < ?", span.hi)
		}
	}
	cols := make([]string, len(p.by))
	sel := make([]string, len(p.by))
	for i, b := range p.by {
		cols[i] = counterCol(b)
		sel[i] = fmt.Sprintf("%s AS k%d", cols[i], i)
	}
	q := "SELECT " + strings.Join(append(sel, "sum(n) AS n", "sum(total) AS s"), ", ") + " FROM stat_counts" + w.sql()
	if len(cols) > 0 {
		q += " GROUP BY " + strings.Join(cols, ", ")
	}
	return q, w.args
}

// statDirect counts the records themselves, in the scope.
func (c *conn) statDirect(p *statPlan, sc pinggu.Scope) ([]pinggu.StatRow, error) {
	q, args := p.directSQL(c.db.d, sc)
	out, err := c.scanStatRows(len(p.by), q, args...)
	return normaliseStatRows(out), err
}

// directSQL counts the records in the scope, its columns named k0…, n
// and s.
func (p *statPlan) directSQL(d dialect, sc pinggu.Scope) (string, []any) {
	m := p.m
	var w where
	if m.Where != "" {
		w.add(m.Where)
	}
	from, fromArgs := m.Table+" r", []any(nil)
	switch sc.Kind {
	case pinggu.ScopeProvince:
		w.add(m.Province+" = ?", sc.Province)
	case pinggu.ScopeOrgs:
		from, fromArgs = orgsFirst(d, m, &w, sc.OrgIDs)
	case pinggu.ScopeNone:
		w.add("1 = 0")
	}
	expr := func(i int) string {
		if i < 0 {
			return m.Province
		}
		return d.bucketExpr(m.Dims[i], "r")
	}
	p.filters(&w, expr)
	if p.q.Range != nil {
		raw := m.Dims[p.rng].Expr
		if t := p.q.Range.After; !t.IsZero() {
			w.add(raw+" >= ?", tval(t))
		}
		if t := p.q.Range.Before; !t.IsZero() {
			w.add(raw+" < ?", tval(t))
		}
	}
	exprs := make([]string, len(p.by))
	groups := make([]string, len(p.by))
	for i, b := range p.by {
		exprs[i] = fmt.Sprintf("coalesce(%s, '') AS k%d", expr(b), i)
		groups[i] = fmt.Sprint(i + 1)
	}
	q := "SELECT " + strings.Join(append(exprs, "count(*) AS n", "coalesce(sum("+sumOf(m, "r")+"), 0) AS s"), ", ") + " FROM " + from + w.sql()
	if len(groups) > 0 {
		q += " GROUP BY " + strings.Join(groups, ", ")
	}
	return q, append(fromArgs, w.args...)
}

func (c *conn) scanStatRows(keys int, q string, args ...any) ([]pinggu.StatRow, error) {
	return queryAll(c, func(r rowScanner) (pinggu.StatRow, error) {
		row := pinggu.StatRow{Keys: make([]string, keys)}
		dst := make([]any, 0, keys+2)
		for i := range row.Keys {
			dst = append(dst, &row.Keys[i])
		}
		var n, sum *float64
		dst = append(dst, &n, &sum)
		err := r.Scan(dst...)
		if n != nil {
			row.N = int64(*n + 0.5)
		}
		if sum != nil {
			row.Sum = *sum
		}
		return row, err
	}, q, args...)
}

// normaliseStatRows drops empty groups (counters decremented to zero) and
// sorts by keys, so the two paths answer alike.
func normaliseStatRows(rows []pinggu.StatRow) []pinggu.StatRow {
	out := rows[:0]
	for _, r := range rows {
		if r.N != 0 {
			r.Sum = float64(int64(r.Sum*1000+0.5)) / 1000
			out = append(out, r)
		}
	}
	sort.Slice(out, func(i, j int) bool { return slices.Compare(out[i].Keys, out[j].Keys) < 0 })
	if out == nil {
		out = []pinggu.StatRow{}
	}
	return out
}

// timeSpan is [lo, hi); a zero bound is open.
type timeSpan struct {
	lo, hi time.Time
	empty  bool
}

// splitDays splits [after, before) into whole days of China Standard Time,
// which the counters answer, and the part-days at its ends, which are
// counted from the records.
func splitDays(after, before time.Time) (whole timeSpan, parts []timeSpan) {
	day := 24 * time.Hour
	if !after.IsZero() && !before.IsZero() {
		if !before.After(after) {
			return timeSpan{empty: true}, nil
		}
		if pinggu.StartOfDay(after).Equal(pinggu.StartOfDay(before)) {
			return timeSpan{empty: true}, []timeSpan{{lo: after, hi: before}}
		}
	}
	whole = timeSpan{lo: after, hi: before}
	if !after.IsZero() {
		if s := pinggu.StartOfDay(after); !s.Equal(after) {
			parts = append(parts, timeSpan{lo: after, hi: s.Add(day)})
			whole.lo = s.Add(day)
		}
	}
	if !before.IsZero() {
		if s := pinggu.StartOfDay(before); !s.Equal(before) {
			parts = append(parts, timeSpan{lo: s, hi: before})
			whole.hi = s
		}
	}
	if !whole.lo.IsZero() && !whole.hi.IsZero() && !whole.hi.After(whole.lo) {
		whole.empty = true
	}
	return whole, parts
}

// withSpan is the plan limited to a part-day of its range.
func (p *statPlan) withSpan(s timeSpan) *statPlan {
	cp := *p
	r := *p.q.Range
	r.After, r.Before = s.lo, s.hi
	cp.q.Range = &r
	return &cp
}

// VerifyStats compares every metric's counters with a count of its records.
func (db *DB) VerifyStats(ctx context.Context) ([]string, error) {
	c := db.reader(ctx)
	if !c.actor.IsSystem() {
		return nil, pinggu.Errorf(pinggu.EFORBIDDEN, "无权校验统计")
	}
	var out []string
	for _, m := range storeMetrics() {
		read := func(q string, args ...any) (map[string]int64, error) {
			rows, err := queryAll(c, func(r rowScanner) ([5]any, error) {
				var k [4]string
				var n, sum float64
				err := r.Scan(&k[0], &k[1], &k[2], &k[3], &n, &sum)
				return [5]any{strings.Join(k[:], "|"), int64(n + 0.5)}, err
			}, q, args...)
			got := map[string]int64{}
			for _, r := range rows {
				if n := r[1].(int64); n != 0 {
					got[r[0].(string)] = n
				}
			}
			return got, err
		}
		counters, err := read("SELECT province, d1, d2, d3, n, total FROM stat_counts WHERE metric = ?", m.Name)
		if err != nil {
			return nil, err
		}
		direct, err := read(db.d.groupSource(m, ""))
		if err != nil {
			return nil, fmt.Errorf("store: verify %s: %w", m.Name, err)
		}
		for _, k := range sortedKeys(direct) {
			if counters[k] != direct[k] {
				out = append(out, fmt.Sprintf("%s [%s]: counters %d, records %d", m.Name, k, counters[k], direct[k]))
			}
		}
		for _, k := range sortedKeys(counters) {
			if _, ok := direct[k]; !ok {
				out = append(out, fmt.Sprintf("%s [%s]: counters %d, records 0", m.Name, k, counters[k]))
			}
		}
	}
	return out, nil
}

// StatsAsOf is when the counters were last rebuilt from the records; the
// triggers keep them current since.
func (db *DB) StatsAsOf(ctx context.Context) (time.Time, error) {
	var t tscan
	err := db.reader(ctx).queryRow("SELECT max(built_at) FROM stat_metrics").Scan(&t)
	return t.T, err
}

// orgsFirst limits a direct count to the records of an enterprise's
// organisations, returning the FROM clause and its arguments. SQLite's
// planner, whose statistics the bulk load samples, can prefer an index on
// a state and a date that runs through the whole country (every launched
// service due this month) to the organisations' own few rows; a CROSS
// JOIN from the organisations' ids makes it look those up first.
// PostgreSQL plans the IN list well.
func orgsFirst(d dialect, m *pinggu.Metric, w *where, orgIDs []int64) (string, []any) {
	ids := slices.Compact(slices.Sorted(slices.Values(orgIDs)))
	args := make([]any, len(ids))
	for i, id := range ids {
		args[i] = id
	}
	if d.pg() || len(ids) == 0 {
		w.add(m.Org+" IN ("+placeholders(len(args))+")", args...)
		return m.Table + " r", nil
	}
	w.add(m.Org + " = o.column1")
	return "(VALUES " + strings.TrimSuffix(strings.Repeat("(?), ", len(ids)), ", ") + ") o CROSS JOIN " + m.Table + " r", args
}
