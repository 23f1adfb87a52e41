package pinggu

import "time"

// The dashboard's figures of the ledger, the assessments and the periodic
// reviews.
func init() {
	DashboardGroupLabels["ledger"] = Label{"台账", "Ledger"}
	DashboardGroupLabels["assessment"] = Label{"安全评估", "Assessments"}
	DashboardGroupLabels["review"] = Label{"定期核查与许可", "Reviews and licences"}
	year := func(now time.Time) map[string]string { return map[string]string{"month": Year(now) + "-"} }
	fixed := func(href string) func(time.Time) string { return func(time.Time) string { return href } }
	for _, f := range []FigureDef{
		{Key: "enterprises", Label: Label{"企业", "Enterprises"}, Group: "ledger",
			Query: func(time.Time) StatQuery { return StatQuery{Metric: MetricEnterprises} },
			Href:  fixed("/organisations?enterprise=1")},
		{Key: "services", Label: Label{"登记业务", "Services registered"}, Group: "ledger",
			Query: func(time.Time) StatQuery { return StatQuery{Metric: MetricServices} }, Href: fixed("/services")},
		{Key: "services_launched", Label: Label{"已上线业务", "Services launched"}, Group: "ledger",
			Query: func(time.Time) StatQuery {
				return StatQuery{Metric: MetricServices, Eq: map[string]string{"status": string(StatusLaunched)}}
			}, Href: fixed("/services?status=launched")},
		{Key: "assess_submitted", Label: Label{"待审核评估", "Awaiting review"}, Group: "assessment", Tone: "warn",
			Query: func(time.Time) StatQuery {
				return StatQuery{Metric: MetricAssessments, Eq: map[string]string{"state": string(AssessSubmitted)}}
			}, Href: fixed("/assessments?state=submitted")},
		{Key: "assess_under_review", Label: Label{"审核中评估", "Under review"}, Group: "assessment",
			Query: func(time.Time) StatQuery {
				return StatQuery{Metric: MetricAssessments, Eq: map[string]string{"state": string(AssessUnderReview)}}
			}, Href: fixed("/assessments?state=under_review")},
		{Key: "assess_accepted_year", Label: Label{"本年审核通过", "Accepted this year"}, Group: "assessment",
			Query: func(now time.Time) StatQuery {
				return StatQuery{Metric: MetricAssessDecided, Eq: map[string]string{"state": string(AssessAccepted)}, Prefix: year(now)}
			}, Href: func(now time.Time) string {
				return ListHref("/assessments", "state", "accepted", "reviewed", Year(now))
			}},
		{Key: "assess_returned_year", Label: Label{"本年退回待改", "Returned this year"}, Group: "assessment", Tone: "warn",
			Query: func(now time.Time) StatQuery {
				return StatQuery{Metric: MetricAssessDecided, Eq: map[string]string{"state": string(AssessReturned)}, Prefix: year(now)}
			}, Href: func(now time.Time) string {
				return ListHref("/assessments", "state", "returned", "reviewed", Year(now))
			}},
		{Key: "assess_score_year", Label: Label{"本年提交平均得分", "Average score this year"}, Group: "assessment", Avg: true,
			Query: func(now time.Time) StatQuery { return StatQuery{Metric: MetricAssessSubmitted, Prefix: year(now)} },
			Href:  func(now time.Time) string { return ListHref("/assessments", "submitted", Year(now)) }},
		{Key: "assess_late_year", Label: Label{"本年逾期提交", "Submitted late this year"}, Group: "assessment", Tone: "warn",
			Query: func(now time.Time) StatQuery {
				return StatQuery{Metric: MetricAssessSubmitted, Prefix: year(now), Eq: map[string]string{"timely": Late}}
			}, Href: func(now time.Time) string { return ListHref("/assessments", "submitted", Year(now), "timely", Late) }},
		{Key: "assess_overdue", Label: Label{"逾期未完成评估", "Open past due date"}, Group: "assessment", Tone: "bad",
			Query: func(now time.Time) StatQuery {
				return StatQuery{Metric: MetricAssessOpenDue, Range: &StatRange{Dim: "due", Before: now}}
			}, Href: fixed("/assessments?overdue=1")},
		{Key: "reviews_overdue", Label: Label{"定期核查逾期", "Reviews overdue"}, Group: "review", Tone: "bad",
			Query: func(now time.Time) StatQuery {
				return StatQuery{Metric: MetricReviewsDue, Range: &StatRange{Dim: "due", Before: now}}
			}, Href: fixed("/reviews?status=overdue")},
		{Key: "reviews_due_soon", Label: Label{"30日内到期核查", "Reviews due within 30 days"}, Group: "review", Tone: "warn",
			Query: func(now time.Time) StatQuery {
				return StatQuery{Metric: MetricReviewsDue, Range: &StatRange{Dim: "due", After: now, Before: now.Add(ReviewDueSoonWindow + time.Microsecond)}}
			}, Href: fixed("/reviews?status=due_soon")},
		{Key: "licences_expiring", Label: Label{"即将到期许可证", "Licences expiring"}, Group: "review", Tone: "warn",
			Query: func(now time.Time) StatQuery {
				return StatQuery{Metric: MetricLicences, Range: &StatRange{Dim: "ends", After: now.Add(-24*time.Hour + time.Microsecond), Before: now.Add(ExpiringWindow + time.Microsecond)}}
			}, Href: fixed("/licences?state=expiring")},
		{Key: "licences_expired", Label: Label{"已过期许可证", "Licences expired"}, Group: "review", Tone: "bad",
			Query: func(now time.Time) StatQuery {
				return StatQuery{Metric: MetricLicences, Range: &StatRange{Dim: "ends", Before: now.Add(-24*time.Hour + time.Microsecond)}}
			}, Href: fixed("/licences?state=expired")},
	} {
		RegisterFigure(f)
	}
	RegisterSeries(SeriesDef{Key: "submitted", Label: Label{"提交评估", "Submitted"}, Metric: MetricAssessSubmitted, MonthDim: "month",
		Href: func(m string) string { return ListHref("/assessments", "submitted", m) }})
	RegisterSeries(SeriesDef{Key: "accepted", Label: Label{"审核通过", "Accepted"}, Metric: MetricAssessDecided, MonthDim: "month",
		Eq: map[string]string{"state": string(AssessAccepted)}, Href: func(m string) string { return ListHref("/assessments", "state", "accepted", "reviewed", m) }})
	RegisterSeries(SeriesDef{Key: "returned", Label: Label{"退回", "Returned"}, Metric: MetricAssessDecided, MonthDim: "month",
		Eq: map[string]string{"state": string(AssessReturned)}, Href: func(m string) string { return ListHref("/assessments", "state", "returned", "reviewed", m) }})
	for _, r := range []RankDef{
		{Key: "launched", Label: Label{"已上线业务", "Launched"},
			Query: func(time.Time) StatQuery {
				return StatQuery{Metric: MetricServices, Eq: map[string]string{"status": string(StatusLaunched)}}
			}, Href: func(_ time.Time, p string) string { return ListHref("/services", "status", "launched", "province", p) }},
		{Key: "accepted", Label: Label{"本年通过", "Accepted this year"},
			Query: func(now time.Time) StatQuery {
				return StatQuery{Metric: MetricAssessDecided, Eq: map[string]string{"state": string(AssessAccepted)}, Prefix: year(now)}
			}, Href: func(now time.Time, p string) string {
				return ListHref("/assessments", "state", "accepted", "reviewed", Year(now), "province", p)
			}},
		{Key: "returned", Label: Label{"本年退回", "Returned this year"}, Tone: "warn",
			Query: func(now time.Time) StatQuery {
				return StatQuery{Metric: MetricAssessDecided, Eq: map[string]string{"state": string(AssessReturned)}, Prefix: year(now)}
			}, Href: func(now time.Time, p string) string {
				return ListHref("/assessments", "state", "returned", "reviewed", Year(now), "province", p)
			}},
		{Key: "reviews_overdue", Label: Label{"核查逾期", "Reviews overdue"}, Tone: "bad",
			Query: func(now time.Time) StatQuery {
				return StatQuery{Metric: MetricReviewsDue, Range: &StatRange{Dim: "due", Before: now}}
			}, Href: func(_ time.Time, p string) string { return ListHref("/reviews", "status", "overdue", "province", p) }},
	} {
		RegisterRank(r)
	}
}
