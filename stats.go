package pinggu

import (
	"context"
	"fmt"
	"regexp"
	"sort"
	"strings"
	"time"
)

// Statistics are kept exact and cheap to read by one mechanism: every
// module registers the metrics of its records here (a name, a label, the
// table, a filter, up to three dimensions and an optional summed value, all
// as SQL over the record's row, alias r), and the store turns each
// definition into database triggers that keep a grouped count per
// (province, dimensions) in the same transaction as the change, whatever
// code made it. Reading a national figure then sums a few thousand
// counters instead of counting a million rows; an enterprise's figures,
// which cover a handful of its own rows, are counted from the records
// themselves with the same definition.

// Bucket says how a time dimension groups its values.
type Bucket int

// Buckets of a time dimension, in China Standard Time.
const (
	BucketNone  Bucket = iota // the value as it is
	BucketMonth               // "2026-05"
	BucketDay                 // "2026-05-31"
)

// Dim is one dimension of a metric: a SQL expression over the record's row
// (alias r), grouped as it is or, for a time, by month or day.
type Dim struct {
	Name   string
	Expr   string
	Bucket Bucket
}

// MaxDims bounds the dimensions of a metric besides the province, the
// columns of the aggregate table.
const MaxDims = 3

// Metric defines a grouped count of one module's records.
type Metric struct {
	// Name is "module.what", e.g. "assessment.decided".
	Name  string
	Label Label
	// Table is the module's table; Where (optional) selects its rows that
	// count, over alias r.
	Table string
	Where string
	// Province and Org are the record's province and owning organisation
	// (defaults r.province and r.org_id): the province is the first key of
	// every counter, so a bureau reads its own; Org scopes an enterprise's
	// direct count.
	Province string
	Org      string
	Dims     []Dim
	// Sum (optional) is a number summed beside the count, for averages.
	Sum string
	// Follows is set when the province is read from another table (a
	// licence is in its organisation's province): a change of that row's
	// province moves its records' counts.
	Follows *Follow
}

// Follow ties a metric's province to a row of another table.
type Follow struct {
	Table  string // e.g. organisations
	Column string // its column holding the province
	// Match ties a record (alias r) to the changed row (alias f), e.g.
	// "r.org_id = f.id".
	Match string
}

var metricRegistry = map[string]*Metric{}

var (
	metricNameRE = regexp.MustCompile(`^[a-z][a-z0-9_]*\.[a-z][a-z0-9_]*$`)
	sqlIdentRE   = regexp.MustCompile(`^[a-z][a-z0-9_]*$`)
	rowColRE     = regexp.MustCompile(`\br\.([a-z_][a-z0-9_]*)`)
)

// RegisterMetric adds a module's metric; a bad or duplicate definition is a
// programming error found at start-up.
func RegisterMetric(m Metric) {
	if m.Province == "" {
		m.Province = "r.province"
	}
	if m.Org == "" {
		m.Org = "r.org_id"
	}
	switch {
	case !metricNameRE.MatchString(m.Name):
		panic("pinggu: metric name " + m.Name + " is not module.what")
	case metricRegistry[m.Name] != nil:
		panic("pinggu: metric " + m.Name + " registered twice")
	case !sqlIdentRE.MatchString(m.Table):
		panic("pinggu: metric " + m.Name + ": bad table " + m.Table)
	case len(m.Dims) > MaxDims:
		panic(fmt.Sprintf("pinggu: metric %s has %d dimensions, at most %d", m.Name, len(m.Dims), MaxDims))
	}
	for _, d := range m.Dims {
		if !sqlIdentRE.MatchString(d.Name) || d.Name == "province" || d.Expr == "" {
			panic("pinggu: metric " + m.Name + ": bad dimension " + d.Name)
		}
	}
	mm := m
	metricRegistry[m.Name] = &mm
}

// Metrics lists every registered metric by name.
func Metrics() []*Metric {
	out := make([]*Metric, 0, len(metricRegistry))
	for _, m := range metricRegistry {
		out = append(out, m)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out
}

// MetricNamed returns the metric of that name, or nil.
func MetricNamed(name string) *Metric { return metricRegistry[name] }

// DimIndex returns the position of a dimension (0-based), or -1; the
// province is not a numbered dimension.
func (m *Metric) DimIndex(name string) int {
	for i, d := range m.Dims {
		if d.Name == name {
			return i
		}
	}
	return -1
}

// Columns lists the record's columns the definition reads, so a change to
// other columns leaves the counters alone.
func (m *Metric) Columns() []string {
	seen := map[string]bool{}
	var out []string
	exprs := []string{m.Where, m.Province, m.Org, m.Sum}
	for _, d := range m.Dims {
		exprs = append(exprs, d.Expr)
	}
	for _, e := range exprs {
		for _, mt := range rowColRE.FindAllStringSubmatch(e, -1) {
			if !seen[mt[1]] {
				seen[mt[1]] = true
				out = append(out, mt[1])
			}
		}
	}
	sort.Strings(out)
	return out
}

// Digest identifies the definition: the store rebuilds a metric's counters
// and triggers when it changes.
func (m *Metric) Digest() string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s|%s|%s|%s|%s|%s", m.Table, m.Where, m.Province, m.Org, m.Sum, "v2")
	if f := m.Follows; f != nil {
		fmt.Fprintf(&b, "|follows %s.%s on %s", f.Table, f.Column, f.Match)
	}
	for _, d := range m.Dims {
		fmt.Fprintf(&b, "|%s=%s/%d", d.Name, d.Expr, d.Bucket)
	}
	return b.String()
}

// StatRange bounds a time dimension exactly: After ≤ value < Before (either
// may be zero). Whole days come from the counters, the part-days at each
// end are counted from the records.
type StatRange struct {
	Dim    string
	After  time.Time
	Before time.Time
}

// StatQuery asks for one metric's counts, grouped by some of its
// dimensions (and "province"), filtered by values of others.
type StatQuery struct {
	Metric string
	By     []string
	// Eq keeps rows whose dimension (or "province") has the value; In keeps
	// those whose dimension has one of the values.
	Eq    map[string]string
	In    map[string][]string
	Range *StatRange
	// Prefix keeps rows whose bucketed dimension starts with the value
	// ("2026-" for a year of months).
	Prefix map[string]string
}

// StatRow is one group of a StatQuery's answer: the values of the By
// dimensions in order, the count and the sum.
type StatRow struct {
	Keys []string `json:"keys"`
	N    int64    `json:"n"`
	Sum  float64  `json:"sum,omitempty"`
}

// Total adds up the counts of rows.
func Total(rows []StatRow) int64 {
	var n int64
	for _, r := range rows {
		n += r.N
	}
	return n
}

// StatsService answers statistics inside the actor's scope: the ministry
// and support institutions nationally, a bureau its province, an
// enterprise its own organisations.
type StatsService interface {
	Stat(ctx context.Context, q StatQuery) ([]StatRow, error)
	// CountDirect answers the same query by counting the records
	// themselves, for verification (and the enterprise path).
	CountDirect(ctx context.Context, q StatQuery) ([]StatRow, error)
	// VerifyStats compares every metric's counters with a count of its
	// records and names each difference (platform only).
	VerifyStats(ctx context.Context) ([]string, error)
}

// StatBatcher is a StatsService that answers many queries at once, in
// one round trip to its database, each as Stat would.
type StatBatcher interface {
	StatMany(ctx context.Context, qs []StatQuery) ([][]StatRow, error)
}

// MonthOf is the month ("2026-05") of t in China Standard Time.
func MonthOf(t time.Time) string { return t.In(ChinaTime).Format("2006-01") }

// DayOf is the day ("2026-05-31") of t in China Standard Time.
func DayOf(t time.Time) string { return t.In(ChinaTime).Format("2006-01-02") }

// StartOfDay is the start of t's day in China Standard Time.
func StartOfDay(t time.Time) time.Time {
	c := t.In(ChinaTime)
	return time.Date(c.Year(), c.Month(), c.Day(), 0, 0, 0, 0, ChinaTime)
}

// LastMonths lists the n months up to and including now's, oldest first.
func LastMonths(now time.Time, n int) []string {
	c := now.In(ChinaTime)
	first := time.Date(c.Year(), c.Month(), 1, 0, 0, 0, 0, ChinaTime)
	out := make([]string, n)
	for i := range n {
		out[i] = first.AddDate(0, i-n+1, 0).Format("2006-01")
	}
	return out
}

// MonthBounds is the first instant of month ("2026-05") and of the next, in
// China Standard Time.
func MonthBounds(month string) (time.Time, time.Time, error) {
	t, err := time.ParseInLocation("2006-01", month, ChinaTime)
	if err != nil {
		return time.Time{}, time.Time{}, Errorf(EINVALID, "月份“%s”格式应为YYYY-MM", month)
	}
	return t, t.AddDate(0, 1, 0), nil
}
