package pinggu

import (
	"context"
	"slices"
	"time"
)

// BadRecordKind is one of the four kinds of entry the notice names for the
// register of illegal and bad records (违法不良记录).
type BadRecordKind string

// The four kinds.
const (
	BadPenalty   BadRecordKind = "penalty"   // 行政处罚
	BadCriticism BadRecordKind = "criticism" // 通报批评
	BadRectify   BadRecordKind = "rectify"   // 责令整改
	BadInterview BadRecordKind = "interview" // 行政约谈
)

// BadRecordKinds lists the kinds, gravest first.
var BadRecordKinds = []BadRecordKind{BadPenalty, BadCriticism, BadRectify, BadInterview}

// Valid reports whether k is a kind of the register.
func (k BadRecordKind) Valid() bool { return slices.Contains(BadRecordKinds, k) }

// BadRecordValidity is how long an entry of a kind stays in force from its
// decision: three years for a penalty, two for criticism, one for an order
// to rectify or an interview (after which it is kept, marked expired).
func BadRecordValidity(k BadRecordKind, decided time.Time) time.Time {
	years := map[BadRecordKind]int{BadPenalty: 3, BadCriticism: 2, BadRectify: 1, BadInterview: 1}[k]
	return decided.AddDate(max(years, 1), 0, 0)
}

// BadRecordState is where an entry stands.
type BadRecordState string

// Entry states. Expired is not stored: an active entry past its validity
// shows as expired.
const (
	BadActive          BadRecordState = "active"
	BadAppealed        BadRecordState = "appealed"         // 申诉中
	BadRepairRequested BadRecordState = "repair_requested" // 信用修复申请中
	BadRevoked         BadRecordState = "revoked"          // 已撤销
	BadRepaired        BadRecordState = "repaired"         // 已信用修复
	BadExpired         BadRecordState = "expired"          // 已过有效期
)

// BadRecordStates lists the states a filter may name.
var BadRecordStates = []BadRecordState{BadActive, BadAppealed, BadRepairRequested, BadRevoked, BadRepaired, BadExpired}

// Valid reports whether s is an entry state.
func (s BadRecordState) Valid() bool { return slices.Contains(BadRecordStates, s) }

// ShownBadState is the state an entry shows at now.
func ShownBadState(s BadRecordState, validTo, now time.Time) BadRecordState {
	if s == BadActive && !now.Before(validTo) {
		return BadExpired
	}
	return s
}

// InForce reports whether an entry counts against the enterprise at now:
// active (or under appeal or repair request) and within its validity.
func InForce(s BadRecordState, validTo, now time.Time) bool {
	return (s == BadActive || s == BadAppealed || s == BadRepairRequested) && now.Before(validTo)
}

// BadRecord is an entry of the register.
type BadRecord struct {
	ID        int64          `json:"id"`
	Kind      BadRecordKind  `json:"kind"`
	OrgID     int64          `json:"org_id"`
	OrgName   string         `json:"org_name,omitempty"`
	Province  string         `json:"province"`
	Source    Ref            `json:"source"` // the decision it arose from
	DocNumber string         `json:"doc_number,omitempty"`
	Facts     string         `json:"facts"`
	DecidedAt time.Time      `json:"decided_at"`
	ValidFrom time.Time      `json:"valid_from"`
	ValidTo   time.Time      `json:"valid_to"`
	State     BadRecordState `json:"state"`
	// History of appeals, revocation and repair, oldest first.
	Events    []*BadRecordEvent `json:"events,omitempty"`
	CreatedBy string            `json:"created_by,omitempty"`
	CreatedAt time.Time         `json:"created_at"`
	UpdatedAt time.Time         `json:"updated_at"`
}

// BadRecordEvent is one step in an entry's history.
type BadRecordEvent struct {
	Action BadRecordAction `json:"action"`
	Reason string          `json:"reason"`
	By     string          `json:"by"`
	At     time.Time       `json:"at"`
}

// BadRecordFilter searches the register.
type BadRecordFilter struct {
	OrgID    int64          `json:"org_id,omitempty"`
	Province string         `json:"province,omitempty"`
	Kind     BadRecordKind  `json:"kind,omitempty"`
	State    BadRecordState `json:"state,omitempty"`
	From     *time.Time     `json:"from,omitempty"` // decided on or after
	To       *time.Time     `json:"to,omitempty"`   // decided before
	Query    string         `json:"q,omitempty"`    // enterprise name or document number
	ListOptions
}

// BadRecordAction is what a person does to an entry.
type BadRecordAction string

// Actions on an entry.
const (
	BadActAppeal        BadRecordAction = "appeal"
	BadActAppealUphold  BadRecordAction = "appeal_upheld"
	BadActRevoke        BadRecordAction = "revoke"
	BadActRepairRequest BadRecordAction = "repair_request"
	BadActRepairGrant   BadRecordAction = "repair_granted"
	BadActRepairRefuse  BadRecordAction = "repair_refused"
)

// badTransitions says, per action, from which states it moves an entry and
// where to.
var badTransitions = map[BadRecordAction]struct {
	from []BadRecordState
	to   BadRecordState
}{
	BadActAppeal:        {[]BadRecordState{BadActive}, BadAppealed},
	BadActAppealUphold:  {[]BadRecordState{BadAppealed}, BadActive},
	BadActRevoke:        {[]BadRecordState{BadActive, BadAppealed}, BadRevoked},
	BadActRepairRequest: {[]BadRecordState{BadActive}, BadRepairRequested},
	BadActRepairGrant:   {[]BadRecordState{BadRepairRequested}, BadRepaired},
	BadActRepairRefuse:  {[]BadRecordState{BadRepairRequested}, BadActive},
}

// BadRecordTransition says where an action moves an entry from state s, or
// why it cannot.
func BadRecordTransition(s BadRecordState, act BadRecordAction) (BadRecordState, error) {
	t, ok := badTransitions[act]
	if !ok {
		return "", &Error{Code: EINVALID, Message: "操作无效", Fields: []FieldError{{Field: "action", Message: "操作“" + string(act) + "”不存在"}}}
	}
	if !slices.Contains(t.from, s) {
		return "", Errorf(ECONFLICT, "不良记录处于“%s”状态，不能%s", BadRecordStateLabels[s].Zh, BadRecordActionLabels[act].Zh)
	}
	return t.to, nil
}

// BadRecordService keeps the register. Scope: the enterprise's ledger scope,
// so an enterprise sees its own entries only.
type BadRecordService interface {
	CreateBadRecord(ctx context.Context, b *BadRecord) error
	FindBadRecord(ctx context.Context, id int64) (*BadRecord, error)
	ListBadRecords(ctx context.Context, f BadRecordFilter) ([]*BadRecord, int, error)
	// ExportBadRecords returns every entry the filter selects (up to 100,000).
	ExportBadRecords(ctx context.Context, f BadRecordFilter) ([]*BadRecord, error)
	// ActOnBadRecord appeals, revokes or repairs an entry with a reason.
	ActOnBadRecord(ctx context.Context, id int64, act BadRecordAction, reason string) (*BadRecord, error)
}

// EnforcementDataset is enforcement records in bulk, for benchmarks at
// scale: orders with their problems and escalation steps, and register
// entries. The store loads it as the platform, in one transaction.
type EnforcementDataset struct {
	Orders     []*Order
	BadRecords []*BadRecord
}
