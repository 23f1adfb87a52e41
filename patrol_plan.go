package pinggu

import (
	"slices"
	"strings"
	"time"
	"unicode/utf8"
)

// PatrolPriority orders the fetch jobs of plans that are due together: a
// high-priority plan's pages are fetched first.
type PatrolPriority int

// Priorities.
const (
	PriorityHigh   PatrolPriority = 1
	PriorityNormal PatrolPriority = 2
	PriorityLow    PatrolPriority = 3
)

// Valid reports whether p is a known priority.
func (p PatrolPriority) Valid() bool { return p >= PriorityHigh && p <= PriorityLow }

// PatrolFrequencies are the intervals a plan may run at, in minutes: hourly,
// every six hours, daily, weekly; 0 runs only when started by hand.
var PatrolFrequencies = []int{0, 60, 360, 1440, 10080}

// PatrolPlan says which targets to patrol, how often, how urgently and with
// which rule packs. A plan selects the active targets matching every
// criterion it sets (categories, provinces, lists, tags; an empty one
// matches all). A bureau's plan (Province set) selects only targets of its
// province; the ministry's and a support institution's are national.
type PatrolPlan struct {
	ID          int64              `json:"id"`
	Name        string             `json:"name"`
	Description string             `json:"description,omitempty"`
	Province    string             `json:"province,omitempty"`
	Categories  []Category         `json:"categories,omitempty"`
	Provinces   []string           `json:"provinces,omitempty"`
	ListIDs     []int64            `json:"list_ids,omitempty"`
	Tags        []string           `json:"tags,omitempty"`
	Kinds       []PatrolTargetKind `json:"kinds,omitempty"`
	// FrequencyMinutes is the interval between runs; 0 runs only by hand.
	FrequencyMinutes int            `json:"frequency_minutes"`
	Priority         PatrolPriority `json:"priority"`
	// RulePacks names the detect rule packs to scan with; empty means all
	// built-in packs.
	RulePacks []string `json:"rule_packs,omitempty"`
	Active    bool     `json:"active"`

	// Read-only, filled by the store.
	KeeperOrgID int64      `json:"keeper_org_id,omitempty"`
	CreatedBy   string     `json:"created_by,omitempty"`
	LastRunID   int64      `json:"last_run_id,omitempty"`
	LastRunAt   *time.Time `json:"last_run_at,omitempty"`
	NextRunAt   *time.Time `json:"next_run_at,omitempty"`
	CreatedAt   time.Time  `json:"created_at"`
	UpdatedAt   time.Time  `json:"updated_at"`
}

// Normalize trims input, drops duplicates and sets the default priority.
func (p *PatrolPlan) Normalize() {
	p.Name, p.Description = strings.TrimSpace(p.Name), strings.TrimSpace(p.Description)
	p.Provinces = SortProvinceCodes(p.Provinces)
	slices.Sort(p.ListIDs)
	p.ListIDs = slices.Compact(p.ListIDs)
	var tags []string
	for _, t := range p.Tags {
		if t = strings.TrimSpace(t); t != "" && !slices.Contains(tags, t) {
			tags = append(tags, t)
		}
	}
	p.Tags = tags
	if p.Priority == 0 {
		p.Priority = PriorityNormal
	}
}

// Validate adds every problem with p to v; packs are the rule packs known.
func (p *PatrolPlan) Validate(v *Validation, packs []string) {
	if p.Name == "" {
		v.Add(0, "name", "巡查计划名称不能为空")
	} else if utf8.RuneCountInString(p.Name) > 100 {
		v.Add(0, "name", "巡查计划名称不得超过100个字符")
	}
	for i, c := range p.Categories {
		if !c.Valid() {
			v.Add(0, fieldIndex("categories", i, ""), "业务类别“%s”不存在", c)
		}
	}
	for i, c := range p.Provinces {
		if _, ok := LookupProvince(c); !ok {
			v.Add(0, fieldIndex("provinces", i, ""), "省份代码“%s”不是GB/T 2260省级行政区划代码", c)
		}
	}
	for i, k := range p.Kinds {
		if !k.Valid() {
			v.Add(0, fieldIndex("kinds", i, ""), "巡查目标类型“%s”不存在", k)
		}
	}
	if !slices.Contains(PatrolFrequencies, p.FrequencyMinutes) {
		v.Add(0, "frequency_minutes", "巡查频次须为手动、每小时、每6小时、每天或每周")
	}
	if !p.Priority.Valid() {
		v.Add(0, "priority", "优先级须为高、中或低")
	}
	for i, name := range p.RulePacks {
		if !slices.Contains(packs, name) {
			v.Add(0, fieldIndex("rule_packs", i, ""), "规则包“%s”不存在", name)
		}
	}
}

// Selects reports whether the plan selects t (the store writes the same
// rule in SQL; this is for records in hand and for tests of the rule).
func (p *PatrolPlan) Selects(t *PatrolTarget) bool {
	if !t.Active {
		return false
	}
	if p.Province != "" && t.Province != p.Province {
		return false
	}
	if len(p.Categories) > 0 && !slices.Contains(p.Categories, t.Category) {
		return false
	}
	if len(p.Provinces) > 0 && !slices.Contains(p.Provinces, t.Province) {
		return false
	}
	if len(p.ListIDs) > 0 && !slices.Contains(p.ListIDs, t.ListID) {
		return false
	}
	if len(p.Kinds) > 0 && !slices.Contains(p.Kinds, t.Kind) {
		return false
	}
	if len(p.Tags) > 0 && !slices.ContainsFunc(t.Tags, func(g string) bool { return slices.Contains(p.Tags, g) }) {
		return false
	}
	return true
}

// NextRun is when a plan that last ran at last (nil: never) runs next;
// nil for a plan run only by hand or not active.
func (p *PatrolPlan) NextRun(last *time.Time, now time.Time) *time.Time {
	if !p.Active || p.FrequencyMinutes == 0 {
		return nil
	}
	if last == nil {
		return &now
	}
	t := last.Add(time.Duration(p.FrequencyMinutes) * time.Minute)
	return &t
}

// PatrolPlanFilter selects plans.
type PatrolPlanFilter struct {
	ListOptions
}

// PatrolRunState is where a run of a plan stands.
type PatrolRunState string

// Run states.
const (
	RunRunning   PatrolRunState = "running"
	RunDone      PatrolRunState = "done"
	RunCancelled PatrolRunState = "cancelled"
)

// Run triggers: by the schedule, by hand ("run now"), or a re-fetch that
// verifies a disposal or that another module asked for.
const (
	TriggerSchedule = "schedule"
	TriggerManual   = "manual"
	TriggerRecheck  = "recheck"
)

// PatrolRun is one round of a plan, or one re-fetch: the targets it took
// and how far it has got. Done counts the targets fetched (failures
// included), Failed those whose fetch failed, Risky those found risky.
type PatrolRun struct {
	ID         int64          `json:"id"`
	PlanID     int64          `json:"plan_id,omitempty"`
	PlanName   string         `json:"plan_name,omitempty"`
	Province   string         `json:"province,omitempty"`
	Trigger    string         `json:"trigger"`
	State      PatrolRunState `json:"state"`
	Total      int            `json:"total"`
	Done       int            `json:"done"`
	Failed     int            `json:"failed"`
	Risky      int            `json:"risky"`
	StartedBy  string         `json:"started_by,omitempty"`
	StartedAt  time.Time      `json:"started_at"`
	FinishedAt *time.Time     `json:"finished_at,omitempty"`
	// Subject is what a recheck verifies (a warning, a target or a
	// rectification answer); OrderID the order of an answer it verifies.
	Subject Ref   `json:"subject,omitempty"`
	OrderID int64 `json:"order_id,omitempty"`
}

// Percent is the share of targets fetched, 0–100.
func (r *PatrolRun) Percent() int {
	if r.Total == 0 {
		return 100
	}
	return r.Done * 100 / r.Total
}

// PatrolRunFilter selects runs.
type PatrolRunFilter struct {
	PlanID int64          `json:"plan_id,omitempty"`
	State  PatrolRunState `json:"state,omitempty"`
	ListOptions
}
