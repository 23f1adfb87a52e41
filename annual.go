package pinggu

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"time"
)

// Verdict is the outcome of a licence's annual inspection (年检).
type Verdict string

// Verdicts.
const (
	VerdictPass        Verdict = "pass"        // 通过
	VerdictFail        Verdict = "fail"        // 不通过
	VerdictConditional Verdict = "conditional" // 限期整改后通过
)

// Verdicts lists the verdicts.
var Verdicts = []Verdict{VerdictPass, VerdictConditional, VerdictFail}

// Valid reports whether v is a verdict.
func (v Verdict) Valid() bool { return slices.Contains(Verdicts, v) }

// DossierState is where a dossier stands on the board.
type DossierState string

// Dossier states.
const (
	DossierOpen     DossierState = "open"     // assembled, verdict proposed, not decided
	DossierDecided  DossierState = "decided"  // decided by the bureau
	DossierOverride DossierState = "override" // decided, then changed with a recorded reason
)

// DossierStates lists the states.
var DossierStates = []DossierState{DossierOpen, DossierDecided, DossierOverride}

// Valid reports whether s is a dossier state.
func (s DossierState) Valid() bool { return slices.Contains(DossierStates, s) }

// DossierFacts is the record of one licence holder's year as the annual
// inspection reads it.
type DossierFacts struct {
	AssessmentsDue     int `json:"assessments_due"`     // periodic and special assessments due in the year
	AssessmentsDone    int `json:"assessments_done"`    // of them accepted
	AssessmentsOverdue int `json:"assessments_overdue"` // past due and not accepted
	OrdersIssued       int `json:"orders_issued"`       // open at some time of the year
	OrdersClosed       int `json:"orders_closed"`
	OrdersOpen         int `json:"orders_open"`    // open and within their deadline
	OrdersOverdue      int `json:"orders_overdue"` // open past the deadline: unfinished rectification
	// OrdersRefused counts overdue orders with a problem never answered.
	OrdersRefused       int `json:"orders_refused"`
	FailRecommendations int `json:"fail_recommendations"`
	// BadRecords counts the entries decided in the year, by kind, that are
	// in force.
	BadRecords         map[BadRecordKind]int `json:"bad_records"`
	Warnings           int                   `json:"warnings"`
	WarningsUndisposed int                   `json:"warnings_undisposed"`
	Inspections        int                   `json:"inspections"`
	InspectionFailures int                   `json:"inspection_failures"` // failed items not yet ordered
}

// ProposeVerdict is the rule of the annual inspection, proposed to the
// bureau with its reasons:
//
//   - 不通过 (fail) when the enterprise refused to rectify (a problem never
//     answered past its deadline), left rectification unfinished past the
//     deadline, or the escalation ladder recommended failing — as the
//     notice says, refusal or failure to rectify fails the inspection;
//   - 限期整改后通过 (pass once rectified in time) when rectification is
//     still under way within its deadline, assessments are overdue,
//     warnings are undisposed, an inspection's failures are not yet
//     ordered, or a penalty or circulated criticism is in force from the
//     year;
//   - 通过 (pass) otherwise.
//
// Reasons name every fact that weighed, gravest first, in formal Chinese.
func ProposeVerdict(f DossierFacts) (Verdict, []string) {
	var fail, cond []string
	if f.FailRecommendations > 0 {
		fail = append(fail, fmt.Sprintf("经逐级督促，%d份整改通知已建议年检不通过。", f.FailRecommendations))
	}
	if f.OrdersRefused > 0 {
		fail = append(fail, fmt.Sprintf("%d份整改通知中有问题逾期未作任何答复，属拒不整改。", f.OrdersRefused))
	}
	if n := f.OrdersOverdue - f.OrdersRefused; n > 0 {
		fail = append(fail, fmt.Sprintf("%d份整改通知逾期未完成整改。", n))
	}
	if f.OrdersOpen > 0 {
		cond = append(cond, fmt.Sprintf("%d份整改通知尚在整改期限内，未办结。", f.OrdersOpen))
	}
	if f.AssessmentsOverdue > 0 {
		cond = append(cond, fmt.Sprintf("%d项安全评估逾期未完成。", f.AssessmentsOverdue))
	}
	if f.WarningsUndisposed > 0 {
		cond = append(cond, fmt.Sprintf("%d条预警尚未处置。", f.WarningsUndisposed))
	}
	if f.InspectionFailures > 0 {
		cond = append(cond, fmt.Sprintf("检查发现%d项不合格，尚未下达整改。", f.InspectionFailures))
	}
	if n := f.BadRecords[BadPenalty]; n > 0 {
		cond = append(cond, fmt.Sprintf("年度内受到行政处罚%d次。", n))
	}
	if n := f.BadRecords[BadCriticism]; n > 0 {
		cond = append(cond, fmt.Sprintf("年度内被通报批评%d次。", n))
	}
	switch {
	case len(fail) > 0:
		return VerdictFail, append(fail, cond...)
	case len(cond) > 0:
		return VerdictConditional, cond
	}
	return VerdictPass, []string{fmt.Sprintf("年度内安全评估%d项均已完成，整改通知%d份均已办结，无在效处罚及通报记录。", f.AssessmentsDone, f.OrdersClosed)}
}

// Dossier is one licence's annual inspection for one year.
type Dossier struct {
	ID        int64  `json:"id"`
	LicenceID int64  `json:"licence_id"`
	Licence   string `json:"licence_number"`
	Year      int    `json:"year"`
	OrgID     int64  `json:"org_id"`
	OrgName   string `json:"org_name,omitempty"`
	Province  string `json:"province"`
	// The facts, the proposal and its reasons, as assembled last.
	Facts       DossierFacts `json:"facts"`
	Proposed    Verdict      `json:"proposed"`
	Reasons     []string     `json:"reasons"`
	AssembledAt time.Time    `json:"assembled_at"`
	// The bureau's decision.
	State          DossierState `json:"state"`
	Verdict        Verdict      `json:"verdict,omitempty"`
	DecisionReason string       `json:"decision_reason,omitempty"`
	OverrideReason string       `json:"override_reason,omitempty"`
	DecidedBy      string       `json:"decided_by,omitempty"`
	DecidedAt      *time.Time   `json:"decided_at,omitempty"`
	// Links the dossier drew on: orders, bad records and inspections.
	Links []Ref `json:"links,omitempty"`
}

// DossierDecision is the bureau's verdict. A verdict other than the
// proposal, or a change after the decision, needs a recorded reason.
type DossierDecision struct {
	Verdict Verdict `json:"verdict"`
	Reason  string  `json:"reason"`
}

// Check validates a decision on d.
func (x *DossierDecision) Check(d *Dossier) error {
	var v Validation
	x.Reason = strings.TrimSpace(x.Reason)
	if !x.Verdict.Valid() {
		v.Add(0, "verdict", "年检结论须为通过、不通过或限期整改后通过")
	}
	if x.Reason == "" {
		switch {
		case d.State != DossierOpen:
			v.Add(0, "reason", "变更已作出的年检结论须说明理由")
		case x.Verdict != d.Proposed:
			v.Add(0, "reason", "结论与系统建议不一致，须说明理由")
		}
	}
	return v.Err("年检结论有误")
}

// Board is a province's annual inspection of one year: its progress and a
// page of dossiers.
type Board struct {
	Province  string              `json:"province"`
	Year      int                 `json:"year"`
	Licences  int                 `json:"licences"` // dossiers opened
	Decided   int                 `json:"decided"`
	ByVerdict map[Verdict]int     `json:"by_verdict"` // decided
	Proposed  map[Verdict]int     `json:"proposed"`   // undecided, by proposal
	Provinces []*BoardProvinceRow `json:"provinces,omitempty"`
	Items     []*Dossier          `json:"items"`
	Total     int                 `json:"total"`
}

// BoardProvinceRow is one province's progress, for the ministry's national view.
type BoardProvinceRow struct {
	Province string `json:"province"`
	Licences int    `json:"licences"`
	Decided  int    `json:"decided"`
	Failed   int    `json:"failed"`
}

// BoardFilter selects a board.
type BoardFilter struct {
	Province string       `json:"province,omitempty"`
	Year     int          `json:"year"`
	State    DossierState `json:"state,omitempty"`
	Verdict  Verdict      `json:"verdict,omitempty"`  // decided verdict
	Proposed Verdict      `json:"proposed,omitempty"` // proposal of undecided dossiers
	Query    string       `json:"q,omitempty"`
	ListOptions
}

// AnnualService keeps the annual licence inspection.
type AnnualService interface {
	// OpenAnnual opens the year's dossiers for every licence of the
	// province (a bureau opens its own) and assembles them; it says how many
	// were opened.
	OpenAnnual(ctx context.Context, province string, year int) (int, error)
	FindDossier(ctx context.Context, id int64) (*Dossier, error)
	// AssembleDossier reassembles an undecided dossier from the record.
	AssembleDossier(ctx context.Context, id int64) (*Dossier, error)
	DecideDossier(ctx context.Context, id int64, d DossierDecision) (*Dossier, error)
	AnnualBoard(ctx context.Context, f BoardFilter) (*Board, error)
}
