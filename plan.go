package pinggu

import (
	"context"
	"slices"
	"strings"
	"time"
	"unicode/utf8"
)

// Annual work plans (年度安全评估工作计划): each bureau keeps one plan a
// year for its province, and the ministry one for the national level. A
// plan states goals and tasks, each task with an owner of the bureau, a
// target, a deadline and a kind that ties it to the record (an inspection
// campaign, the periodic reviews due, training, patrol, other). The bureau
// drafts and publishes; a published plan is amended only with a recorded
// reason, each amendment a new version. The ministry reads every
// province's plan and a summary by province.

// PlanState is a plan's place in its lifecycle: draft → published.
type PlanState string

// Plan states.
const (
	PlanDraft     PlanState = "draft"
	PlanPublished PlanState = "published"
)

// PlanStates lists the states in lifecycle order.
var PlanStates = []PlanState{PlanDraft, PlanPublished}

// PlanTaskKind ties a task to the record its progress is read from.
type PlanTaskKind string

// Task kinds.
const (
	// PlanTaskCampaign: an inspection campaign; progress is the enterprises
	// inspected of those in the campaign's scope.
	PlanTaskCampaign PlanTaskKind = "campaign"
	// PlanTaskReviews: the periodic reviews due in the province in the year;
	// progress is the reviews accepted of those due.
	PlanTaskReviews PlanTaskKind = "reviews"
	// PlanTaskTraining: the training events the plan's organiser holds;
	// linked to its events (RecordIDs), progress is those held of those
	// linked, else it is reported by hand.
	PlanTaskTraining PlanTaskKind = "training"
	// PlanTaskCompetition: skill competitions and best-practice
	// selections; linked to them (RecordIDs), progress is those whose
	// results are published of those linked, else reported by hand.
	PlanTaskCompetition PlanTaskKind = "competition"
	// PlanTaskPatrol and PlanTaskOther are reported by hand.
	PlanTaskPatrol PlanTaskKind = "patrol"
	PlanTaskOther  PlanTaskKind = "other"
)

// PlanTaskKinds lists the kinds.
var PlanTaskKinds = []PlanTaskKind{PlanTaskCampaign, PlanTaskReviews, PlanTaskTraining, PlanTaskCompetition, PlanTaskPatrol, PlanTaskOther}

// Valid reports whether k is a task kind.
func (k PlanTaskKind) Valid() bool { return slices.Contains(PlanTaskKinds, k) }

// FromRecord reports whether the kind's progress is always read from the
// record.
func (k PlanTaskKind) FromRecord() bool { return k == PlanTaskCampaign || k == PlanTaskReviews }

// Links reports whether tasks of the kind may link records (RecordIDs):
// training events, competitions.
func (k PlanTaskKind) Links() bool { return k == PlanTaskTraining || k == PlanTaskCompetition }

// FromRecord reports whether the task's progress is read from the record:
// by its kind, or by the records it links.
func (t *PlanTask) FromRecord() bool {
	return t.Kind.FromRecord() || (t.Kind.Links() && len(t.RecordIDs) > 0)
}

// PlanTaskStatus is how a task stands on a day.
type PlanTaskStatus string

// Task statuses.
const (
	PlanTaskNotStarted PlanTaskStatus = "not_started"
	PlanTaskInProgress PlanTaskStatus = "in_progress"
	PlanTaskDone       PlanTaskStatus = "done"
	PlanTaskOverdue    PlanTaskStatus = "overdue"
)

// PlanTaskStatuses lists the statuses.
var PlanTaskStatuses = []PlanTaskStatus{PlanTaskNotStarted, PlanTaskInProgress, PlanTaskDone, PlanTaskOverdue}

// Plan is a year's work plan of a bureau (Province) or of the ministry
// (Province "").
type Plan struct {
	ID       int64     `json:"id"`
	Province string    `json:"province"`
	Year     int       `json:"year"`
	State    PlanState `json:"state"`
	// Goals are the plan's goals, one a line.
	Goals []string `json:"goals"`
	// Version counts the amendments since publication (1 when published).
	Version     int          `json:"version"`
	Tasks       []*PlanTask  `json:"tasks"`
	Amendments  []*Amendment `json:"amendments,omitempty"`
	CreatedBy   string       `json:"created_by"`
	PublishedBy string       `json:"published_by,omitempty"`
	PublishedAt *time.Time   `json:"published_at,omitempty"`
	CreatedAt   time.Time    `json:"created_at"`
	UpdatedAt   time.Time    `json:"updated_at"`
}

// PlanTask is one task of a plan.
type PlanTask struct {
	ID        int64        `json:"id"`
	PlanID    int64        `json:"plan_id"`
	Title     string       `json:"title"`
	Kind      PlanTaskKind `json:"kind"`
	OwnerID   int64        `json:"owner_id"`
	OwnerName string       `json:"owner_name,omitempty"`
	// Target is the number to reach and Measure what it counts (家企业,
	// 项, 场次); for a task read from the record, 0 takes the record's own
	// total (the enterprises in the campaign's scope, the reviews due).
	Target  int    `json:"target"`
	Measure string `json:"measure"`
	// Deadline is the last day (China Standard Time) of the task.
	Deadline time.Time `json:"deadline"`
	// CampaignID links a campaign task to its inspection campaign.
	CampaignID int64 `json:"campaign_id,omitempty"`
	// RecordIDs links a training task to training events, a competition
	// task to competitions, of the plan's province; their progress is then
	// read from them.
	RecordIDs []int64 `json:"record_ids,omitempty"`
	// Link is a free reference (a patrol plan, a meeting) shown with the
	// task.
	Link string `json:"link,omitempty"`
	// Done and Note are the progress reported by hand, for the kinds not
	// read from the record.
	Done int    `json:"done"`
	Note string `json:"note,omitempty"`
	// Progress, filled by the store.
	Progress Progress `json:"progress"`
}

// Validate adds every problem with t to v.
func (t *PlanTask) Validate(v *Validation) {
	t.Title, t.Measure, t.Link = strings.TrimSpace(t.Title), strings.TrimSpace(t.Measure), strings.TrimSpace(t.Link)
	if t.Title == "" || utf8.RuneCountInString(t.Title) > 200 {
		v.Add(0, "title", "任务名称须为1至200个字符")
	}
	if !t.Kind.Valid() {
		v.Add(0, "kind", "任务类型“%s”不存在", t.Kind)
	}
	if t.OwnerID == 0 {
		v.Add(0, "owner_id", "请指定任务责任人")
	}
	if t.Target < 0 || t.Target > 1000000 || (t.Target == 0 && !t.FromRecord()) {
		v.Add(0, "target", "目标数须为1至1000000")
	}
	if utf8.RuneCountInString(t.Measure) > 20 {
		v.Add(0, "measure", "计量单位不得超过20个字符")
	}
	if t.Deadline.IsZero() {
		v.Add(0, "deadline", "请填写完成时限")
	}
	if t.Kind == PlanTaskCampaign && t.CampaignID == 0 {
		v.Add(0, "campaign_id", "检查类任务须关联一项检查活动")
	}
	if t.Kind != PlanTaskCampaign {
		t.CampaignID = 0
	}
	if !t.Kind.Links() {
		t.RecordIDs = nil
	}
	slices.Sort(t.RecordIDs)
	t.RecordIDs = slices.Compact(t.RecordIDs)
	if len(t.RecordIDs) > 50 {
		v.Add(0, "record_ids", "关联事项不得超过50项")
	}
	if utf8.RuneCountInString(t.Link) > 500 {
		v.Add(0, "link", "关联事项不得超过500个字符")
	}
	if t.Done < 0 {
		v.Add(0, "done", "完成数不能为负")
	}
}

// Progress is how far a task has come: Done of Goal, read from the record
// or reported by hand, and its status on the day.
type Progress struct {
	Done       int            `json:"done"`
	Goal       int            `json:"goal"`
	Percent    int            `json:"percent"`
	FromRecord bool           `json:"from_record"`
	Status     PlanTaskStatus `json:"status"`
}

// RecordCount is what the record says of a task: Done of Of (inspected of
// in scope, reviews accepted of due, linked events held or competitions
// published of those not cancelled).
type RecordCount struct {
	Done, Of int
}

// TaskProgress is a task's progress at now: from the record where its kind
// reads one (rec), else as reported; the goal is the task's target, or
// the record's total where the target is 0. A task short of its goal after
// the last day of its deadline (China Standard Time) is overdue.
func TaskProgress(t *PlanTask, rec *RecordCount, now time.Time) Progress {
	p := Progress{Done: t.Done, Goal: t.Target}
	if t.FromRecord() && rec != nil {
		p.FromRecord, p.Done = true, rec.Done
		if p.Goal == 0 {
			p.Goal = rec.Of
		}
	}
	if p.Goal > 0 {
		p.Percent = min(100, p.Done*100/p.Goal)
	}
	switch {
	case p.Goal > 0 && p.Done >= p.Goal:
		p.Status = PlanTaskDone
	case !t.Deadline.IsZero() && !now.Before(DayAfter(t.Deadline)):
		p.Status = PlanTaskOverdue
	case p.Done > 0:
		p.Status = PlanTaskInProgress
	default:
		p.Status = PlanTaskNotStarted
	}
	return p
}

// DayAfter is the start of the day after t's day in China Standard Time.
func DayAfter(t time.Time) time.Time {
	c := t.In(ChinaTime)
	return time.Date(c.Year(), c.Month(), c.Day()+1, 0, 0, 0, 0, ChinaTime)
}

// YearBounds are the first instant of year and of the next, in China
// Standard Time.
func YearBounds(year int) (time.Time, time.Time) {
	return time.Date(year, 1, 1, 0, 0, 0, 0, ChinaTime), time.Date(year+1, 1, 1, 0, 0, 0, 0, ChinaTime)
}

// Amendment is a recorded change to a published plan: the version it
// made, what changed and why.
type Amendment struct {
	ID      int64     `json:"id"`
	PlanID  int64     `json:"plan_id"`
	Version int       `json:"version"`
	Change  string    `json:"change"`
	Reason  string    `json:"reason"`
	By      string    `json:"by"`
	At      time.Time `json:"at"`
}

// CheckAmendment says whether a change to a plan in state may go ahead
// with reason: a draft changes freely; a published plan only with a reason
// of 2 to 500 characters, which is returned trimmed.
func CheckAmendment(state PlanState, reason string) (string, error) {
	reason = strings.TrimSpace(reason)
	if state != PlanPublished {
		return "", nil
	}
	if n := utf8.RuneCountInString(reason); n < 2 || n > 500 {
		return "", FieldErrorf(EINVALID, "计划已发布，调整须说明理由", "reason", "调整理由须为2至500个字符")
	}
	return reason, nil
}

// CheckGoals trims the goals, drops empty lines and checks their lengths.
func CheckGoals(goals []string) ([]string, error) {
	out := []string{}
	for _, g := range goals {
		if g = strings.TrimSpace(g); g != "" {
			out = append(out, g)
		}
	}
	var v Validation
	if len(out) > 50 {
		v.Add(0, "goals", "工作目标不得超过50条")
	}
	for _, g := range out {
		if utf8.RuneCountInString(g) > 500 {
			v.Add(0, "goals", "每条工作目标不得超过500字")
			break
		}
	}
	return out, v.Err("工作目标有误")
}

// PlanTally counts a plan's tasks by status.
type PlanTally struct {
	Tasks      int `json:"tasks"`
	Done       int `json:"done"`
	InProgress int `json:"in_progress"`
	NotStarted int `json:"not_started"`
	Overdue    int `json:"overdue"`
}

// Tally counts the plan's tasks by their progress (filled by the store).
func (p *Plan) Tally() PlanTally {
	var t PlanTally
	for _, k := range p.Tasks {
		t.Tasks++
		switch k.Progress.Status {
		case PlanTaskDone:
			t.Done++
		case PlanTaskInProgress:
			t.InProgress++
		case PlanTaskOverdue:
			t.Overdue++
		default:
			t.NotStarted++
		}
	}
	return t
}

// PlanSummaryRow is one province's line of the ministry's overview.
type PlanSummaryRow struct {
	Province string    `json:"province"`
	PlanID   int64     `json:"plan_id,omitempty"`
	State    PlanState `json:"state,omitempty"` // "" when the bureau has no plan for the year
	Version  int       `json:"version,omitempty"`
	PlanTally
}

// PlanFilter selects plans.
type PlanFilter struct {
	Year     int       `json:"year,omitempty"`
	Province string    `json:"province,omitempty"`
	National bool      `json:"national,omitempty"` // the national plan only
	State    PlanState `json:"state,omitempty"`
	ListOptions
}

// PlanEdit changes a plan's goals, with the reason a published plan needs.
type PlanEdit struct {
	Goals  []string `json:"goals"`
	Reason string   `json:"reason,omitempty"`
}

// PlanOwner is a user who may own a plan's tasks.
type PlanOwner struct {
	ID   int64  `json:"id"`
	Name string `json:"name"`
}

// PlanService keeps the annual work plans.
type PlanService interface {
	CreatePlan(ctx context.Context, p *Plan) error
	FindPlan(ctx context.Context, id int64) (*Plan, error)
	// FindPlanOf is the plan of a province ("" national) for a year.
	FindPlanOf(ctx context.Context, province string, year int) (*Plan, error)
	ListPlans(ctx context.Context, f PlanFilter) ([]*Plan, int, error)
	EditPlan(ctx context.Context, id int64, e PlanEdit) (*Plan, error)
	PublishPlan(ctx context.Context, id int64) (*Plan, error)
	// SaveTask adds a task (t.ID 0) to a plan or changes one; reason is
	// required once the plan is published.
	SaveTask(ctx context.Context, planID int64, t *PlanTask, reason string) (*Plan, error)
	RemoveTask(ctx context.Context, taskID int64, reason string) (*Plan, error)
	FindTask(ctx context.Context, taskID int64) (*PlanTask, error)
	// ReportTask records a task's progress by hand (done, note).
	ReportTask(ctx context.Context, taskID int64, done int, note string) (*Plan, error)
	// PlanSummary is the overview of a year by province, for those who
	// see every plan.
	PlanSummary(ctx context.Context, year int) ([]*PlanSummaryRow, error)
	// PlanOwners lists who may own the tasks of a province's plan.
	PlanOwners(ctx context.Context, province string) ([]PlanOwner, error)
}
