package pinggu

import (
	"strings"
	"testing"
	"time"
)

func cst(y int, m time.Month, d, h int) time.Time { return time.Date(y, m, d, h, 0, 0, 0, ChinaTime) }

func TestNextEscalation(t *testing.T) {
	due := cst(2026, 3, 31, 0) // the whole of 31 March is in time
	at := func(d time.Time) *time.Time { return &d }
	base := LadderInput{State: OrderOverdue, DueAt: due, Open: 2}
	with := func(f func(*LadderInput)) LadderInput { in := base; f(&in); return in }
	cases := []struct {
		name   string
		in     LadderInput
		want   EscalationStep // "" for no proposal
		reason string         // a reason that must be given
	}{
		{"not overdue yet", with(func(in *LadderInput) { in.State = OrderIssued; in.Now = cst(2026, 3, 31, 23) }), "", ""},
		{"first day after the deadline: reminder", with(func(in *LadderInput) { in.Now = cst(2026, 4, 1, 2) }), StepReminder, "逾期1日"},
		{"a proposal waits for an officer", with(func(in *LadderInput) { in.Now = cst(2026, 4, 5, 9); in.Pending = true }), "", ""},
		{"closed order", with(func(in *LadderInput) { in.State = OrderClosed; in.Now = cst(2026, 5, 1, 9) }), "", ""},
		{"revoked order", with(func(in *LadderInput) { in.State = OrderRevoked; in.Now = cst(2026, 5, 1, 9) }), "", ""},
		{"nothing left open", with(func(in *LadderInput) { in.Open = 0; in.Now = cst(2026, 5, 1, 9) }), "", ""},
		{"reminder taken 6 days ago: wait", with(func(in *LadderInput) {
			in.Taken, in.LastDecisionAt, in.Now = StepReminder, at(cst(2026, 4, 2, 10)), cst(2026, 4, 8, 9)
		}), "", ""},
		{"reminder taken 7 days ago: interview", with(func(in *LadderInput) {
			in.Taken, in.LastDecisionAt, in.Now = StepReminder, at(cst(2026, 4, 2, 10)), cst(2026, 4, 8, 11)
		}), StepInterview, "已采取催办措施满7日"},
		{"refusal halves the wait for the interview", with(func(in *LadderInput) {
			in.Taken, in.LastDecisionAt, in.Now, in.Unanswered = StepReminder, at(cst(2026, 4, 2, 10)), cst(2026, 4, 4, 11), 1
		}), StepInterview, "拒不整改"},
		{"two rejections count as refusal", with(func(in *LadderInput) {
			in.Taken, in.LastDecisionAt, in.Now, in.Rejections = StepReminder, at(cst(2026, 4, 2, 10)), cst(2026, 4, 4, 11), 2
		}), StepInterview, "2次未通过核验"},
		{"one rejection is not refusal", with(func(in *LadderInput) {
			in.Taken, in.LastDecisionAt, in.Now, in.Rejections = StepReminder, at(cst(2026, 4, 2, 10)), cst(2026, 4, 4, 11), 1
		}), "", ""},
		{"interview taken, criticism after 15 days", with(func(in *LadderInput) {
			in.Taken, in.LastDecisionAt, in.Now = StepInterview, at(cst(2026, 4, 10, 10)), cst(2026, 4, 25, 11)
		}), StepCriticism, "行政约谈"},
		{"criticism taken, penalty after 30 days", with(func(in *LadderInput) {
			in.Taken, in.LastDecisionAt, in.Now = StepCriticism, at(cst(2026, 5, 1, 10)), cst(2026, 5, 31, 11)
		}), StepPenalty, "通报批评"},
		{"criticism taken 20 days ago: wait", with(func(in *LadderInput) {
			in.Taken, in.LastDecisionAt, in.Now = StepCriticism, at(cst(2026, 5, 1, 10)), cst(2026, 5, 21, 11)
		}), "", ""},
		{"penalty taken, recommend failing the annual inspection", with(func(in *LadderInput) {
			in.Taken, in.LastDecisionAt, in.Now, in.HighSeverity = StepPenalty, at(cst(2026, 6, 1, 10)), cst(2026, 7, 1, 11), 1
		}), StepFailAnnual, "高严重程度"},
		{"top of the ladder", with(func(in *LadderInput) {
			in.Taken, in.LastDecisionAt, in.Now = StepFailAnnual, at(cst(2026, 6, 1, 10)), cst(2026, 12, 1, 11)
		}), "", ""},
		{"a declined step restarts the wait", with(func(in *LadderInput) {
			in.Taken, in.LastDecisionAt, in.Now = StepReminder, at(cst(2026, 4, 20, 10)), cst(2026, 4, 22, 11)
		}), "", ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			p, ok := NextEscalation(c.in)
			if got := p.Step; got != c.want || ok != (c.want != "") {
				t.Fatalf("NextEscalation = %q (%v), want %q", got, ok, c.want)
			}
			if c.reason != "" && !strings.Contains(strings.Join(p.Reasons, ""), c.reason) {
				t.Errorf("reasons %q lack %q", p.Reasons, c.reason)
			}
		})
	}
}

func TestOrderStateOf(t *testing.T) {
	due := cst(2026, 3, 31, 0)
	in, late := cst(2026, 3, 31, 23), cst(2026, 4, 1, 0)
	p := func(s ProblemState) ProblemStatus { return ProblemStatus{State: s, DueAt: due} }
	cases := []struct {
		name    string
		current OrderState
		ps      []ProblemStatus
		now     time.Time
		want    OrderState
	}{
		{"draft stays draft", OrderDraft, []ProblemStatus{p(ProblemOpen)}, late, OrderDraft},
		{"revoked stays revoked", OrderRevoked, []ProblemStatus{p(ProblemOpen)}, late, OrderRevoked},
		{"open within the deadline", OrderIssued, []ProblemStatus{p(ProblemOpen), p(ProblemAnswered)}, in, OrderIssued},
		{"all answered", OrderIssued, []ProblemStatus{p(ProblemAccepted), p(ProblemAnswered)}, in, OrderAnswered},
		{"a rejected answer reopens", OrderAnswered, []ProblemStatus{p(ProblemRejected), p(ProblemAnswered)}, in, OrderIssued},
		{"past the deadline", OrderIssued, []ProblemStatus{p(ProblemAccepted), p(ProblemAnswered)}, late, OrderOverdue},
		{"all accepted, even late", OrderOverdue, []ProblemStatus{p(ProblemAccepted), p(ProblemAccepted)}, late, OrderClosed},
		{"an extension keeps it in time", OrderIssued, []ProblemStatus{{State: ProblemOpen, DueAt: due.AddDate(0, 0, 10)}}, late, OrderIssued},
	}
	for _, c := range cases {
		if got := OrderStateOf(c.current, c.ps, c.now); got != c.want {
			t.Errorf("%s: OrderStateOf = %s, want %s", c.name, got, c.want)
		}
	}
}

func TestProposeVerdict(t *testing.T) {
	cases := []struct {
		name   string
		f      DossierFacts
		want   Verdict
		reason string
	}{
		{"clean year", DossierFacts{AssessmentsDue: 2, AssessmentsDone: 2, OrdersIssued: 1, OrdersClosed: 1}, VerdictPass, "均已办结"},
		{"refused to rectify", DossierFacts{OrdersIssued: 1, OrdersOverdue: 1, OrdersRefused: 1}, VerdictFail, "拒不整改"},
		{"rectification unfinished past the deadline", DossierFacts{OrdersIssued: 2, OrdersOverdue: 1, OrdersClosed: 1}, VerdictFail, "逾期未完成整改"},
		{"ladder recommends failing", DossierFacts{FailRecommendations: 1}, VerdictFail, "建议年检不通过"},
		{"rectification under way", DossierFacts{OrdersIssued: 1, OrdersOpen: 1}, VerdictConditional, "尚在整改期限内"},
		{"assessment overdue", DossierFacts{AssessmentsDue: 1, AssessmentsOverdue: 1}, VerdictConditional, "逾期未完成"},
		{"undisposed warnings", DossierFacts{Warnings: 3, WarningsUndisposed: 2}, VerdictConditional, "2条预警"},
		{"failures not yet ordered", DossierFacts{Inspections: 1, InspectionFailures: 3}, VerdictConditional, "3项不合格"},
		{"penalty in force", DossierFacts{BadRecords: map[BadRecordKind]int{BadPenalty: 1}}, VerdictConditional, "行政处罚1次"},
		{"criticism in force", DossierFacts{BadRecords: map[BadRecordKind]int{BadCriticism: 1}}, VerdictConditional, "通报批评1次"},
		{"interview alone passes", DossierFacts{BadRecords: map[BadRecordKind]int{BadInterview: 1}}, VerdictPass, ""},
		{"fail outweighs conditions, and names them", DossierFacts{OrdersOverdue: 1, AssessmentsOverdue: 1}, VerdictFail, "安全评估逾期"},
	}
	for _, c := range cases {
		v, reasons := ProposeVerdict(c.f)
		if v != c.want {
			t.Errorf("%s: ProposeVerdict = %s, want %s (%q)", c.name, v, c.want, reasons)
		}
		if len(reasons) == 0 || (c.reason != "" && !strings.Contains(strings.Join(reasons, ""), c.reason)) {
			t.Errorf("%s: reasons %q lack %q", c.name, reasons, c.reason)
		}
	}
}

func TestBadRecordTransitions(t *testing.T) {
	cases := []struct {
		from BadRecordState
		act  BadRecordAction
		to   BadRecordState // "" for refused
	}{
		{BadActive, BadActAppeal, BadAppealed},
		{BadAppealed, BadActAppealUphold, BadActive},
		{BadAppealed, BadActRevoke, BadRevoked},
		{BadActive, BadActRevoke, BadRevoked},
		{BadActive, BadActRepairRequest, BadRepairRequested},
		{BadRepairRequested, BadActRepairGrant, BadRepaired},
		{BadRepairRequested, BadActRepairRefuse, BadActive},
		{BadRevoked, BadActAppeal, ""},
		{BadRepaired, BadActRevoke, ""},
		{BadAppealed, BadActRepairRequest, ""},
	}
	for _, c := range cases {
		got, err := BadRecordTransition(c.from, c.act)
		if got != c.to || (err == nil) != (c.to != "") {
			t.Errorf("%s on %s = %s, %v; want %s", c.act, c.from, got, err, c.to)
		}
	}
	decided := cst(2026, 1, 10, 9)
	if got := BadRecordValidity(BadPenalty, decided); !got.Equal(decided.AddDate(3, 0, 0)) {
		t.Errorf("penalty valid to %v", got)
	}
	if got := ShownBadState(BadActive, decided.AddDate(1, 0, 0), decided.AddDate(1, 0, 1)); got != BadExpired {
		t.Errorf("an entry past its validity shows %s", got)
	}
}

func TestDocNumber(t *testing.T) {
	if got, want := DocNumber(DefaultDocPrefix("440000"), 2026, 12), "粤通管安〔2026〕12号"; got != want {
		t.Errorf("DocNumber = %s, want %s", got, want)
	}
	if got := DefaultDocPrefix(""); got != "工信网安" {
		t.Errorf("ministry prefix = %s", got)
	}
	for _, bad := range []string{"", "粤通管安〔2026〕", "粤12"} {
		if CheckDocPrefix(bad) == nil {
			t.Errorf("prefix %q accepted", bad)
		}
	}
	if err := CheckDocPrefix("粤通管网安"); err != nil {
		t.Error(err)
	}
}
