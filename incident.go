package pinggu

import (
	"context"
	"slices"
	"strings"
	"time"
)

// IncidentLevel is the grade of a major network information security risk
// (重大网络信息安全风险): I (特别重大) to IV (一般).
type IncidentLevel int

// Incident levels.
const (
	LevelI   IncidentLevel = 1
	LevelII  IncidentLevel = 2
	LevelIII IncidentLevel = 3
	LevelIV  IncidentLevel = 4
)

// IncidentLevels lists the levels, gravest first.
var IncidentLevels = []IncidentLevel{LevelI, LevelII, LevelIII, LevelIV}

// Valid reports whether l is a level.
func (l IncidentLevel) Valid() bool { return l >= LevelI && l <= LevelIV }

// Roman is the level as the emergency plans write it.
func (l IncidentLevel) Roman() string {
	if !l.Valid() {
		return "?"
	}
	return []string{"I", "II", "III", "IV"}[l-1]
}

// National reports whether incidents of this level are commanded by the
// ministry (levels I and II); bureaus declare levels III and IV in their
// province and report graver ones upward.
func (l IncidentLevel) National() bool { return l == LevelI || l == LevelII }

// AckHours is how long a notified party has to acknowledge an incident of
// this level: the graver, the sooner.
func (l IncidentLevel) AckHours() int {
	switch l {
	case LevelI:
		return 1
	case LevelII:
		return 2
	case LevelIII:
		return 4
	}
	return 8
}

// IncidentCategory is the kind of risk.
type IncidentCategory string

// Incident categories.
const (
	IncidentHarmfulInfo IncidentCategory = "harmful_info" // 有害信息大面积传播
	IncidentFraud       IncidentCategory = "fraud"        // 涉诈风险
	IncidentDataLeak    IncidentCategory = "data_leak"    // 数据泄露
	IncidentAttack      IncidentCategory = "attack"       // 网络攻击
	IncidentOutage      IncidentCategory = "outage"       // 业务中断
	IncidentHijack      IncidentCategory = "hijack"       // 域名、账号被劫持
	IncidentOther       IncidentCategory = "other"        // 其他
)

// IncidentCategories lists the categories in order.
var IncidentCategories = []IncidentCategory{IncidentHarmfulInfo, IncidentFraud, IncidentDataLeak, IncidentAttack, IncidentOutage, IncidentHijack, IncidentOther}

// IncidentState is where the response stands.
type IncidentState string

// Incident states.
const (
	IncidentDeclared   IncidentState = "declared"   // declared, parties notified
	IncidentResponding IncidentState = "responding" // acknowledged, response under way
	IncidentContained  IncidentState = "contained"  // the risk is under control
	IncidentClosed     IncidentState = "closed"     // closed with a closure report
)

// IncidentStates lists the states in order.
var IncidentStates = []IncidentState{IncidentDeclared, IncidentResponding, IncidentContained, IncidentClosed}

// Incident is a major network information security risk under emergency
// response. A drill runs the same flow marked as an exercise.
type Incident struct {
	ID                int64            `json:"id"`
	Title             string           `json:"title"`
	Level             IncidentLevel    `json:"level"`
	Category          IncidentCategory `json:"category"`
	Description       string           `json:"description,omitempty"`
	Province          string           `json:"province"` // "" when the ministry commands it
	AffectedProvinces []string         `json:"affected_provinces"`
	ServiceIDs        []int64          `json:"service_ids"`
	// Services names the affected services, as far as the caller sees them.
	Services []ServiceRef `json:"services,omitempty"`
	// PartnerOrgIDs are the partner departments to notify (declaration only).
	PartnerOrgIDs []int64 `json:"partner_org_ids,omitempty"`
	// NotifySupport brings the support institutions in (declaration only).
	NotifySupport bool `json:"notify_support,omitempty"`
	// Source is the record the incident arose from (a patrol warning).
	Source         Ref           `json:"source"`
	Drill          bool          `json:"drill"`
	State          IncidentState `json:"state"`
	DeclaredBy     string        `json:"declared_by"`
	DeclaredAt     time.Time     `json:"declared_at"`
	AcknowledgedAt *time.Time    `json:"acknowledged_at,omitempty"`
	ContainedAt    *time.Time    `json:"contained_at,omitempty"`
	ClosedAt       *time.Time    `json:"closed_at,omitempty"`
	ClosureSummary string        `json:"closure_summary,omitempty"`
	UpdatedAt      time.Time     `json:"updated_at"`

	Parties []*IncidentParty `json:"parties,omitempty"`
	Tasks   []*IncidentTask  `json:"tasks,omitempty"`
	Events  []*IncidentEvent `json:"events,omitempty"`
}

// ServiceRef names a service.
type ServiceRef struct {
	ID    int64  `json:"id"`
	Name  string `json:"name"`
	OrgID int64  `json:"org_id"`
}

// IncidentParty is one party notified of an incident — a bureau, an
// enterprise, a partner department, the support institutions — with the
// deadline to acknowledge and its response.
type IncidentParty struct {
	ID             int64      `json:"id"`
	IncidentID     int64      `json:"incident_id"`
	Recipient      Recipient  `json:"recipient"`
	Name           string     `json:"name"`
	NotifiedAt     time.Time  `json:"notified_at"`
	AckDueAt       time.Time  `json:"ack_due_at"`
	AcknowledgedAt *time.Time `json:"acknowledged_at,omitempty"`
	AcknowledgedBy string     `json:"acknowledged_by,omitempty"`
	Response       string     `json:"response,omitempty"`
	RespondedAt    *time.Time `json:"responded_at,omitempty"`
}

// AckOnTime reports whether the party acknowledged within its deadline.
func (p *IncidentParty) AckOnTime() bool {
	return p.AcknowledgedAt != nil && !p.AcknowledgedAt.After(p.AckDueAt)
}

// TaskState is where an incident task stands.
type TaskState string

// Task states.
const (
	TaskOpen TaskState = "open"
	TaskDone TaskState = "done"
)

// IncidentTask is work given to a party with a deadline in hours.
type IncidentTask struct {
	ID         int64      `json:"id"`
	IncidentID int64      `json:"incident_id"`
	PartyID    int64      `json:"party_id"`
	PartyName  string     `json:"party_name,omitempty"`
	Title      string     `json:"title"`
	Detail     string     `json:"detail,omitempty"`
	Hours      int        `json:"hours"`
	DueAt      time.Time  `json:"due_at"`
	State      TaskState  `json:"state"`
	DoneAt     *time.Time `json:"done_at,omitempty"`
	DoneBy     string     `json:"done_by,omitempty"`
	Note       string     `json:"note,omitempty"`
	CreatedAt  time.Time  `json:"created_at"`
}

// Overdue reports whether the task is past its deadline undone at now, or
// was done late.
func (t *IncidentTask) Overdue(now time.Time) bool {
	if t.DoneAt != nil {
		return t.DoneAt.After(t.DueAt)
	}
	return now.After(t.DueAt)
}

// IncidentEventKind names an entry of an incident's timeline.
type IncidentEventKind string

// Timeline entries.
const (
	IEDeclared     IncidentEventKind = "declared"
	IENotified     IncidentEventKind = "notified"
	IEAcknowledged IncidentEventKind = "acknowledged"
	IEResponse     IncidentEventKind = "response"
	IETaskIssued   IncidentEventKind = "task_issued"
	IETaskDone     IncidentEventKind = "task_done"
	IEContained    IncidentEventKind = "contained"
	IEClosed       IncidentEventKind = "closed"
	IENote         IncidentEventKind = "note"
)

// IncidentEvent is one action on an incident. PartyID is the party it
// concerns (0 for the incident as a whole); a party reads the entries of
// the incident as a whole and its own.
type IncidentEvent struct {
	ID         int64             `json:"id"`
	IncidentID int64             `json:"incident_id"`
	PartyID    int64             `json:"party_id,omitempty"`
	Kind       IncidentEventKind `json:"kind"`
	Actor      string            `json:"actor"`
	Message    string            `json:"message"`
	CreatedAt  time.Time         `json:"created_at"`
}

// Check validates an incident before it is declared.
func (i *Incident) Check() error {
	var v Validation
	i.Title, i.Description = strings.TrimSpace(i.Title), strings.TrimSpace(i.Description)
	if i.Title == "" {
		v.Add(0, "title", "事件名称不能为空")
	}
	checkLen(&v, "title", i.Title, 200)
	checkLen(&v, "description", i.Description, 8000)
	if !i.Level.Valid() {
		v.Add(0, "level", "事件级别须为Ⅰ至Ⅳ级")
	}
	if !slices.Contains(IncidentCategories, i.Category) {
		v.Add(0, "category", "事件类别“%s”无效", i.Category)
	}
	for n, p := range i.AffectedProvinces {
		if _, ok := LookupProvince(p); !ok {
			v.Add(0, fieldIndex("affected_provinces", n, ""), "省份代码“%s”无效", p)
		}
	}
	if len(i.AffectedProvinces) == 0 && len(i.ServiceIDs) == 0 {
		v.Add(0, "affected_provinces", "请至少填写一个受影响省份或业务")
	}
	return v.Err("事件信息有误")
}

// TaskRequest issues a task to a party of an incident.
type TaskRequest struct {
	PartyID int64  `json:"party_id"`
	Title   string `json:"title"`
	Detail  string `json:"detail,omitempty"`
	Hours   int    `json:"hours"`
}

// Check validates a task: a party, a title and 1 to 720 hours.
func (t *TaskRequest) Check() error {
	var v Validation
	t.Title, t.Detail = strings.TrimSpace(t.Title), strings.TrimSpace(t.Detail)
	if t.PartyID == 0 {
		v.Add(0, "party_id", "请选择承办方")
	}
	if t.Title == "" {
		v.Add(0, "title", "任务名称不能为空")
	}
	checkLen(&v, "title", t.Title, 200)
	checkLen(&v, "detail", t.Detail, 4000)
	if t.Hours < 1 || t.Hours > 720 {
		v.Add(0, "hours", "办理时限须为1至720小时")
	}
	return v.Err("任务信息有误")
}

// ResponseTimes are how long an incident's response took, in the units the
// statistics report: to the first acknowledgement, to the last party's
// acknowledgement, to containment and to closure, each from declaration;
// nil for a step not reached.
type ResponseTimes struct {
	IncidentID int64            `json:"id"`
	Title      string           `json:"title"`
	Level      IncidentLevel    `json:"level"`
	Category   IncidentCategory `json:"category"`
	Province   string           `json:"province"`
	Drill      bool             `json:"drill"`
	DeclaredAt time.Time        `json:"declared_at"`
	ToAck      *time.Duration   `json:"to_acknowledge_ns,omitempty"`
	ToAllAck   *time.Duration   `json:"to_all_acknowledged_ns,omitempty"`
	ToContain  *time.Duration   `json:"to_contain_ns,omitempty"`
	ToClose    *time.Duration   `json:"to_close_ns,omitempty"`
	Parties    int              `json:"parties"`
	AckOnTime  int              `json:"acknowledged_on_time"`
	TasksDone  int              `json:"tasks_done"`
	TasksLate  int              `json:"tasks_late"`
	TasksTotal int              `json:"tasks"`
}

// IncidentResponseTimes computes an incident's response figures at now
// (for tasks still open past their deadline).
func IncidentResponseTimes(i *Incident, now time.Time) ResponseTimes {
	since := func(t *time.Time) *time.Duration {
		if t == nil {
			return nil
		}
		d := t.Sub(i.DeclaredAt)
		return &d
	}
	r := ResponseTimes{IncidentID: i.ID, Title: i.Title, Level: i.Level, Category: i.Category, Province: i.Province, Drill: i.Drill,
		DeclaredAt: i.DeclaredAt, ToAck: since(i.AcknowledgedAt), ToContain: since(i.ContainedAt), ToClose: since(i.ClosedAt), Parties: len(i.Parties)}
	var last *time.Time
	all := len(i.Parties) > 0
	for _, p := range i.Parties {
		if p.AckOnTime() {
			r.AckOnTime++
		}
		if p.AcknowledgedAt == nil {
			all = false
		} else if last == nil || p.AcknowledgedAt.After(*last) {
			last = p.AcknowledgedAt
		}
	}
	if all {
		r.ToAllAck = since(last)
	}
	for _, t := range i.Tasks {
		r.TasksTotal++
		if t.State == TaskDone {
			r.TasksDone++
		}
		if t.Overdue(now) {
			r.TasksLate++
		}
	}
	return r
}

// IncidentFilter narrows a list of incidents.
type IncidentFilter struct {
	State    IncidentState    `json:"state,omitempty"`
	Level    IncidentLevel    `json:"level,omitempty"`
	Category IncidentCategory `json:"category,omitempty"`
	// Drill selects exercises ("only"), real incidents ("none") or both ("").
	Drill string `json:"drill,omitempty"`
	// Province is the commanding province (ProvinceNational for the
	// ministry's incidents); Year ("2026") the year of declaration in China
	// Standard Time.
	Province string `json:"province,omitempty"`
	Year     string `json:"year,omitempty"`
	// Ack selects incidents with a party that acknowledged
	// ("acknowledged"), acknowledged after its deadline ("late") or has
	// not acknowledged past it ("overdue").
	Ack string `json:"ack,omitempty"`
	// Contained selects incidents whose containment is recorded.
	Contained bool `json:"contained,omitempty"`
	ListOptions
}

// IncidentService is emergency response. An incident exists for the
// regulators of its jurisdiction and for the parties notified of it; a
// party sees its own part (its acknowledgement, tasks and timeline
// entries) and the incident as a whole.
type IncidentService interface {
	// ListIncidents lists the incidents the caller sees, newest first.
	ListIncidents(ctx context.Context, f IncidentFilter) ([]*Incident, int, error)
	// FindIncident returns an incident with what the caller may see of it.
	FindIncident(ctx context.Context, id int64) (*Incident, error)
	// DeclareIncident declares an incident (from its Source, when set) and
	// notifies every party in the same transaction.
	DeclareIncident(ctx context.Context, i *Incident) error
	// AcknowledgeIncident records the caller's party's acknowledgement,
	// with an optional first response.
	AcknowledgeIncident(ctx context.Context, id int64, response string) error
	// RespondIncident records a further response of the caller's party.
	RespondIncident(ctx context.Context, id int64, response string) error
	// AddIncidentTask issues a task to a party.
	AddIncidentTask(ctx context.Context, id int64, t TaskRequest) (*IncidentTask, error)
	// CompleteIncidentTask marks a task of the caller's party done.
	CompleteIncidentTask(ctx context.Context, taskID int64, note string) error
	// ContainIncident records that the risk is under control.
	ContainIncident(ctx context.Context, id int64, note string) error
	// CloseIncident closes an incident with its closure summary.
	CloseIncident(ctx context.Context, id int64, summary string) error
	// IncidentFigures returns the response times of the incidents the
	// caller sees, for the statistics.
	IncidentFigures(ctx context.Context, f IncidentFilter) ([]ResponseTimes, error)
	// IncidentDurations returns every response time of a year's incidents
	// in the caller's jurisdiction, for the medians of the statistics.
	IncidentDurations(ctx context.Context, year string) ([]IncidentDuration, error)
}
