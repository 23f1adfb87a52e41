package pinggu

import (
	"context"
	"fmt"
	"net/url"
	"slices"
	"strconv"
	"time"
)

// The dashboard is made of figures, monthly series and ranking columns
// that modules register beside their metrics, so a module adds its
// figures without editing this file. Every figure carries the query that
// made it (a test counts each again from the records) and the filtered
// list behind it.

// FigureDef is one figure of the dashboard.
type FigureDef struct {
	Key   string
	Label Label
	// Group places the figure in a section (ledger, assessment, review,
	// people, patrol, enforcement, …), in registration order.
	Group string
	// Tone marks figures that call for action: "warn" or "bad".
	Tone  string
	Query func(now time.Time) StatQuery
	// Avg shows the average of the summed value instead of the count,
	// divided by Scale when set (seconds summed, minutes shown: 60).
	Avg   bool
	Scale float64
	// Href is the list behind the figure, with its filters; HrefIn, when
	// set, is used instead with the dashboard's province ("" national),
	// for lists wider than the figure's scope.
	Href   func(now time.Time) string
	HrefIn func(now time.Time, province string) string
	// For, when set, limits the figure to the actors it accepts.
	For func(a *Actor) bool
}

// SeriesDef is a line of the monthly trend: a metric with a month
// dimension, counted per month.
type SeriesDef struct {
	Key      string
	Label    Label
	Metric   string
	MonthDim string
	Eq       map[string]string
	Href     func(month string) string
}

// RankDef is a column of the provinces' ranking: a figure per province.
type RankDef struct {
	Key   string
	Label Label
	Tone  string
	Query func(now time.Time) StatQuery
	Href  func(now time.Time, province string) string
	// For, when set, limits the column to the actors it accepts.
	For func(a *Actor) bool `json:"-"`
}

var (
	figureDefs []FigureDef
	seriesDefs []SeriesDef
	rankDefs   []RankDef
)

// RegisterFigure adds a module's figure to the dashboard.
func RegisterFigure(f FigureDef) { figureDefs = append(figureDefs, f) }

// RegisterSeries adds a module's line to the monthly trend.
func RegisterSeries(s SeriesDef) { seriesDefs = append(seriesDefs, s) }

// RegisterRank adds a module's column to the provinces' ranking.
func RegisterRank(r RankDef) { rankDefs = append(rankDefs, r) }

// DashboardGroupLabels names the sections of the dashboard.
var DashboardGroupLabels = map[string]Label{}

// Figure is one number of the dashboard and the list behind it.
type Figure struct {
	Key   string `json:"key"`
	Group string `json:"group"`
	Label Label  `json:"label"`
	Tone  string `json:"tone,omitempty"`
	Value int64  `json:"value"`
	// Average marks a figure that shows Avg, the mean of the summed value
	// over Value records (nil when there are none).
	Average bool     `json:"average,omitempty"`
	Avg     *float64 `json:"avg,omitempty"`
	// Median is the middle value of an average's records, in the same
	// unit, where the figure gives one.
	Median *float64  `json:"median,omitempty"`
	Href   string    `json:"href"`
	Query  StatQuery `json:"query"`
}

// Point is one month of a series.
type Point struct {
	Month string `json:"month"`
	N     int64  `json:"n"`
	Href  string `json:"href"`
}

// Series is a line of the monthly trend.
type Series struct {
	Key    string    `json:"key"`
	Label  Label     `json:"label"`
	Points []Point   `json:"points"`
	Query  StatQuery `json:"query"`
}

// RankRow is one province of the ranking.
type RankRow struct {
	Province string   `json:"province"`
	Cells    []Figure `json:"cells"`
}

// Dashboard is everything the dashboard shows for the actor's scope.
type Dashboard struct {
	// Scope is "national", "province" or "organisation".
	Scope    string    `json:"scope"`
	Province string    `json:"province,omitempty"`
	AsOf     time.Time `json:"as_of"`
	Figures  []Figure  `json:"figures"`
	// Categories are the services by category, Statuses by lifecycle state.
	Categories []Figure  `json:"categories"`
	Statuses   []Figure  `json:"statuses"`
	Months     []string  `json:"months"`
	Trend      []Series  `json:"trend"`
	RankBy     []RankDef `json:"-"`
	RankLabels []Label   `json:"rank_labels,omitempty"`
	Ranking    []RankRow `json:"ranking,omitempty"`
}

// BuildDashboard computes the dashboard of the actor in ctx from s, at
// now: national for the ministry and support institutions with the
// provinces ranked, a bureau's province, an enterprise's own records.
func BuildDashboard(ctx context.Context, s StatsService, now time.Time) (*Dashboard, error) {
	a := ActorFrom(ctx)
	sc := a.LedgerScope()
	d := &Dashboard{AsOf: now, Months: LastMonths(now, 12)}
	switch sc.Kind {
	case ScopeAll:
		d.Scope = "national"
	case ScopeProvince:
		d.Scope, d.Province = "province", sc.Province
	case ScopeOrgs:
		d.Scope = "organisation"
	default:
		return nil, Errorf(EFORBIDDEN, "无权查看统计")
	}
	// The figures and ranking columns the actor sees; every query of the
	// dashboard is asked at once: a store that batches them answers in one
	// round trip.
	var figs []FigureDef
	for _, f := range figureDefs {
		if f.For == nil || f.For(a) {
			figs = append(figs, f)
		}
	}
	var qs []StatQuery
	for _, f := range figs {
		qs = append(qs, f.Query(now))
	}
	qs = append(qs, StatQuery{Metric: MetricServices, By: []string{"category"}}, StatQuery{Metric: MetricServices, By: []string{"status"}})
	for _, sd := range seriesDefs {
		qs = append(qs, StatQuery{Metric: sd.Metric, By: []string{sd.MonthDim}, Eq: sd.Eq, In: map[string][]string{sd.MonthDim: d.Months}})
	}
	if d.Scope == "national" {
		for _, rd := range rankDefs {
			if rd.For == nil || rd.For(a) {
				d.RankBy = append(d.RankBy, rd)
			}
		}
		for _, rd := range d.RankBy {
			q := rd.Query(now)
			q.By = append([]string{"province"}, q.By...)
			qs = append(qs, q)
		}
	}
	res, err := statMany(ctx, s, qs)
	if err != nil {
		return nil, err
	}
	next := func() ([]StatRow, StatQuery) {
		rows, q := res[0], qs[0]
		res, qs = res[1:], qs[1:]
		return rows, q
	}
	for _, f := range figs {
		rows, q := next()
		href := ""
		if f.HrefIn != nil {
			href = f.HrefIn(now, d.Province)
		} else {
			href = f.Href(now)
		}
		d.Figures = append(d.Figures, figureOf(f.Key, f.Group, f.Label, f.Tone, f.Avg, f.Scale, rows, href, q))
	}
	byCat, _ := next()
	byStatus, _ := next()
	for _, c := range Categories {
		q := StatQuery{Metric: MetricServices, Eq: map[string]string{"category": string(c)}}
		d.Categories = append(d.Categories, Figure{Key: string(c), Label: CategoryLabels[c], Value: valueOf(byCat, string(c)),
			Href: "/services?category=" + string(c), Query: q})
	}
	for _, st := range ServiceStatuses {
		q := StatQuery{Metric: MetricServices, Eq: map[string]string{"status": string(st)}}
		d.Statuses = append(d.Statuses, Figure{Key: string(st), Label: ServiceStatusLabels[st], Value: valueOf(byStatus, string(st)),
			Href: "/services?status=" + string(st), Query: q})
	}
	for _, sd := range seriesDefs {
		rows, q := next()
		ser := Series{Key: sd.Key, Label: sd.Label, Query: q}
		for _, m := range d.Months {
			ser.Points = append(ser.Points, Point{Month: m, N: valueOf(rows, m), Href: sd.Href(m)})
		}
		d.Trend = append(d.Trend, ser)
	}
	if d.Scope == "national" {
		d.rank(now, res)
	}
	return d, nil
}

// statMany answers qs in order, at once when s batches them.
func statMany(ctx context.Context, s StatsService, qs []StatQuery) ([][]StatRow, error) {
	if b, ok := s.(StatBatcher); ok {
		return b.StatMany(ctx, qs)
	}
	out := make([][]StatRow, len(qs))
	for i, q := range qs {
		rows, err := s.Stat(ctx, q)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", q.Metric, err)
		}
		out[i] = rows
	}
	return out, nil
}

// rank fills the provinces' ranking from the answers to the columns of
// d.RankBy (by province), ordered by the first column.
func (d *Dashboard) rank(now time.Time, cols [][]StatRow) {
	for _, rd := range d.RankBy {
		d.RankLabels = append(d.RankLabels, rd.Label)
	}
	for _, p := range MainlandProvinces() {
		row := RankRow{Province: p.Code}
		for i, rd := range d.RankBy {
			q := rd.Query(now)
			eq := map[string]string{"province": p.Code}
			for k, v := range q.Eq {
				eq[k] = v
			}
			q.Eq = eq
			row.Cells = append(row.Cells, Figure{Key: rd.Key, Label: rd.Label, Tone: rd.Tone, Value: valueOf(cols[i], p.Code),
				Href: rd.Href(now, p.Code), Query: q})
		}
		d.Ranking = append(d.Ranking, row)
	}
	slices.SortStableFunc(d.Ranking, func(a, b RankRow) int {
		if len(a.Cells) == 0 {
			return 0
		}
		return int(b.Cells[0].Value - a.Cells[0].Value)
	})
}

// valueOf is the count of the row whose first key is k.
func valueOf(rows []StatRow, k string) int64 {
	var n int64
	for _, r := range rows {
		if len(r.Keys) > 0 && r.Keys[0] == k {
			n += r.N
		}
	}
	return n
}

// figureOf totals rows into a figure; an average is divided by scale when
// set (a unit of time), to one decimal.
func figureOf(key, group string, label Label, tone string, avg bool, scale float64, rows []StatRow, href string, q StatQuery) Figure {
	f := Figure{Key: key, Group: group, Label: label, Tone: tone, Href: href, Query: q, Average: avg}
	var sum float64
	for _, r := range rows {
		f.Value += r.N
		sum += r.Sum
	}
	if scale == 0 {
		scale = 1
	}
	if avg && f.Value > 0 {
		v := float64(int64(sum/float64(f.Value)/scale*10+0.5)) / 10
		f.Avg = &v
	}
	if f.Value == 0 {
		f.Tone = "" // nothing calls for action
	}
	return f
}

// Year is now's year in China Standard Time, as text.
func Year(now time.Time) string { return strconv.Itoa(now.In(ChinaTime).Year()) }

// ListHref is a list path with its filters, in a stable order.
func ListHref(path string, kv ...string) string {
	v := url.Values{}
	for i := 0; i+1 < len(kv); i += 2 {
		if kv[i+1] != "" {
			v.Set(kv[i], kv[i+1])
		}
	}
	if len(v) == 0 {
		return path
	}
	return path + "?" + v.Encode()
}
