package pinggu

import "time"

// Metrics of training. Attendance rows carry copies of their event's state,
// kind and date (kept by the store in the event's transaction), so each
// counter reads only its own row; organisations trained are the store's
// rows of (event, organisation) with at least one attendee.
const (
	MetricTrainingEvents    = "training.events"
	MetricTrainingAttendees = "training.attendees"
	MetricTrainingOrgs      = "training.orgs"
	MetricTrainingTested    = "training.tested"
)

// Outcomes of a test.
const (
	TestPassed = "pass"
	TestFailed = "fail"
)

const trainingHeldWhere = "r.event_state IN ('held', 'closed')"

func init() {
	RegisterMetric(Metric{
		Name: MetricTrainingEvents, Label: Label{"举办培训", "Training events held"},
		Table: "training_events",
		Where: "r.state IN ('held', 'closed')",
		Dims:  []Dim{{Name: "month", Expr: "r.starts_at", Bucket: BucketMonth}, {Name: "kind", Expr: "r.kind"}},
	})
	RegisterMetric(Metric{
		Name: MetricTrainingAttendees, Label: Label{"参训人次", "Attendees"},
		Table: "training_attendees",
		Where: trainingHeldWhere + " AND r.attended = 1",
		Dims:  []Dim{{Name: "month", Expr: "r.event_at", Bucket: BucketMonth}, {Name: "kind", Expr: "r.event_kind"}},
	})
	RegisterMetric(Metric{
		Name: MetricTrainingOrgs, Label: Label{"参训单位（家次）", "Organisations trained (per event)"},
		Table: "training_orgs",
		Where: trainingHeldWhere,
		Dims:  []Dim{{Name: "month", Expr: "r.event_at", Bucket: BucketMonth}, {Name: "kind", Expr: "r.event_kind"}},
	})
	// Attendees who sat a test, passed or not; the summed value is 100 for
	// a pass, so its average is the pass rate in per cent.
	RegisterMetric(Metric{
		Name: MetricTrainingTested, Label: Label{"参加考试人次", "Attendees tested"},
		Table: "training_attendees",
		Where: trainingHeldWhere + " AND r.attended = 1 AND r.score IS NOT NULL",
		Dims: []Dim{{Name: "month", Expr: "r.event_at", Bucket: BucketMonth},
			{Name: "result", Expr: "CASE WHEN r.passed = 1 THEN 'pass' ELSE 'fail' END"}},
		Sum: "CASE WHEN r.passed = 1 THEN 100 ELSE 0 END",
	})
}

// The dashboard's figures of training, this year in China Standard Time.
func init() {
	DashboardGroupLabels["people"] = Label{"培训与竞赛", "Training and competitions"}
	year := func(now time.Time) map[string]string { return map[string]string{"month": Year(now) + "-"} }
	href := func(now time.Time) string { return ListHref("/training", "state", "held", "year", Year(now)) }
	for _, f := range []FigureDef{
		{Key: "training_events_year", Label: Label{"本年举办培训", "Training events held this year"}, Group: "people",
			Query: func(now time.Time) StatQuery { return StatQuery{Metric: MetricTrainingEvents, Prefix: year(now)} }, Href: href},
		{Key: "training_attendees_year", Label: Label{"本年参训人次", "Attendees this year"}, Group: "people",
			Query: func(now time.Time) StatQuery { return StatQuery{Metric: MetricTrainingAttendees, Prefix: year(now)} }, Href: href},
		{Key: "training_orgs_year", Label: Label{"本年参训单位（家次）", "Organisations trained this year (per event)"}, Group: "people",
			Query: func(now time.Time) StatQuery { return StatQuery{Metric: MetricTrainingOrgs, Prefix: year(now)} }, Href: href},
		{Key: "training_pass_rate_year", Label: Label{"本年考试通过率（%）", "Test pass rate this year (%)"}, Group: "people", Avg: true,
			Query: func(now time.Time) StatQuery { return StatQuery{Metric: MetricTrainingTested, Prefix: year(now)} }, Href: href},
	} {
		RegisterFigure(f)
	}
	RegisterSeries(SeriesDef{Key: "training", Label: Label{"参训人次", "Attendees"}, Metric: MetricTrainingAttendees, MonthDim: "month",
		Href: func(m string) string { return ListHref("/training", "state", "held", "month", m) }})
}
