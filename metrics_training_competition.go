package pinggu

import "time"

// Metrics of competitions and selections. Entry rows carry copies of their
// competition's state, kind and registration deadline (kept by the store
// in the competition's transaction), so each counter reads only its own
// row. A competition counts once announced and not cancelled, in the month
// its registration closes; an entry once submitted (and not withdrawn);
// an award once the results are published.
const (
	MetricCompetitions       = "competition.launched"
	MetricCompetitionEntries = "competition.entries"
	MetricCompetitionAwards  = "competition.awards"
)

func init() {
	RegisterMetric(Metric{
		Name: MetricCompetitions, Label: Label{"举办竞赛评选", "Competitions and selections held"},
		Table: "competitions",
		Where: "r.state IN ('open', 'judging', 'decided', 'published')",
		Dims:  []Dim{{Name: "month", Expr: "r.reg_closes", Bucket: BucketMonth}, {Name: "kind", Expr: "r.kind"}},
	})
	RegisterMetric(Metric{
		Name: MetricCompetitionEntries, Label: Label{"参赛（参评）数", "Entries"},
		Table: "competition_entries",
		Where: "r.state = 'submitted' AND r.comp_state <> 'cancelled'",
		Dims:  []Dim{{Name: "month", Expr: "r.comp_at", Bucket: BucketMonth}, {Name: "kind", Expr: "r.comp_kind"}},
	})
	RegisterMetric(Metric{
		Name: MetricCompetitionAwards, Label: Label{"获奖数", "Awards"},
		Table: "competition_entries",
		Where: "r.comp_state = 'published' AND r.award <> ''",
		Dims: []Dim{{Name: "month", Expr: "r.comp_at", Bucket: BucketMonth}, {Name: "kind", Expr: "r.comp_kind"},
			{Name: "award", Expr: "r.award"}},
	})
}

// The dashboard's figures of competitions, this year in China Standard
// Time, beside training's.
func init() {
	year := func(now time.Time) map[string]string { return map[string]string{"month": Year(now) + "-"} }
	href := func(now time.Time) string { return ListHref("/competitions", "year", Year(now)) }
	for _, f := range []FigureDef{
		{Key: "competitions_year", Label: Label{"本年竞赛评选", "Competitions and selections this year"}, Group: "people",
			Query: func(now time.Time) StatQuery { return StatQuery{Metric: MetricCompetitions, Prefix: year(now)} }, Href: href},
		{Key: "competition_entries_year", Label: Label{"本年参赛（参评）数", "Entries this year"}, Group: "people",
			Query: func(now time.Time) StatQuery { return StatQuery{Metric: MetricCompetitionEntries, Prefix: year(now)} }, Href: href},
		{Key: "competition_awards_year", Label: Label{"本年获奖数", "Awards this year"}, Group: "people",
			Query: func(now time.Time) StatQuery { return StatQuery{Metric: MetricCompetitionAwards, Prefix: year(now)} },
			Href:  func(now time.Time) string { return ListHref("/competitions", "state", "published", "year", Year(now)) }},
	} {
		RegisterFigure(f)
	}
}
