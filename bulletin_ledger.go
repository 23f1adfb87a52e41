package pinggu

import "time"

// The bulletin's figures, in the order its table shows them, for the
// period's months: assessments and reviews (the first, the number
// submitted, ranks the provinces), then the rectification orders the
// regulators issued and the incidents they declared (drills are
// exercises, not counted). A province's line counts what its bureau issued
// or commanded; the national figure adds the ministry's own.
func init() {
	in := func(months []string) map[string][]string { return map[string][]string{"month": months} }
	for _, c := range []BulletinColumn{
		{Key: "submitted", Label: Label{"提交评估（项）", "Assessments submitted"},
			Query: func(m []string, _ time.Time) StatQuery { return StatQuery{Metric: MetricAssessSubmitted, In: in(m)} }},
		{Key: "accepted", Label: Label{"审核通过（项）", "Accepted"},
			Query: func(m []string, _ time.Time) StatQuery {
				return StatQuery{Metric: MetricAssessDecided, In: in(m), Eq: map[string]string{"state": string(AssessAccepted)}}
			}},
		{Key: "returned", Label: Label{"退回整改（项）", "Returned"},
			Query: func(m []string, _ time.Time) StatQuery {
				return StatQuery{Metric: MetricAssessDecided, In: in(m), Eq: map[string]string{"state": string(AssessReturned)}}
			}},
		{Key: "score", Label: Label{"平均得分", "Average score"}, Avg: true,
			Query: func(m []string, _ time.Time) StatQuery { return StatQuery{Metric: MetricAssessSubmitted, In: in(m)} }},
		{Key: "late", Label: Label{"逾期提交（项）", "Submitted late"},
			Query: func(m []string, _ time.Time) StatQuery {
				return StatQuery{Metric: MetricAssessSubmitted, In: in(m), Eq: map[string]string{"timely": Late}}
			}},
		{Key: "reviews_overdue", Label: Label{"核查逾期（截至发文）", "Reviews overdue (at drafting)"},
			Query: func(_ []string, now time.Time) StatQuery {
				return StatQuery{Metric: MetricReviewsDue, Range: &StatRange{Dim: "due", Before: now}}
			}},
		{Key: "orders", Label: Label{"整改通知（份）", "Rectification orders issued"},
			Query: func(m []string, _ time.Time) StatQuery { return StatQuery{Metric: MetricOrders, In: in(m)} }},
		{Key: "incidents", Label: Label{"应急事件（起）", "Incidents declared"},
			Query: func(m []string, _ time.Time) StatQuery {
				return StatQuery{Metric: MetricIncidents, In: in(m), Eq: map[string]string{"drill": IncidentReal}}
			}},
	} {
		RegisterBulletinColumn(c)
	}
}
