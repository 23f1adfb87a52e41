package pinggu

import (
	"context"
	"time"
)

// PatrolBulletin is 《动态监测信息》: the periodic monitoring bulletin of what
// patrol found in a period, national (Province "") or of one province,
// issued by the ministry or a support institution. Its figures are fixed
// when it is issued, so what was sent is what is shown later.
type PatrolBulletin struct {
	ID       int64     `json:"id"`
	Title    string    `json:"title"`
	Number   string    `json:"number"` // 第N期
	Province string    `json:"province,omitempty"`
	From     time.Time `json:"from"`
	To       time.Time `json:"to"`
	Note     string    `json:"note,omitempty"`

	Stats BulletinStats `json:"stats"`

	// Read-only, filled by the store.
	IssuerOrgID int64     `json:"issuer_org_id,omitempty"`
	IssuerName  string    `json:"issuer_name"`
	IssuedBy    string    `json:"issued_by"`
	IssuedAt    time.Time `json:"issued_at"`
}

// BulletinStats are the figures of a bulletin.
type BulletinStats struct {
	// Targets and Fetches patrolled in the period; RiskyTargets showed harm.
	Targets      int `json:"targets"`
	Fetches      int `json:"fetches"`
	RiskyTargets int `json:"risky_targets"`
	// Warnings raised in the period, by category and by level.
	Warnings   int                  `json:"warnings"`
	ByCategory []BulletinCount      `json:"by_category"`
	ByLevel    map[WarningLevel]int `json:"by_level"`
	ByProvince []BulletinCount      `json:"by_province,omitempty"`
	// Disposed and Closed of the warnings raised in the period, and the
	// disposal rate (disposed or closed ÷ raised).
	Disposed     int     `json:"disposed"`
	Closed       int     `json:"closed"`
	DisposalRate float64 `json:"disposal_rate"`
	// NewCases are the period's gravest new warnings; Overdue every open
	// warning past its due time at the end of the period.
	NewCases []BulletinCase `json:"new_cases"`
	Overdue  []BulletinCase `json:"overdue"`
	// AppWarnings counts the warnings about app-store listings.
	AppWarnings int `json:"app_warnings"`
}

// BulletinCount is one row of a breakdown.
type BulletinCount struct {
	Key   string `json:"key"`
	Count int    `json:"count"`
}

// BulletinCase is one warning as a bulletin lists it.
type BulletinCase struct {
	WarningID int64        `json:"warning_id"`
	Level     WarningLevel `json:"level"`
	Category  string       `json:"category"`
	URL       string       `json:"url"`
	OrgName   string       `json:"org_name,omitempty"`
	Province  string       `json:"province,omitempty"`
	State     WarningState `json:"state"`
	CreatedAt time.Time    `json:"created_at"`
	DueAt     time.Time    `json:"due_at"`
}

// BulletinRequest asks for a bulletin of a period and a province ("" for
// national).
type BulletinRequest struct {
	Province string    `json:"province,omitempty"`
	From     time.Time `json:"from"`
	To       time.Time `json:"to"`
	Note     string    `json:"note,omitempty"`
}

// Check validates a bulletin request.
func (r *BulletinRequest) Check() error {
	var v Validation
	if r.From.IsZero() {
		v.Add(0, "from", "须指定统计起始日期")
	}
	if r.To.IsZero() {
		v.Add(0, "to", "须指定统计截止日期")
	}
	if !r.From.IsZero() && !r.To.IsZero() && !r.To.After(r.From) {
		v.Add(0, "to", "截止日期须晚于起始日期")
	}
	if r.To.Sub(r.From) > 366*24*time.Hour {
		v.Add(0, "to", "统计周期不得超过一年")
	}
	if r.Province != "" {
		if _, ok := LookupProvince(r.Province); !ok {
			v.Add(0, "province", "省份代码“%s”不是GB/T 2260省级行政区划代码", r.Province)
		}
	}
	return v.Err("通报参数有误")
}

// PatrolBulletinFilter selects bulletins.
type PatrolBulletinFilter struct {
	Province string `json:"province,omitempty"`
	ListOptions
}

// PatrolService is patrol and early warning: targets and lists, plans and
// their runs, snapshots, findings, warnings and bulletins. Every method is
// scoped by the actor in ctx: targets, lists, plans, runs, snapshots and
// findings by Actor.PatrolScope, warnings by the ledger scope of the
// target's owner and province (so the owning enterprise sees its own),
// bulletins by their province.
type PatrolService interface {
	ListPatrolLists(ctx context.Context, f PatrolListFilter) ([]*PatrolList, int, error)
	FindPatrolList(ctx context.Context, id int64) (*PatrolList, error)
	CreatePatrolList(ctx context.Context, l *PatrolList) error
	UpdatePatrolList(ctx context.Context, l *PatrolList) error

	ListPatrolTargets(ctx context.Context, f PatrolTargetFilter) ([]*PatrolTarget, int, error)
	FindPatrolTarget(ctx context.Context, id int64) (*PatrolTarget, error)
	CreatePatrolTarget(ctx context.Context, t *PatrolTarget) error
	UpdatePatrolTarget(ctx context.Context, t *PatrolTarget) error
	// EditPatrolTarget applies edit to the target as stored and saves it
	// as UpdatePatrolTarget does, the record locked meanwhile.
	EditPatrolTarget(ctx context.Context, id int64, edit func(*PatrolTarget) error) (*PatrolTarget, error)
	// ImportPatrolTargets adds every row to a list or none; an invalid
	// file reports every bad row with its line and field.
	ImportPatrolTargets(ctx context.Context, listID int64, rows []PatrolTargetImportRow) (int, error)
	// SyncLedgerTargets brings the ledger's monitoring targets (services'
	// URLs and app-store listings) into patrol; it returns how many
	// targets were added or changed.
	SyncLedgerTargets(ctx context.Context) (int, error)

	ListPatrolAllows(ctx context.Context, targetID int64) ([]*PatrolAllow, error)
	AddPatrolAllow(ctx context.Context, a *PatrolAllow) error
	RemovePatrolAllow(ctx context.Context, id int64) error

	ListPatrolPlans(ctx context.Context, f PatrolPlanFilter) ([]*PatrolPlan, int, error)
	FindPatrolPlan(ctx context.Context, id int64) (*PatrolPlan, error)
	CreatePatrolPlan(ctx context.Context, p *PatrolPlan) error
	UpdatePatrolPlan(ctx context.Context, p *PatrolPlan) error
	// EditPatrolPlan applies edit to the plan as stored and saves it as
	// UpdatePatrolPlan does, the record locked meanwhile.
	EditPatrolPlan(ctx context.Context, id int64, edit func(*PatrolPlan) error) (*PatrolPlan, error)
	// RunPatrolPlan starts a round of the plan now ("run now"); its fetches
	// are queued for the workers.
	RunPatrolPlan(ctx context.Context, planID int64) (*PatrolRun, error)
	ListPatrolRuns(ctx context.Context, f PatrolRunFilter) ([]*PatrolRun, int, error)
	// FindPatrolRun returns a run with its progress counted now.
	FindPatrolRun(ctx context.Context, id int64) (*PatrolRun, error)

	ListPatrolSnapshots(ctx context.Context, f PatrolSnapshotFilter) ([]*PatrolSnapshot, int, error)
	FindPatrolSnapshot(ctx context.Context, id int64) (*PatrolSnapshot, error)
	// PatrolSnapshotBody returns the bytes a snapshot's fetch received,
	// checked against its SHA-256; PatrolScreenshot the PNG, if any.
	PatrolSnapshotBody(ctx context.Context, id int64) ([]byte, error)
	PatrolScreenshot(ctx context.Context, id int64) ([]byte, error)
	// OpenCaseItemSnapshot returns the snapshot a case item names, with
	// its bytes, to whoever sees the item (a partner department's download
	// is audited).
	OpenCaseItemSnapshot(ctx context.Context, itemID int64) (*PatrolSnapshot, []byte, error)

	ListPatrolFindings(ctx context.Context, f PatrolFindingFilter) ([]*PatrolFinding, int, error)
	// PatrolRuleStats is the precision of each rule, from the findings
	// officers judged false positives.
	PatrolRuleStats(ctx context.Context) ([]*PatrolRuleStat, error)

	ListPatrolWarnings(ctx context.Context, f PatrolWarningFilter) ([]*PatrolWarning, int, error)
	FindPatrolWarning(ctx context.Context, id int64) (*PatrolWarning, error)
	AcknowledgePatrolWarning(ctx context.Context, id int64, note string) (*PatrolWarning, error)
	// DisposePatrolWarning records how a warning was dealt with and queues
	// the re-fetch that verifies it.
	DisposePatrolWarning(ctx context.Context, id int64, d PatrolDisposal) (*PatrolWarning, error)
	// RequestRecheck queues a re-fetch of a target (subject kind
	// "patrol_target") or of a warning's target (kind "patrol_warning"),
	// for the enforcement module's verification of a rectification. The
	// run it returns shows when the fetch is done (FindPatrolRun); the
	// target's last result, its findings and, for a disposed warning, the
	// warning's state then tell the outcome. ENOTFOUND outside the
	// caller's scope.
	RequestRecheck(ctx context.Context, subject Ref) (*PatrolRun, error)

	ListPatrolBulletins(ctx context.Context, f PatrolBulletinFilter) ([]*PatrolBulletin, int, error)
	FindPatrolBulletin(ctx context.Context, id int64) (*PatrolBulletin, error)
	IssuePatrolBulletin(ctx context.Context, r BulletinRequest) (*PatrolBulletin, error)
}
