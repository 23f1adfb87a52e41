package pinggu

import (
	"context"
	"slices"
	"strconv"
	"strings"
	"time"
)

// Metrics of emergency response: incidents declared, each party's
// acknowledgement (its time from notification, whether it came after the
// deadline), acknowledgements still owed by their deadline, and the time
// to containment and to closure. Times are summed in seconds (the store
// writes them beside the step's time), so an average is exact. Every
// figure is keyed by the province that commands the incident ("" for the
// ministry), its level and whether it is a drill, so an exercise never
// mixes with real response times.
const (
	MetricIncidents         = "incident.declared"
	MetricIncidentAcks      = "incident.acknowledged"
	MetricIncidentAcksLate  = "incident.ack_late"
	MetricIncidentAcksOwed  = "incident.ack_owed"
	MetricIncidentContained = "incident.contained"
	MetricIncidentClosed    = "incident.closed"
)

// Values of an incident metric's "drill" dimension.
const (
	IncidentReal     = "real"
	IncidentExercise = "drill"
)

// ProvinceNational is the list filter's value for incidents the ministry
// commands (no province).
const ProvinceNational = "national"

// The incident's own columns, read by a party's row through its incident
// (which never changes province, level or drill after declaration).
const (
	ofIncident    = " FROM incidents i WHERE i.id = r.incident_id)"
	incLevelExpr  = "CAST(r.level AS TEXT)"
	incDrillExpr  = "CASE WHEN r.drill THEN 'drill' ELSE 'real' END"
	partyProvince = "(SELECT i.province" + ofIncident
	partyLevel    = "(SELECT CAST(i.level AS TEXT)" + ofIncident
	partyDrill    = "(SELECT CASE WHEN i.drill THEN 'drill' ELSE 'real' END" + ofIncident
)

func init() {
	incDims := []Dim{{Name: "month", Expr: "r.declared_at", Bucket: BucketMonth}, {Name: "level", Expr: incLevelExpr}, {Name: "drill", Expr: incDrillExpr}}
	// A party is notified when the incident is declared: its month is the
	// incident's.
	partyDims := []Dim{{Name: "month", Expr: "r.notified_at", Bucket: BucketMonth}, {Name: "level", Expr: partyLevel}, {Name: "drill", Expr: partyDrill}}
	// Incidents belong to no organisation's ledger: an enterprise counts
	// none of them, only its own acknowledgements.
	RegisterMetric(Metric{Name: MetricIncidents, Label: Label{"应急事件", "Incidents declared"},
		Table: "incidents", Org: "0", Dims: incDims})
	RegisterMetric(Metric{Name: MetricIncidentAcks, Label: Label{"签收（次）", "Acknowledgements"},
		Table: "incident_parties", Province: partyProvince, Where: "r.ack_seconds IS NOT NULL", Dims: partyDims, Sum: "r.ack_seconds"})
	RegisterMetric(Metric{Name: MetricIncidentAcksLate, Label: Label{"超时签收（次）", "Acknowledged after the deadline"},
		Table: "incident_parties", Province: partyProvince, Where: "r.ack_seconds IS NOT NULL AND r.acknowledged_at > r.ack_due_at", Dims: partyDims, Sum: "r.ack_seconds"})
	RegisterMetric(Metric{Name: MetricIncidentAcksOwed, Label: Label{"待签收（次）", "Acknowledgements owed"},
		Table: "incident_parties", Province: partyProvince, Where: "r.acknowledged_at IS NULL",
		Dims: []Dim{{Name: "due", Expr: "r.ack_due_at", Bucket: BucketDay}, {Name: "level", Expr: partyLevel}, {Name: "drill", Expr: partyDrill}}})
	RegisterMetric(Metric{Name: MetricIncidentContained, Label: Label{"已控制事件", "Incidents contained"},
		Table: "incidents", Org: "0", Where: "r.contain_seconds IS NOT NULL", Dims: incDims, Sum: "r.contain_seconds"})
	RegisterMetric(Metric{Name: MetricIncidentClosed, Label: Label{"已结束事件", "Incidents closed"},
		Table: "incidents", Org: "0", Where: "r.close_seconds IS NOT NULL", Dims: incDims, Sum: "r.close_seconds"})
}

// IncidentColumn is one response-time figure of the incidents' statistics,
// counted for a year (or, for acknowledgements owed, as of now), real
// incidents or drills, narrowed by level or province.
type IncidentColumn struct {
	Key   string
	Label Label
	Tone  string
	// Avg shows the average time in units of Scale seconds.
	Avg   bool
	Scale float64
	// Query is the column's query for a year's months ("2026-"), of real
	// incidents or drills (IncidentReal, IncidentExercise).
	Query func(year, drill string, now time.Time) StatQuery
	// List is the extra filter of the incident list behind the column.
	List []string
}

// IncidentColumns are the response-time figures in the order shown.
var IncidentColumns = []IncidentColumn{
	{Key: "declared", Label: Label{"事件（起）", "Incidents"},
		Query: func(year, drill string, _ time.Time) StatQuery {
			return incidentYearQuery(MetricIncidents, year, drill)
		}},
	{Key: "ack_avg", Label: Label{"平均签收用时（分钟）", "Average time to acknowledge (minutes)"}, Avg: true, Scale: 60,
		Query: func(year, drill string, _ time.Time) StatQuery {
			return incidentYearQuery(MetricIncidentAcks, year, drill)
		}, List: []string{"ack", "acknowledged"}},
	{Key: "ack_late", Label: Label{"超时签收（次）", "Acknowledged late"}, Tone: "warn",
		Query: func(year, drill string, _ time.Time) StatQuery {
			return incidentYearQuery(MetricIncidentAcksLate, year, drill)
		},
		List: []string{"ack", "late"}},
	{Key: "ack_overdue", Label: Label{"逾期未签收（次）", "Not acknowledged, past the deadline"}, Tone: "bad",
		Query: func(_, drill string, now time.Time) StatQuery {
			return StatQuery{Metric: MetricIncidentAcksOwed, Eq: map[string]string{"drill": drill}, Range: &StatRange{Dim: "due", Before: now}}
		}, List: []string{"ack", "overdue"}},
	{Key: "contain_avg", Label: Label{"平均控制用时（小时）", "Average time to contain (hours)"}, Avg: true, Scale: 3600,
		Query: func(year, drill string, _ time.Time) StatQuery {
			return incidentYearQuery(MetricIncidentContained, year, drill)
		},
		List: []string{"contained", "true"}},
	{Key: "close_avg", Label: Label{"平均结束用时（小时）", "Average time to close (hours)"}, Avg: true, Scale: 3600,
		Query: func(year, drill string, _ time.Time) StatQuery {
			return incidentYearQuery(MetricIncidentClosed, year, drill)
		},
		List: []string{"state", string(IncidentClosed)}},
}

func incidentYearQuery(metric, year, drill string) StatQuery {
	q := StatQuery{Metric: metric, Eq: map[string]string{"drill": drill}}
	if year != "" {
		q.Prefix = map[string]string{"month": year + "-"}
	}
	return q
}

// IncidentColumnNamed returns the column of that key.
func IncidentColumnNamed(key string) *IncidentColumn {
	for i := range IncidentColumns {
		if IncidentColumns[i].Key == key {
			return &IncidentColumns[i]
		}
	}
	return nil
}

// incidentListHref is the incident list behind a figure: the year (when
// it counts by year), real incidents or drills, and the narrowing filters.
func incidentListHref(c *IncidentColumn, year, drill string, kv ...string) string {
	d := "none"
	if drill == IncidentExercise {
		d = "only"
	}
	if c.Key == "ack_overdue" {
		year = ""
	}
	args := append([]string{"drill", d, "year", year}, c.List...)
	return ListHref("/incidents", append(args, kv...)...)
}

// provinceFilter is a province as the incident list filters it.
func provinceFilter(p string) string {
	if p == "" {
		return ProvinceNational
	}
	return p
}

// CommandsIncidents reports whether the actor commands incidents (the
// ministry nationally, a bureau in its province) and so reads their
// response-time statistics; a notified party sees only its own part of
// an incident.
func CommandsIncidents(a *Actor) bool {
	_, ok := a.Jurisdiction()
	return ok
}

// IncidentStatsRow is one line of the incidents' statistics: a level, the
// drills, or a commanding province, with a figure per column.
type IncidentStatsRow struct {
	Key   string   `json:"key"`
	Label Label    `json:"label"`
	Cells []Figure `json:"cells"`
}

// IncidentStats are the response-time figures of a year in the actor's
// scope: real incidents by level and in total, the drills apart, and for
// the ministry each commanding province.
type IncidentStats struct {
	Scope    string             `json:"scope"`
	Province string             `json:"province,omitempty"`
	Year     string             `json:"year"`
	AsOf     time.Time          `json:"as_of"`
	Columns  []Label            `json:"columns"`
	Levels   []IncidentStatsRow `json:"levels"`
	Total    IncidentStatsRow   `json:"total"`
	Drills   IncidentStatsRow   `json:"drills"`
	// Provinces are the commanding provinces with any figure ("" the
	// ministry), nationally only.
	Provinces []IncidentStatsRow `json:"provinces,omitempty"`
}

// BuildIncidentStats computes the incidents' response-time figures of a
// year ("2026") for the regulators' scope: national or a bureau's province.
func BuildIncidentStats(ctx context.Context, s StatsService, now time.Time, year string) (*IncidentStats, error) {
	j, ok := ActorFrom(ctx).Jurisdiction()
	if !ok {
		return nil, Errorf(EFORBIDDEN, "无权查看应急处置统计")
	}
	if _, err := strconv.Atoi(year); err != nil || len(year) != 4 {
		return nil, Errorf(EINVALID, "年份“%s”格式应为YYYY", year)
	}
	out := &IncidentStats{Scope: "national", Year: year, AsOf: now}
	if !j.National {
		out.Scope, out.Province = "province", j.Province
	}
	for _, c := range IncidentColumns {
		out.Columns = append(out.Columns, c.Label)
	}
	var own []string
	if out.Province != "" {
		own = []string{"province", out.Province}
	}
	levels := make([]IncidentStatsRow, len(IncidentLevels))
	for i, l := range IncidentLevels {
		levels[i] = IncidentStatsRow{Key: "level-" + strconv.Itoa(int(l)), Label: IncidentLevelLabels[l]}
	}
	out.Total = IncidentStatsRow{Key: "total", Label: Label{"合计", "Total"}}
	out.Drills = IncidentStatsRow{Key: "drills", Label: Label{"应急演练（不计入上列）", "Drills (not counted above)"}}
	byProv := make([][]StatRow, len(IncidentColumns))
	seen := map[string]bool{}
	// cell is column i's figure over rows, its query narrowed by
	// key=value, with the list behind it narrowed by kv.
	cell := func(i int, rows []StatRow, drill, key, value string, kv ...string) Figure {
		c := &IncidentColumns[i]
		q := c.Query(year, drill, now)
		if key != "" {
			q.Eq[key] = value
		}
		return figureOf(c.Key, "incident", c.Label, c.Tone, c.Avg, c.Scale, rows, incidentListHref(c, year, drill, append(slices.Clone(own), kv...)...), q)
	}
	for i, c := range IncidentColumns {
		for _, d := range []string{IncidentReal, IncidentExercise} {
			rows, err := s.Stat(ctx, c.Query(year, d, now))
			if err != nil {
				return nil, err
			}
			if d == IncidentExercise {
				out.Drills.Cells = append(out.Drills.Cells, cell(i, rows, d, "", ""))
			} else {
				out.Total.Cells = append(out.Total.Cells, cell(i, rows, d, "", ""))
			}
		}
		q := c.Query(year, IncidentReal, now)
		q.By = []string{"level"}
		byLevel, err := s.Stat(ctx, q)
		if err != nil {
			return nil, err
		}
		for n, l := range IncidentLevels {
			lv := strconv.Itoa(int(l))
			levels[n].Cells = append(levels[n].Cells, cell(i, keyed(byLevel, lv), IncidentReal, "level", lv, "level", lv))
		}
		if out.Scope != "national" {
			continue
		}
		q.By = []string{"province"}
		if byProv[i], err = s.Stat(ctx, q); err != nil {
			return nil, err
		}
		for _, r := range byProv[i] {
			seen[r.Keys[0]] = true
		}
	}
	out.Levels = levels
	// The commanding provinces with any figure, the ministry first.
	var codes []string
	if seen[""] {
		codes = append(codes, "")
	}
	for _, p := range MainlandProvinces() {
		if seen[p.Code] {
			codes = append(codes, p.Code)
		}
	}
	for _, p := range codes {
		label := Label{"部级指挥", "Commanded by the ministry"}
		if pr, ok := LookupProvince(p); ok {
			label = Label{pr.Name, pr.En}
		}
		row := IncidentStatsRow{Key: "province-" + provinceFilter(p), Label: label}
		for i := range IncidentColumns {
			row.Cells = append(row.Cells, cell(i, keyed(byProv[i], p), IncidentReal, "province", p, "province", provinceFilter(p)))
		}
		out.Provinces = append(out.Provinces, row)
	}
	return out, nil
}

// keyed keeps the rows whose first key is k.
func keyed(rows []StatRow, k string) []StatRow {
	var out []StatRow
	for _, r := range rows {
		if len(r.Keys) > 0 && r.Keys[0] == k {
			out = append(out, r)
		}
	}
	return out
}

// The regulators' dashboards show this year's response times of real
// incidents in their scope and the drills held apart; the ministry's
// ranking adds each province's incidents and late acknowledgements.
func init() {
	DashboardGroupLabels["incident"] = Label{"应急处置（本年）", "Emergency response (this year)"}
	in := func(province string) []string {
		if province == "" {
			return nil
		}
		return []string{"province", province}
	}
	for i := range IncidentColumns {
		c := &IncidentColumns[i]
		RegisterFigure(FigureDef{Key: "incident_" + c.Key, Label: c.Label, Group: "incident", Tone: c.Tone, Avg: c.Avg, Scale: c.Scale, For: CommandsIncidents,
			Query: func(now time.Time) StatQuery { return c.Query(Year(now), IncidentReal, now) },
			HrefIn: func(now time.Time, province string) string {
				return incidentListHref(c, Year(now), IncidentReal, in(province)...)
			}})
	}
	drills := IncidentColumnNamed("declared")
	RegisterFigure(FigureDef{Key: "incident_drills", Label: Label{"应急演练（次）", "Drills"}, Group: "incident", For: CommandsIncidents,
		Query: func(now time.Time) StatQuery { return drills.Query(Year(now), IncidentExercise, now) },
		HrefIn: func(now time.Time, province string) string {
			return incidentListHref(drills, Year(now), IncidentExercise, in(province)...)
		}})
	for _, r := range []struct {
		key   string
		label Label
	}{{"declared", Label{"本年应急事件", "Incidents this year"}}, {"ack_late", Label{"本年超时签收", "Late acknowledgements this year"}}} {
		c, label := IncidentColumnNamed(r.key), r.label
		RegisterRank(RankDef{Key: "incident_" + r.key, Label: label, Tone: c.Tone, For: CommandsIncidents,
			Query: func(now time.Time) StatQuery { return c.Query(Year(now), IncidentReal, now) },
			Href: func(now time.Time, p string) string {
				return incidentListHref(c, Year(now), IncidentReal, "province", p)
			}})
	}
}

// IncidentDuration is one response time as the statistics' medians read
// it: the column it belongs to ("ack_avg", "contain_avg", "close_avg"),
// its incident's commanding province, level and drill mark, in seconds.
type IncidentDuration struct {
	Column   string        `json:"column"`
	Province string        `json:"province"`
	Level    IncidentLevel `json:"level"`
	Drill    bool          `json:"drill"`
	Seconds  int64         `json:"seconds"`
}

// AddMedians sets the median of every average of the statistics from the
// response times of its records (as IncidentDurations gives them).
func (st *IncidentStats) AddMedians(durs []IncidentDuration) {
	rows := append(append([]*IncidentStatsRow{&st.Total, &st.Drills}, pointers(st.Levels)...), pointers(st.Provinces)...)
	for _, r := range rows {
		for i := range r.Cells {
			f := &r.Cells[i]
			c := IncidentColumnNamed(f.Key)
			if c == nil || !c.Avg {
				continue
			}
			var vals []int64
			for _, d := range durs {
				if d.Column == c.Key && r.holds(d) {
					vals = append(vals, d.Seconds)
				}
			}
			f.Median = median(vals, c.Scale)
		}
	}
}

// holds reports whether a response time belongs to the row.
func (r *IncidentStatsRow) holds(d IncidentDuration) bool {
	switch {
	case r.Key == "drills":
		return d.Drill
	case d.Drill:
		return false
	case r.Key == "total":
		return true
	case strings.HasPrefix(r.Key, "level-"):
		return r.Key == "level-"+strconv.Itoa(int(d.Level))
	case strings.HasPrefix(r.Key, "province-"):
		return r.Key == "province-"+provinceFilter(d.Province)
	}
	return false
}

func pointers[T any](s []T) []*T {
	out := make([]*T, len(s))
	for i := range s {
		out[i] = &s[i]
	}
	return out
}

// median is the middle of vals (the mean of the two middle ones for an
// even count) divided by scale, to one decimal; nil for none.
func median(vals []int64, scale float64) *float64 {
	if len(vals) == 0 {
		return nil
	}
	slices.Sort(vals)
	n := len(vals)
	m := float64(vals[n/2])
	if n%2 == 0 {
		m = float64(vals[n/2-1]+vals[n/2]) / 2
	}
	v := float64(int64(m/scale*10+0.5)) / 10
	return &v
}
