package pinggu

import (
	"context"
	"regexp"
	"strings"
	"time"
	"unicode/utf8"
)

// Enterprise reporting of assessment practice (企业安全评估实践情况报送): each
// period (a quarter) a regulated enterprise reports to the bureau of its
// province how it runs the regime inside: its internal assessment rules,
// daily checks, performance appraisal, training, the assessments it did
// and the problems it found and rectified. What pinggu already knows (the
// assessments and rectification orders of the period) is drawn from the
// record, the rest the enterprise fills in. The bureau accepts the report
// or returns it with a reason, and sees who has not reported; the
// ministry sees every province; a group's staff read their subsidiaries'.

// ReportState is a practice report's place in its lifecycle.
type ReportState string

// Report states: draft → submitted → accepted | returned (→ submitted …).
const (
	ReportDraft     ReportState = "draft"
	ReportSubmitted ReportState = "submitted"
	ReportReturned  ReportState = "returned"
	ReportAccepted  ReportState = "accepted"
)

// ReportStates lists the states in lifecycle order.
var ReportStates = []ReportState{ReportDraft, ReportSubmitted, ReportReturned, ReportAccepted}

// ReportStatus is where an enterprise stands for a period in the
// regulator's overview: a draft is not yet reported.
type ReportStatus string

// Overview statuses.
const (
	ReportNotReported ReportStatus = "not_reported" // 未报送 (no report, or a draft)
	ReportIsSubmitted ReportStatus = "submitted"    // 已报送, awaiting review
	ReportIsReturned  ReportStatus = "returned"     // 已退回
	ReportIsAccepted  ReportStatus = "accepted"     // 已通过
)

// ReportStatuses lists the overview statuses in display order.
var ReportStatuses = []ReportStatus{ReportNotReported, ReportIsSubmitted, ReportIsReturned, ReportIsAccepted}

// StatusOf is the overview status of a report in a state ("" for none).
func StatusOf(s ReportState) ReportStatus {
	switch s {
	case ReportSubmitted:
		return ReportIsSubmitted
	case ReportReturned:
		return ReportIsReturned
	case ReportAccepted:
		return ReportIsAccepted
	}
	return ReportNotReported
}

var reportPeriodRE = regexp.MustCompile(`^(\d{4})-?[Qq]([1-4])$`)

// ParseReportPeriod reads a reporting period, a quarter written 2026Q3 or
// 2026-Q3, as the Period 2026-Q3.
func ParseReportPeriod(s string) (Period, error) {
	m := reportPeriodRE.FindStringSubmatch(strings.TrimSpace(s))
	if m == nil {
		return "", &Error{Code: EINVALID, Message: "报送期间有误", Fields: []FieldError{{Field: "period", Message: "报送期间应为季度，如2026Q3"}}}
	}
	return Period(m[1] + "-Q" + m[2]), nil
}

// Bounds is the period's first instant and the first instant after it, in
// China Standard Time.
func (p Period) Bounds() (from, to time.Time, err error) {
	months, err := p.Months()
	if err != nil {
		return time.Time{}, time.Time{}, err
	}
	first, err1 := time.ParseInLocation("2006-01", months[0], ChinaTime)
	last, err2 := time.ParseInLocation("2006-01", months[len(months)-1], ChinaTime)
	if err1 != nil || err2 != nil {
		return time.Time{}, time.Time{}, Errorf(EINVALID, "期间“%s”有误", p)
	}
	return first, last.AddDate(0, 1, 0), nil
}

// PreviousQuarter is the quarter before the one holding now: the period
// an enterprise reports on by default.
func PreviousQuarter(now time.Time) Period {
	return QuarterOf(now.In(ChinaTime).AddDate(0, -3, 0))
}

// ReportFigures are what pinggu knows of an enterprise's period from the
// record: its assessments (submitted in the period; accepted or returned
// at a review in the period, as they stand now) and the rectification
// orders issued to it in the period (open and closed as they stand now).
// They are drawn again at every save until the report is submitted.
type ReportFigures struct {
	AssessmentsSubmitted int `json:"assessments_submitted"`
	AssessmentsAccepted  int `json:"assessments_accepted"`
	AssessmentsReturned  int `json:"assessments_returned"`
	OrdersIssued         int `json:"orders_issued"`
	OrdersOpen           int `json:"orders_open"`
	OrdersClosed         int `json:"orders_closed"`
}

// ReportContent is what the enterprise fills in.
type ReportContent struct {
	// 制度建设: whether an internal assessment system is in place, and the
	// documents that set it up (names and reference numbers).
	SystemInPlace bool   `json:"system_in_place"`
	SystemDocs    string `json:"system_docs"`
	// 日常检查: the daily checks done in the period, and what they found.
	DailyChecks       int    `json:"daily_checks"`
	DailyCheckSummary string `json:"daily_check_summary"`
	// 绩效考核: whether assessment work is in performance appraisal, and how.
	AppraisalInPlace bool   `json:"appraisal_in_place"`
	AppraisalSummary string `json:"appraisal_summary"`
	// 教育培训: training sessions held and their attendees.
	TrainingSessions  int `json:"training_sessions"`
	TrainingAttendees int `json:"training_attendees"`
	// 问题整改: problems the enterprise found itself and rectified, beside
	// the orders the record knows.
	ProblemsFound        int    `json:"problems_found"`
	ProblemsRectified    int    `json:"problems_rectified"`
	RectificationSummary string `json:"rectification_summary"`
	Remarks              string `json:"remarks"`
}

// Check trims the text and validates the content, naming each field.
func (c *ReportContent) Check() error {
	var v Validation
	text := func(field string, s *string, max int) {
		*s = strings.TrimSpace(*s)
		if utf8.RuneCountInString(*s) > max {
			v.Add(0, field, "不得超过%d字", max)
		}
	}
	text("system_docs", &c.SystemDocs, 1000)
	text("daily_check_summary", &c.DailyCheckSummary, 2000)
	text("appraisal_summary", &c.AppraisalSummary, 2000)
	text("rectification_summary", &c.RectificationSummary, 2000)
	text("remarks", &c.Remarks, 2000)
	for _, n := range []struct {
		field string
		v     int
	}{{"daily_checks", c.DailyChecks}, {"training_sessions", c.TrainingSessions}, {"training_attendees", c.TrainingAttendees},
		{"problems_found", c.ProblemsFound}, {"problems_rectified", c.ProblemsRectified}} {
		if n.v < 0 || n.v > 1000000 {
			v.Add(0, n.field, "应为0至1000000之间的整数")
		}
	}
	if c.ProblemsRectified > c.ProblemsFound {
		v.Add(0, "problems_rectified", "已整改问题数不得多于发现问题数")
	}
	return v.Err("报送内容有误")
}

// CheckComplete validates a report before submission: the rules in place
// name their documents, and what was done is described.
func (c *ReportContent) CheckComplete() error {
	if err := c.Check(); err != nil {
		return err
	}
	var v Validation
	if c.SystemInPlace && c.SystemDocs == "" {
		v.Add(0, "system_docs", "已建立评估制度的，须填写制度文件名称及文号")
	}
	if !c.SystemInPlace && c.Remarks == "" {
		v.Add(0, "remarks", "尚未建立评估制度的，须在备注中说明原因及工作计划")
	}
	if c.DailyChecks > 0 && c.DailyCheckSummary == "" {
		v.Add(0, "daily_check_summary", "须简述日常检查情况")
	}
	if c.AppraisalInPlace && c.AppraisalSummary == "" {
		v.Add(0, "appraisal_summary", "须简述绩效考核情况")
	}
	if c.TrainingSessions > 0 && c.TrainingAttendees == 0 {
		v.Add(0, "training_attendees", "开展培训的，须填写参训人次")
	}
	if c.ProblemsFound > 0 && c.RectificationSummary == "" {
		v.Add(0, "rectification_summary", "发现问题的，须说明整改情况")
	}
	return v.Err("报送内容不完整")
}

// PracticeReport is an enterprise's report of a period.
type PracticeReport struct {
	ID       int64       `json:"id"`
	OrgID    int64       `json:"org_id"`
	Period   Period      `json:"period"`
	State    ReportState `json:"state"`
	Province string      `json:"province"`
	ReportFigures
	ReportContent

	// Read-only, filled by the store.
	OrgName      string     `json:"org_name"`
	ParentName   string     `json:"parent_name,omitempty"`
	CreatedBy    string     `json:"created_by"`
	SubmittedBy  string     `json:"submitted_by,omitempty"`
	SubmittedAt  *time.Time `json:"submitted_at,omitempty"`
	ReviewedBy   string     `json:"reviewed_by,omitempty"`
	ReviewedAt   *time.Time `json:"reviewed_at,omitempty"`
	ReviewNote   string     `json:"review_note,omitempty"` // the return's reason or the acceptance's comment
	Resubmission int        `json:"resubmissions"`         // times submitted again after a return
	CreatedAt    time.Time  `json:"created_at"`
	UpdatedAt    time.Time  `json:"updated_at"`
}

// ReportDecision is the bureau's review of a submitted report: accept, or
// return with the reason.
type ReportDecision struct {
	Decision ReportState `json:"decision"` // accepted or returned
	Note     string      `json:"note,omitempty"`
}

// Check validates a decision: a return needs its reason.
func (d *ReportDecision) Check() error {
	var v Validation
	d.Note = strings.TrimSpace(d.Note)
	switch d.Decision {
	case ReportAccepted:
	case ReportReturned:
		if d.Note == "" {
			v.Add(0, "note", "退回须说明理由")
		}
	default:
		v.Add(0, "decision", "审核结论须为通过或退回")
	}
	if utf8.RuneCountInString(d.Note) > 1000 {
		v.Add(0, "note", "不得超过1000字")
	}
	return v.Err("审核意见有误")
}

// PracticeReportFilter selects reports.
type PracticeReportFilter struct {
	Period   string `json:"period,omitempty"`
	Province string `json:"province,omitempty"`
	State    string `json:"state,omitempty"`
	OrgID    int64  `json:"org_id,omitempty"`
	ListOptions
}

// OverviewRow is one enterprise in the overview of a period.
type OverviewRow struct {
	OrgID      int64        `json:"org_id"`
	OrgName    string       `json:"org_name"`
	Kind       OrgKind      `json:"kind"`
	ParentName string       `json:"parent_name,omitempty"`
	Province   string       `json:"province"`
	Status     ReportStatus `json:"status"`
	// ReportID is the report the caller may open, 0 if none.
	ReportID    int64      `json:"report_id,omitempty"`
	SubmittedAt *time.Time `json:"submitted_at,omitempty"`
}

// OverviewCount is the tally of one province (or of all, Province "").
type OverviewCount struct {
	Province    string `json:"province"`
	Enterprises int    `json:"enterprises"`
	NotReported int    `json:"not_reported"`
	Submitted   int    `json:"submitted"`
	Returned    int    `json:"returned"`
	Accepted    int    `json:"accepted"`
}

// Add counts one enterprise of status s.
func (c *OverviewCount) Add(s ReportStatus) {
	c.Enterprises++
	switch s {
	case ReportIsSubmitted:
		c.Submitted++
	case ReportIsReturned:
		c.Returned++
	case ReportIsAccepted:
		c.Accepted++
	default:
		c.NotReported++
	}
}

// ReportOverview is who has reported for a period: every regulated
// enterprise the caller oversees with its status, the tally per province
// and in total.
type ReportOverview struct {
	Period    Period          `json:"period"`
	Province  string          `json:"province,omitempty"`
	Rows      []*OverviewRow  `json:"rows"`
	Provinces []OverviewCount `json:"provinces"`
	Total     OverviewCount   `json:"total"`
}

// ReportOverviewFilter selects the overview: the period, and optionally a
// province and a status.
type ReportOverviewFilter struct {
	Period   string `json:"period"`
	Province string `json:"province,omitempty"`
	Status   string `json:"status,omitempty"`
}

// PracticeReportService keeps the enterprises' practice reports. Every
// method is scoped by the actor in ctx: an enterprise sees its own and its
// subsidiaries' reports (writing only its own), a bureau the reports
// submitted in its province, the ministry every submitted report.
type PracticeReportService interface {
	// CreatePracticeReport opens the draft of an organisation's period
	// (orgID 0: the caller's own), its figures drawn from the record.
	CreatePracticeReport(ctx context.Context, orgID int64, period Period) (*PracticeReport, error)
	FindPracticeReport(ctx context.Context, id int64) (*PracticeReport, error)
	ListPracticeReports(ctx context.Context, f PracticeReportFilter) ([]*PracticeReport, int, error)
	// SavePracticeReport writes the content of a draft or returned report
	// and draws its figures again.
	SavePracticeReport(ctx context.Context, id int64, c ReportContent) (*PracticeReport, error)
	SubmitPracticeReport(ctx context.Context, id int64) (*PracticeReport, error)
	ReviewPracticeReport(ctx context.Context, id int64, d ReportDecision) (*PracticeReport, error)
	ReportOverview(ctx context.Context, f ReportOverviewFilter) (*ReportOverview, error)
}

// ProvinceCode reads a province as an officer writes it on a command
// line: its GB/T 2260 code (440000), the code's first two digits (44), or
// its name.
func ProvinceCode(s string) (string, bool) {
	s = strings.TrimSpace(s)
	if len(s) == 2 {
		s += "0000"
	}
	p, ok := ProvinceByName(s)
	return p.Code, ok
}

// Title names a report: the enterprise, the period and the form, e.g.
// 甲公司2026年第三季度安全评估实践情况报告.
func (r *PracticeReport) Title(lang string) string {
	if lang == "en" {
		return r.OrgName + ", practice report " + r.Period.Label(lang)
	}
	return r.OrgName + r.Period.Label(lang) + "安全评估实践情况报告"
}
