package pinggu

// MetricAnnualDossiers counts the annual inspection's dossiers by year,
// state and verdict; an open dossier has no verdict yet (it is given one
// only as it is decided), so its verdict here is the one the system
// proposes. The annual board reads its progress from these counters rather
// than counting a year's hundred thousand dossiers on every view.
const MetricAnnualDossiers = "annual.dossiers"

func init() {
	RegisterMetric(Metric{
		Name: MetricAnnualDossiers, Label: Label{"年检档案", "Annual inspection dossiers"},
		Table: "dossiers",
		Dims: []Dim{{Name: "year", Expr: "CAST(r.year AS TEXT)"}, {Name: "state", Expr: "r.state"},
			{Name: "verdict", Expr: "CASE WHEN r.state = 'open' THEN r.proposed ELSE r.verdict END"}},
	})
}
