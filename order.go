package pinggu

import (
	"context"
	"fmt"
	"io"
	"slices"
	"strings"
	"time"
	"unicode/utf8"
)

// OrderState is a rectification order's place in its life. Issued, answered,
// overdue and closed follow from its problems and the clock (OrderStateOf);
// draft and revoked are an officer's acts.
type OrderState string

// Order states.
const (
	OrderDraft    OrderState = "draft"    // 草稿: being prepared, no number yet
	OrderIssued   OrderState = "issued"   // 整改中: issued, problems to answer
	OrderAnswered OrderState = "answered" // 待核验: every open problem has an answer to verify
	OrderOverdue  OrderState = "overdue"  // 已逾期: a deadline passed without an accepted answer
	OrderClosed   OrderState = "closed"   // 已办结: every problem rectified and verified
	OrderRevoked  OrderState = "revoked"  // 已撤销: withdrawn with a reason
)

// OrderStates lists the states in lifecycle order.
var OrderStates = []OrderState{OrderDraft, OrderIssued, OrderAnswered, OrderOverdue, OrderClosed, OrderRevoked}

// Valid reports whether s is an order state.
func (s OrderState) Valid() bool { return slices.Contains(OrderStates, s) }

// Open reports whether an order in s still waits for rectification.
func (s OrderState) Open() bool { return s == OrderIssued || s == OrderAnswered || s == OrderOverdue }

// ProblemState is one problem's place: open, answered (waiting for the
// regulator), accepted, or rejected (waiting for a new answer).
type ProblemState string

// Problem states.
const (
	ProblemOpen     ProblemState = "open"
	ProblemAnswered ProblemState = "answered"
	ProblemAccepted ProblemState = "accepted"
	ProblemRejected ProblemState = "rejected"
)

// ProblemStates lists the states of a problem.
var ProblemStates = []ProblemState{ProblemOpen, ProblemAnswered, ProblemAccepted, ProblemRejected}

// Valid reports whether s is a problem state.
func (s ProblemState) Valid() bool { return slices.Contains(ProblemStates, s) }

// Kinds of record a problem can come from (its Source).
const (
	RefOrder             = "order"
	RefOrderProblem      = "order_problem"
	RefAssessment        = "assessment"
	RefAssessmentFinding = "assessment_finding"
	RefPatrolWarning     = "patrol_warning"
	RefPatrolFinding     = "patrol_finding"
	RefInspection        = "inspection"
	RefInspectionItem    = "inspection_item"
	RefBadRecord         = "bad_record"
	RefEscalation        = "escalation"
	RefDossier           = "dossier"
	RefCampaign          = "campaign"
	RefOrderAnswer       = "order_answer"
)

// FromPatrol reports whether a problem came from patrol, whose verification
// includes fetching the target again.
func (r Ref) FromPatrol() bool { return r.Kind == RefPatrolWarning || r.Kind == RefPatrolFinding }

// Order is a rectification order (整改通知) from a regulator to an
// enterprise about one or more problems.
type Order struct {
	ID        int64  `json:"id"`
	DocNumber string `json:"doc_number,omitempty"` // 粤通管安〔2026〕12号, given on issue
	// Issuer is the issuing regulator: a province's code for its bureau,
	// "" for the ministry.
	Issuer      string     `json:"issuer"`
	IssuerName  string     `json:"issuer_name,omitempty"`
	OrgID       int64      `json:"org_id"` // the enterprise ordered
	OrgName     string     `json:"org_name,omitempty"`
	Province    string     `json:"province"`
	ServiceID   int64      `json:"service_id,omitempty"`
	ServiceName string     `json:"service_name,omitempty"`
	Title       string     `json:"title"`
	Basis       string     `json:"basis"` // legal basis cited in the notice
	State       OrderState `json:"state"`
	// DueAt is the earliest deadline of a problem not yet accepted, with
	// extensions granted; the order's deadline as the lists show it.
	DueAt *time.Time `json:"due_at,omitempty"`
	// RecordAsBad enters the order in the register of bad records as an
	// order to rectify (责令整改) when it is issued.
	RecordAsBad bool `json:"record_as_bad,omitempty"`
	// Level is the highest escalation step decided so far.
	Level EscalationStep `json:"level,omitempty"`
	// FailRecommended is set by the last step of the ladder: the annual
	// licence inspection should fail.
	FailRecommended bool       `json:"fail_recommended,omitempty"`
	Source          Ref        `json:"source,omitempty"` // inspection or assessment it was built from
	RevokeReason    string     `json:"revoke_reason,omitempty"`
	CreatedBy       string     `json:"created_by,omitempty"`
	IssuedAt        *time.Time `json:"issued_at,omitempty"`
	ClosedAt        *time.Time `json:"closed_at,omitempty"`
	CreatedAt       time.Time  `json:"created_at"`
	UpdatedAt       time.Time  `json:"updated_at"`

	Problems    []*OrderProblem `json:"problems,omitempty"`
	Extensions  []*Extension    `json:"extensions,omitempty"`
	Escalations []*Escalation   `json:"escalations,omitempty"`
}

// OrderProblem is one problem of an order with what must be done by when.
type OrderProblem struct {
	ID          int64        `json:"id"`
	OrderID     int64        `json:"order_id"`
	Seq         int          `json:"seq"`
	Source      Ref          `json:"source,omitempty"`
	Description string       `json:"description"`
	Requirement string       `json:"requirement"`
	Severity    string       `json:"severity"`
	DueAt       time.Time    `json:"due_at"`
	State       ProblemState `json:"state"`
	// Filled by the store.
	OrgID    int64          `json:"org_id,omitempty"`
	Province string         `json:"province,omitempty"`
	Answers  []*OrderAnswer `json:"answers,omitempty"`
}

// AnswerVerdict is the regulator's verification of an answer.
type AnswerVerdict string

// Answer verdicts.
const (
	AnswerPending  AnswerVerdict = "pending"
	AnswerAccepted AnswerVerdict = "accepted"
	AnswerRejected AnswerVerdict = "rejected"
)

// OrderAnswer is an enterprise's rectification report on one problem, with
// evidence, and the regulator's verification of it.
type OrderAnswer struct {
	ID         int64            `json:"id"`
	ProblemID  int64            `json:"problem_id"`
	OrderID    int64            `json:"order_id"`
	Report     string           `json:"report"`
	Evidence   []*OrderEvidence `json:"evidence,omitempty"`
	AnsweredBy string           `json:"answered_by"`
	AnsweredAt time.Time        `json:"answered_at"`
	Verdict    AnswerVerdict    `json:"verdict"`
	Reason     string           `json:"reason,omitempty"`
	VerifiedBy string           `json:"verified_by,omitempty"`
	VerifiedAt *time.Time       `json:"verified_at,omitempty"`
	// Recheck is the result of fetching a patrol target again.
	Recheck *RecheckResult `json:"recheck,omitempty"`
	// Filled by the store for scoping.
	OrgID    int64  `json:"org_id,omitempty"`
	Province string `json:"province,omitempty"`
}

// OrderEvidence is a file attached to an answer, kept in the evidence store
// of assessments by its SHA-256.
type OrderEvidence struct {
	ID          int64     `json:"id"`
	AnswerID    int64     `json:"answer_id"`
	Filename    string    `json:"filename"`
	ContentType string    `json:"content_type"`
	Size        int64     `json:"size"`
	SHA256      string    `json:"sha256"`
	UploadedBy  string    `json:"uploaded_by"`
	UploadedAt  time.Time `json:"uploaded_at"`
}

// UploadFile is a file a person sends with a form.
type UploadFile struct {
	Name string
	Data io.Reader
}

// ExtensionState is where a request for more time stands.
type ExtensionState string

// Extension states.
const (
	ExtensionPending ExtensionState = "pending"
	ExtensionGranted ExtensionState = "granted"
	ExtensionRefused ExtensionState = "refused"
)

// Extension is an enterprise's request to move a problem's deadline (or
// every open problem's, ProblemID 0), and the regulator's decision.
type Extension struct {
	ID             int64          `json:"id"`
	OrderID        int64          `json:"order_id"`
	ProblemID      int64          `json:"problem_id,omitempty"`
	Reason         string         `json:"reason"`
	RequestedDue   time.Time      `json:"requested_due"`
	State          ExtensionState `json:"state"`
	DecisionReason string         `json:"decision_reason,omitempty"`
	RequestedBy    string         `json:"requested_by"`
	RequestedAt    time.Time      `json:"requested_at"`
	DecidedBy      string         `json:"decided_by,omitempty"`
	DecidedAt      *time.Time     `json:"decided_at,omitempty"`
	OrgID          int64          `json:"org_id,omitempty"`
	Province       string         `json:"province,omitempty"`
}

// ProblemStatus is what OrderStateOf needs of a problem.
type ProblemStatus struct {
	State ProblemState
	DueAt time.Time // with extensions granted
}

// OrderStateOf derives an issued order's state from its problems at now:
// closed when every problem is accepted; overdue when a problem not
// accepted is past its deadline (the whole last day counts, in China
// Standard Time); answered when every problem not accepted waits for
// verification; issued otherwise. Draft and revoked orders keep their
// state.
func OrderStateOf(current OrderState, problems []ProblemStatus, now time.Time) OrderState {
	if current == OrderDraft || current == OrderRevoked || len(problems) == 0 {
		return current
	}
	accepted, waiting, late := 0, 0, false
	for _, p := range problems {
		switch p.State {
		case ProblemAccepted:
			accepted++
			continue
		case ProblemAnswered:
			waiting++
		}
		if PastDeadline(p.DueAt, now) {
			late = true
		}
	}
	switch {
	case accepted == len(problems):
		return OrderClosed
	case late:
		return OrderOverdue
	case waiting == len(problems)-accepted:
		return OrderAnswered
	}
	return OrderIssued
}

// PastDeadline reports whether a deadline has passed at now: a deadline is
// a day, and the whole of that day in China Standard Time is in time.
func PastDeadline(due, now time.Time) bool {
	d := due.In(ChinaTime)
	end := time.Date(d.Year(), d.Month(), d.Day(), 0, 0, 0, 0, ChinaTime).AddDate(0, 0, 1)
	return !now.Before(end)
}

// DaysOverdue counts the whole days since a deadline passed (0 when it has
// not).
func DaysOverdue(due, now time.Time) int {
	if !PastDeadline(due, now) {
		return 0
	}
	d := due.In(ChinaTime)
	end := time.Date(d.Year(), d.Month(), d.Day(), 0, 0, 0, 0, ChinaTime).AddDate(0, 0, 1)
	return int(now.Sub(end)/(24*time.Hour)) + 1
}

// Validate adds every problem with the order as drafted to v.
func (o *Order) Validate(v *Validation, now time.Time) {
	o.Title = strings.TrimSpace(o.Title)
	o.Basis = strings.TrimSpace(o.Basis)
	if o.OrgID == 0 {
		v.Add(0, "org_id", "请选择整改企业")
	}
	if o.Title == "" {
		v.Add(0, "title", "整改通知标题不能为空")
	} else if utf8.RuneCountInString(o.Title) > 200 {
		v.Add(0, "title", "整改通知标题不得超过200个字符")
	}
	if utf8.RuneCountInString(o.Basis) > 2000 {
		v.Add(0, "basis", "法律依据不得超过2000个字符")
	}
	if len(o.Problems) == 0 {
		v.Add(0, "problems", "至少列明一项问题")
	}
	for i, p := range o.Problems {
		p.Validate(v, fmt.Sprintf("problems[%d]", i), now)
	}
}

// Validate adds every problem with p to v, its fields named under prefix.
func (p *OrderProblem) Validate(v *Validation, prefix string, now time.Time) {
	p.Description = strings.TrimSpace(p.Description)
	p.Requirement = strings.TrimSpace(p.Requirement)
	if p.Description == "" {
		v.Add(0, prefix+".description", "问题描述不能为空")
	} else if utf8.RuneCountInString(p.Description) > 4000 {
		v.Add(0, prefix+".description", "问题描述不得超过4000个字符")
	}
	if p.Requirement == "" {
		v.Add(0, prefix+".requirement", "整改要求不能为空")
	} else if utf8.RuneCountInString(p.Requirement) > 4000 {
		v.Add(0, prefix+".requirement", "整改要求不得超过4000个字符")
	}
	if p.Severity == "" {
		p.Severity = SeverityMedium
	}
	if _, ok := SeverityLabels[p.Severity]; !ok {
		v.Add(0, prefix+".severity", "严重程度“%s”不存在", p.Severity)
	}
	if p.DueAt.IsZero() {
		v.Add(0, prefix+".due_at", "整改期限不能为空")
	} else if PastDeadline(p.DueAt, now) {
		v.Add(0, prefix+".due_at", "整改期限不能早于今日")
	}
}

// IssuerName names a regulator by its jurisdiction: 广东省通信管理局, or
// 工业和信息化部 for "".
func IssuerName(province string) string {
	if p, ok := LookupProvince(province); ok {
		return p.Name + "通信管理局"
	}
	return "工业和信息化部"
}

// DocNumber formats an official document number: prefix〔year〕n号.
func DocNumber(prefix string, year, n int) string {
	return fmt.Sprintf("%s〔%d〕%d号", prefix, year, n)
}

// provinceShort is each province's one-character abbreviation, which
// begins its bureau's document numbers.
var provinceShort = map[string]string{
	"110000": "京", "120000": "津", "130000": "冀", "140000": "晋", "150000": "蒙", "210000": "辽", "220000": "吉",
	"230000": "黑", "310000": "沪", "320000": "苏", "330000": "浙", "340000": "皖", "350000": "闽", "360000": "赣",
	"370000": "鲁", "410000": "豫", "420000": "鄂", "430000": "湘", "440000": "粤", "450000": "桂", "460000": "琼",
	"500000": "渝", "510000": "川", "520000": "贵", "530000": "云", "540000": "藏", "610000": "陕", "620000": "甘",
	"630000": "青", "640000": "宁", "650000": "新", "710000": "台", "810000": "港", "820000": "澳",
}

// DefaultDocPrefix is the document-number prefix of a regulator until it
// sets its own: 粤通管安 for the Guangdong bureau, 工信网安 for the ministry.
func DefaultDocPrefix(province string) string {
	if s, ok := provinceShort[province]; ok {
		return s + "通管安"
	}
	return "工信网安"
}

// CheckDocPrefix validates a prefix a regulator sets.
func CheckDocPrefix(prefix string) error {
	prefix = strings.TrimSpace(prefix)
	n := utf8.RuneCountInString(prefix)
	if n == 0 || n > 20 || strings.ContainsAny(prefix, "〔〕[]0123456789号") {
		return &Error{Code: EINVALID, Message: "文号前缀无效", Fields: []FieldError{{Field: "prefix", Message: "文号前缀须为1至20个字符，不含年份、序号和括号"}}}
	}
	return nil
}

// RecheckState says where the re-fetch verifying an answer about a patrol
// problem stands and what it found.
type RecheckState string

// The states of a re-fetch.
const (
	RecheckPending RecheckState = "pending" // queued on the patrol queue
	RecheckGone    RecheckState = "gone"    // the harmful content is no longer there
	RecheckPresent RecheckState = "present" // the harmful content is still there
	RecheckFailed  RecheckState = "failed"  // the page could not be fetched: it shows nothing either way
)

// RecheckResult is what fetching a patrol target again found, for the
// verification of an answer about it.
type RecheckResult struct {
	Ref   Ref          `json:"ref"` // the warning or finding the problem came from
	State RecheckState `json:"state"`
	// Clean is set when the harmful content is gone: accepting then needs
	// no further reason.
	Clean   bool   `json:"clean"`
	Summary string `json:"summary"`
	URL     string `json:"url,omitempty"`
	// Rules are the detection rules the problem is about; none means any.
	Rules []string `json:"rules,omitempty"`
	RunID int64    `json:"run_id,omitempty"`
	// Snapshot is the page as the re-fetch saw it (kind patrol_snapshot).
	Snapshot    Ref        `json:"snapshot,omitempty"`
	RequestedAt time.Time  `json:"requested_at"`
	CheckedAt   *time.Time `json:"checked_at,omitempty"`
}

// RecheckOutcome judges a re-fetch of a patrol problem's target: gone when
// the page is gone (404, 410, an app taken down) or none of the problem's
// rules hit any more, present when one still does, failed when the page
// could not be fetched, since a failed fetch shows nothing either way.
func RecheckOutcome(o *PatrolObservation, rules []string) RecheckState {
	if o.Gone {
		return RecheckGone
	}
	if o.Unreachable {
		return RecheckFailed
	}
	for _, h := range o.Hits {
		if len(rules) == 0 || slices.Contains(rules, h.Rule) {
			return RecheckPresent
		}
	}
	if len(o.Snapshots) > 0 && o.Snapshots[0].Error != "" {
		return RecheckFailed
	}
	return RecheckGone
}

// OrderFilter selects orders.
type OrderFilter struct {
	OrgID    int64      `json:"org_id,omitempty"`
	Province string     `json:"province,omitempty"`
	State    OrderState `json:"state,omitempty"`
	Level    string     `json:"level,omitempty"` // an escalation step reached
	Query    string     `json:"q,omitempty"`     // document number, title or enterprise
	ListOptions
}

// AnswerInput is an enterprise's answer to one problem.
type AnswerInput struct {
	Report string       `json:"report"`
	Files  []UploadFile `json:"-"` // multipart only
}

// VerifyInput is the regulator's verification of an answer.
type VerifyInput struct {
	Decision AnswerVerdict `json:"decision"` // accepted or rejected
	Reason   string        `json:"reason"`
}

// ExtensionInput requests more time.
type ExtensionInput struct {
	ProblemID    int64     `json:"problem_id,omitempty"`
	Reason       string    `json:"reason"`
	RequestedDue time.Time `json:"requested_due"`
}

// DecisionInput is a regulator's yes or no with its reason.
type DecisionInput struct {
	Grant  bool   `json:"grant"`
	Reason string `json:"reason"`
}

// OrderService keeps rectification orders. Scope: the enterprise's ledger
// scope (its organisation for the enterprise, its province for a bureau).
type OrderService interface {
	// CreateOrder drafts an order; the problems are given whole.
	CreateOrder(ctx context.Context, o *Order) error
	// OrderFromFindings drafts an order from an assessment's findings.
	OrderFromFindings(ctx context.Context, assessmentID int64, due time.Time) (*Order, error)
	FindOrder(ctx context.Context, id int64) (*Order, error)
	ListOrders(ctx context.Context, f OrderFilter) ([]*Order, int, error)
	// IssueOrder gives a draft its document number and sends it.
	IssueOrder(ctx context.Context, id int64) (*Order, error)
	RevokeOrder(ctx context.Context, id int64, reason string) (*Order, error)
	AnswerProblem(ctx context.Context, problemID int64, in AnswerInput) (*OrderAnswer, error)
	VerifyAnswer(ctx context.Context, answerID int64, in VerifyInput) (*OrderAnswer, error)
	// RecheckAnswer fetches a patrol problem's target again for its answer.
	RecheckAnswer(ctx context.Context, answerID int64) (*OrderAnswer, error)
	OpenOrderEvidence(ctx context.Context, id int64) (*OrderEvidence, io.ReadCloser, error)
	RequestExtension(ctx context.Context, orderID int64, in ExtensionInput) (*Extension, error)
	DecideExtension(ctx context.Context, extensionID int64, in DecisionInput) (*Extension, error)
	// DecideEscalation takes or declines the proposed step of an order.
	DecideEscalation(ctx context.Context, escalationID int64, in EscalationDecision) (*Escalation, error)
	// ListEscalations lists the ladder's steps in scope, proposals first.
	ListEscalations(ctx context.Context, state EscalationState, o ListOptions) ([]*Escalation, int, error)
	// DocPrefix and SetDocPrefix read and set the caller's document-number prefix.
	DocPrefix(ctx context.Context) (string, error)
	SetDocPrefix(ctx context.Context, prefix string) error
	// RunDeadlines refreshes overdue orders and proposes escalations (the daily job).
	RunDeadlines(ctx context.Context) (*DeadlineRun, error)
}

// DeadlineRun says what a run of the daily deadline job did.
type DeadlineRun struct {
	Overdue  int `json:"overdue"`  // orders newly overdue
	Proposed int `json:"proposed"` // escalation steps proposed
	Closed   int `json:"closed"`
	Dossiers int `json:"dossiers"` // annual dossiers whose proposal was refreshed
}
