package pinggu

// Metrics of the ledger, the assessments and the periodic reviews.
const (
	MetricEnterprises      = "ledger.enterprises"
	MetricServices         = "ledger.services"
	MetricReviewsDue       = "ledger.reviews_due"
	MetricAssessments      = "assessment.all"
	MetricAssessSubmitted  = "assessment.submitted"
	MetricAssessDecided    = "assessment.decided"
	MetricAssessOpenDue    = "assessment.open_due"
	MetricAssessThirdParty = "assessment.third_party"
)

// Timeliness of a submitted assessment against its due date.
const (
	OnTime = "on_time"
	Late   = "late"
)

func init() {
	RegisterMetric(Metric{
		Name: MetricEnterprises, Label: Label{"企业", "Enterprises"},
		Table: "organisations",
		Where: "r.kind IN ('telecom_group', 'telecom_subsidiary', 'vas_enterprise', 'internet_company')",
		Org:   "r.id",
		Dims:  []Dim{{Name: "kind", Expr: "r.kind"}},
	})
	RegisterMetric(Metric{
		Name: MetricServices, Label: Label{"业务", "Services"},
		Table: "services",
		Dims:  []Dim{{Name: "category", Expr: "r.category"}, {Name: "status", Expr: "r.status"}},
	})
	RegisterMetric(Metric{
		Name: MetricReviewsDue, Label: Label{"定期核查到期", "Periodic reviews due"},
		Table: "services",
		Where: "r.status = 'launched' AND r.review_due_at IS NOT NULL",
		Dims:  []Dim{{Name: "due", Expr: "r.review_due_at", Bucket: BucketDay}},
	})
	RegisterMetric(Metric{
		Name: MetricAssessments, Label: Label{"安全评估", "Assessments"},
		Table: "assessments",
		Dims:  []Dim{{Name: "kind", Expr: "r.kind"}, {Name: "state", Expr: "r.state"}},
	})
	// The latest submission of each assessment, by month, whether it came
	// by its due date, and its score for the average.
	RegisterMetric(Metric{
		Name: MetricAssessSubmitted, Label: Label{"提交评估", "Assessments submitted"},
		Table: "assessments",
		Where: "r.submitted_at IS NOT NULL",
		Dims: []Dim{
			{Name: "month", Expr: "r.submitted_at", Bucket: BucketMonth},
			{Name: "timely", Expr: "CASE WHEN r.due_at IS NULL OR r.submitted_at <= r.due_at THEN 'on_time' ELSE 'late' END"},
			{Name: "kind", Expr: "r.kind"},
		},
		Sum: "r.score_value",
	})
	RegisterMetric(Metric{
		Name: MetricAssessDecided, Label: Label{"审核结论", "Review decisions"},
		Table: "assessments",
		Where: "r.state IN ('accepted', 'returned') AND r.reviewed_at IS NOT NULL",
		Dims:  []Dim{{Name: "state", Expr: "r.state"}, {Name: "month", Expr: "r.reviewed_at", Bucket: BucketMonth}},
	})
	// Assessments still to be answered, by due day: those past it are
	// overdue.
	RegisterMetric(Metric{
		Name: MetricAssessOpenDue, Label: Label{"待完成评估", "Open assessments with a due date"},
		Table: "assessments",
		Where: "r.state IN ('draft', 'returned') AND r.due_at IS NOT NULL",
		Dims:  []Dim{{Name: "due", Expr: "r.due_at", Bucket: BucketDay}},
	})
	RegisterMetric(Metric{
		Name: MetricAssessThirdParty, Label: Label{"第三方评估", "Third-party assessments"},
		Table: "assessments",
		Where: "r.kind = 'third_party' AND r.assessor_org_id IS NOT NULL",
		Dims:  []Dim{{Name: "assessor", Expr: "CAST(r.assessor_org_id AS TEXT)"}, {Name: "state", Expr: "r.state"}},
	})
}

// MetricLicences counts licences by the day their validity ends, in their
// organisation's province: those past it are expired, those within
// ExpiringWindow expiring.
const MetricLicences = "ledger.licences"

func init() {
	RegisterMetric(Metric{
		Name: MetricLicences, Label: Label{"经营许可证", "Licences"},
		Table:    "licences",
		Province: "(SELECT o.province FROM organisations o WHERE o.id = r.org_id)",
		Dims:     []Dim{{Name: "ends", Expr: "r.valid_to", Bucket: BucketDay}},
		Follows:  &Follow{Table: "organisations", Column: "province", Match: "r.org_id = f.id"},
	})
}
