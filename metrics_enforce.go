package pinggu

import "time"

// Metrics of rectification, the register of bad records and patrol's
// warnings: exact counters kept in each change's transaction like the
// ledger's, so that the dashboards and the statistics API read how orders
// escalate, how many entries the register gained and how warnings are
// disposed of without counting those tables per view.
const (
	// MetricOrders counts issued orders (drafts are their bureau's own
	// work) by state, escalation level and the month of issue.
	MetricOrders = "enforce.orders"
	// MetricBadRecords counts register entries by kind, stored state and
	// the month of the decision they record.
	MetricBadRecords = "enforce.bad_records"
	// MetricWarnings counts patrol's early warnings by state, level and
	// the month they were raised.
	MetricWarnings = "patrol.warnings"
)

func init() {
	RegisterMetric(Metric{
		Name: MetricOrders, Label: Label{"整改通知", "Rectification orders"},
		Table: "orders",
		Where: "r.state <> 'draft'",
		Dims: []Dim{{Name: "state", Expr: "r.state"}, {Name: "level", Expr: "r.level"},
			{Name: "month", Expr: "r.issued_at", Bucket: BucketMonth}},
	})
	RegisterMetric(Metric{
		Name: MetricBadRecords, Label: Label{"违法不良记录", "Illegal and bad records"},
		Table: "bad_records",
		Dims: []Dim{{Name: "kind", Expr: "r.kind"}, {Name: "state", Expr: "r.state"},
			{Name: "month", Expr: "r.decided_at", Bucket: BucketMonth}},
	})
	RegisterMetric(Metric{
		Name: MetricWarnings, Label: Label{"巡查预警", "Patrol warnings"},
		Table: "patrol_warnings",
		Dims: []Dim{{Name: "state", Expr: "r.state"}, {Name: "level", Expr: "r.level"},
			{Name: "month", Expr: "r.created_at", Bucket: BucketMonth}},
	})
}

// The dashboard's figures of rectification and patrol, each linking to the
// list filtered as it counts.
func init() {
	DashboardGroupLabels["enforce"] = Label{"整改与执法", "Rectification and enforcement"}
	DashboardGroupLabels["patrol"] = Label{"巡查预警", "Patrol warnings"}
	state := func(metric, s string) func(time.Time) StatQuery {
		return func(time.Time) StatQuery { return StatQuery{Metric: metric, Eq: map[string]string{"state": s}} }
	}
	for _, f := range []FigureDef{
		{Key: "orders_overdue", Label: Label{"逾期未整改通知", "Orders overdue"}, Group: "enforce", Tone: "bad",
			Query: state(MetricOrders, string(OrderOverdue)),
			Href:  func(time.Time) string { return ListHref("/orders", "state", string(OrderOverdue)) }},
		{Key: "orders_answered", Label: Label{"整改答复待核验", "Orders with answers to verify"}, Group: "enforce", Tone: "warn",
			Query: state(MetricOrders, string(OrderAnswered)),
			Href:  func(time.Time) string { return ListHref("/orders", "state", string(OrderAnswered)) }},
		{Key: "bad_records_year", Label: Label{"本年列入不良记录", "Bad records entered this year"}, Group: "enforce",
			Query: func(now time.Time) StatQuery {
				return StatQuery{Metric: MetricBadRecords, Prefix: map[string]string{"month": Year(now) + "-"}}
			},
			Href: func(now time.Time) string {
				y := Year(now)
				return ListHref("/bad-records", "from", y+"-01-01", "to", y+"-12-31")
			}},
		{Key: "warnings_new", Label: Label{"待签收预警", "Warnings to acknowledge"}, Group: "patrol", Tone: "warn",
			Query: state(MetricWarnings, string(WarningNew)),
			Href:  func(time.Time) string { return ListHref("/patrol/warnings", "state", string(WarningNew)) }},
		{Key: "warnings_disposed", Label: Label{"已处置待核验预警", "Warnings disposed, to verify"}, Group: "patrol",
			Query: state(MetricWarnings, string(WarningDisposed)),
			Href:  func(time.Time) string { return ListHref("/patrol/warnings", "state", string(WarningDisposed)) }},
	} {
		RegisterFigure(f)
	}
}
