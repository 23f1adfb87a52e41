package pinggu

import (
	"fmt"
	"slices"
	"strings"
	"time"
)

// EscalationStep is a rung of the escalation ladder.
type EscalationStep string

// The ladder, in order: a reminder (催办), an administrative interview
// (行政约谈), circulated criticism (通报批评), an administrative penalty
// (行政处罚), and a recommendation that the annual licence inspection fail.
const (
	StepReminder   EscalationStep = "reminder"
	StepInterview  EscalationStep = "interview"
	StepCriticism  EscalationStep = "criticism"
	StepPenalty    EscalationStep = "penalty"
	StepFailAnnual EscalationStep = "fail_annual"
)

// Ladder lists the steps from the mildest.
var Ladder = []EscalationStep{StepReminder, StepInterview, StepCriticism, StepPenalty, StepFailAnnual}

// Valid reports whether s is a step of the ladder.
func (s EscalationStep) Valid() bool { return slices.Contains(Ladder, s) }

// Rank is the step's place on the ladder, 1 for the reminder; 0 for none.
func (s EscalationStep) Rank() int { return slices.Index(Ladder, s) + 1 }

// LadderWait is how long after the previous step (or the deadline, for the
// reminder) the next step may be proposed, when the enterprise is
// answering but has not finished. Refusal halves it (see NextEscalation).
var LadderWait = map[EscalationStep]int{
	StepReminder:   1,
	StepInterview:  7,
	StepCriticism:  15,
	StepPenalty:    30,
	StepFailAnnual: 30,
}

// EscalationState is where a step stands: proposed by the system, taken
// by an officer, or declined by an officer with a reason.
type EscalationState string

// Escalation states.
const (
	EscalationProposed EscalationState = "proposed"
	EscalationTaken    EscalationState = "taken"
	EscalationDeclined EscalationState = "declined"
)

// LadderInput is what the ladder looks at. Everything in it is read from
// the order and its history; nothing is decided here but the proposal.
type LadderInput struct {
	State OrderState
	// DueAt is the earliest deadline (with extensions) of a problem not yet
	// accepted.
	DueAt time.Time
	Now   time.Time
	// Taken is the highest step an officer has taken; "" for none.
	Taken EscalationStep
	// LastDecisionAt is when an officer last took or declined a step; the
	// wait for the next one counts from it.
	LastDecisionAt *time.Time
	// Pending is set while a proposal waits for an officer.
	Pending bool
	// Open counts problems not yet accepted; Unanswered those of them never
	// answered at all; Rejections the answers rejected so far.
	Open, Unanswered, Rejections int
	// HighSeverity counts open problems of high severity.
	HighSeverity int
}

// Proposal is a step the system proposes to an officer, with its reasons.
type Proposal struct {
	Step    EscalationStep `json:"step"`
	Reasons []string       `json:"reasons"`
}

// NextEscalation is the escalation ladder. It proposes, and never takes, the
// next step for an order whose deadline has passed without every problem
// accepted:
//
//   - nothing while the order is not overdue, while a proposal waits for
//     an officer, or once the last step (recommending that the annual
//     inspection fail) has been taken;
//   - the next step is the one above the highest taken (a declined step is
//     proposed again later, as the order is still not rectified);
//   - it is proposed once LadderWait[step] days have passed since the
//     previous decision (for the reminder: since the deadline);
//   - refusal to rectify — a problem never answered, or two or more answers
//     rejected — halves every wait (at least one day), because the notice
//     asks regulators to act firmly on refusal.
//
// The reasons are formal Chinese sentences the officer reads before
// deciding, and are recorded with the proposal.
func NextEscalation(in LadderInput) (Proposal, bool) {
	if in.State != OrderOverdue || in.Pending || in.Taken == StepFailAnnual || in.Open == 0 {
		return Proposal{}, false
	}
	next := Ladder[in.Taken.Rank()] // Rank of "" is 0: the reminder
	refusal := in.Unanswered > 0 || in.Rejections >= 2
	wait := LadderWait[next]
	if refusal {
		wait = max(1, wait/2)
	}
	since := endOfDay(in.DueAt)
	if in.LastDecisionAt != nil && in.LastDecisionAt.After(since) {
		since = *in.LastDecisionAt
	}
	if in.Now.Before(since.Add(time.Duration(wait-1) * 24 * time.Hour)) {
		return Proposal{}, false
	}
	p := Proposal{Step: next}
	p.Reasons = append(p.Reasons, fmt.Sprintf("整改期限已于%s届满，现已逾期%d日，尚有%d项问题未通过核验。",
		in.DueAt.In(ChinaTime).Format("2006年1月2日"), DaysOverdue(in.DueAt, in.Now), in.Open))
	if in.Unanswered > 0 {
		p.Reasons = append(p.Reasons, fmt.Sprintf("企业对其中%d项问题逾期未作任何答复，视为拒不整改。", in.Unanswered))
	}
	if in.Rejections >= 2 {
		p.Reasons = append(p.Reasons, fmt.Sprintf("企业整改答复已%d次未通过核验。", in.Rejections))
	} else if in.Rejections == 1 {
		p.Reasons = append(p.Reasons, "企业整改答复曾1次未通过核验。")
	}
	if in.HighSeverity > 0 {
		p.Reasons = append(p.Reasons, fmt.Sprintf("未整改问题中有%d项为高严重程度。", in.HighSeverity))
	}
	if in.Taken != "" {
		p.Reasons = append(p.Reasons, fmt.Sprintf("已采取%s措施满%d日，仍未整改完毕，建议依程序采取%s措施。",
			StepLabels[in.Taken].Zh, wait, StepLabels[next].Zh))
	} else {
		p.Reasons = append(p.Reasons, "建议向企业发出催办通知，督促其限期完成整改。")
	}
	if refusal && in.Taken != "" {
		p.Reasons = append(p.Reasons, "鉴于企业拒不整改，依规缩短升级间隔。")
	}
	return p, true
}

// endOfDay is the first instant after a deadline day in China Standard Time.
func endOfDay(t time.Time) time.Time {
	d := t.In(ChinaTime)
	return time.Date(d.Year(), d.Month(), d.Day(), 0, 0, 0, 0, ChinaTime).AddDate(0, 0, 1)
}

// Escalation is one step of the ladder for an order: proposed with its
// reasons, then taken or declined by an officer and recorded.
type Escalation struct {
	ID         int64           `json:"id"`
	OrderID    int64           `json:"order_id"`
	Step       EscalationStep  `json:"step"`
	State      EscalationState `json:"state"`
	Reasons    []string        `json:"reasons"`
	ProposedAt time.Time       `json:"proposed_at"`
	DecidedBy  string          `json:"decided_by,omitempty"`
	DecidedAt  *time.Time      `json:"decided_at,omitempty"`
	Note       string          `json:"note,omitempty"` // the officer's reason
	Detail     *StepDetail     `json:"detail,omitempty"`
	// BadRecordID is the register entry the step made, if any.
	BadRecordID int64 `json:"bad_record_id,omitempty"`
	// Filled by the store.
	DocNumber string `json:"doc_number,omitempty"`
	OrgID     int64  `json:"org_id,omitempty"`
	OrgName   string `json:"org_name,omitempty"`
	Province  string `json:"province,omitempty"`
}

// StepDetail records what a taken step was: the interview's date,
// attendees, minutes and commitments; the criticism's text; the penalty
// decision.
type StepDetail struct {
	// Interview (行政约谈).
	InterviewAt *time.Time `json:"interview_at,omitempty"`
	Place       string     `json:"place,omitempty"`
	Attendees   string     `json:"attendees,omitempty"`
	Minutes     string     `json:"minutes,omitempty"`
	Commitments string     `json:"commitments,omitempty"`
	// Criticism (通报批评): the text of the circular, listed in the next bulletin.
	Circular string `json:"circular,omitempty"`
	// Penalty (行政处罚).
	LegalBasis     string     `json:"legal_basis,omitempty"`
	Measure        string     `json:"measure,omitempty"`
	AmountYuan     int64      `json:"amount_yuan,omitempty"`
	DecisionNumber string     `json:"decision_number,omitempty"`
	DecisionDate   *time.Time `json:"decision_date,omitempty"`
	AppealDays     int        `json:"appeal_days,omitempty"`
	// Reminder and fail recommendation: the message sent.
	Message string `json:"message,omitempty"`
}

// EscalationDecision is an officer's decision on a proposed step.
type EscalationDecision struct {
	Take   bool        `json:"take"`
	Note   string      `json:"note"`
	Detail *StepDetail `json:"detail,omitempty"`
}

// Check validates the decision for step: a declined step needs a reason;
// a taken interview, criticism or penalty needs its record.
func (d *EscalationDecision) Check(step EscalationStep) error {
	var v Validation
	d.Note = strings.TrimSpace(d.Note)
	if !d.Take {
		if d.Note == "" {
			v.Add(0, "note", "不采取建议措施须说明理由")
		}
		return v.Err("决定有误")
	}
	x := d.Detail
	if x == nil {
		x = &StepDetail{}
		d.Detail = x
	}
	switch step {
	case StepInterview:
		if x.InterviewAt == nil {
			v.Add(0, "detail.interview_at", "请填写约谈时间")
		}
		if strings.TrimSpace(x.Attendees) == "" {
			v.Add(0, "detail.attendees", "请填写参加约谈人员")
		}
		if strings.TrimSpace(x.Minutes) == "" {
			v.Add(0, "detail.minutes", "请填写约谈纪要")
		}
		if strings.TrimSpace(x.Commitments) == "" {
			v.Add(0, "detail.commitments", "请填写企业整改承诺")
		}
	case StepCriticism:
		if strings.TrimSpace(x.Circular) == "" {
			v.Add(0, "detail.circular", "请填写通报内容")
		}
	case StepPenalty:
		if strings.TrimSpace(x.LegalBasis) == "" {
			v.Add(0, "detail.legal_basis", "请填写处罚依据")
		}
		if strings.TrimSpace(x.Measure) == "" && x.AmountYuan <= 0 {
			v.Add(0, "detail.measure", "请填写处罚措施或罚款金额")
		}
		if x.AmountYuan < 0 {
			v.Add(0, "detail.amount_yuan", "罚款金额不能为负数")
		}
		if strings.TrimSpace(x.DecisionNumber) == "" {
			v.Add(0, "detail.decision_number", "请填写处罚决定书文号")
		}
		if x.DecisionDate == nil {
			v.Add(0, "detail.decision_date", "请填写处罚决定日期")
		}
		if x.AppealDays <= 0 {
			x.AppealDays = 60 // 行政复议法: sixty days
		}
	}
	return v.Err("决定有误")
}

// BadRecordKindOf is the register kind a taken step enters, if any.
func BadRecordKindOf(s EscalationStep) (BadRecordKind, bool) {
	switch s {
	case StepInterview:
		return BadInterview, true
	case StepCriticism:
		return BadCriticism, true
	case StepPenalty:
		return BadPenalty, true
	}
	return "", false
}
