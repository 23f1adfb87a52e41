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

// Training (宣贯培训、技能培训): the ministry, a bureau or a support
// institution organises an event for an invited audience, records who
// attended from which organisation (or invited staff register themselves
// while it is open), optionally tests them against a pass mark, and issues
// a numbered certificate to each who passed when it closes. Held events,
// attendees, organisations trained and the pass rate feed the statistics.

// TrainingKind is what an event teaches.
type TrainingKind string

// Kinds of training.
const (
	TrainingBriefing TrainingKind = "briefing" // 政策标准宣贯培训
	TrainingSkill    TrainingKind = "skill"    // 技能培训
)

// TrainingKinds lists the kinds.
var TrainingKinds = []TrainingKind{TrainingBriefing, TrainingSkill}

// TrainingState is an event's place in its lifecycle.
type TrainingState string

// States: planned → open (registration and materials) → held → closed
// (certificates issued); planned or open → cancelled.
const (
	TrainingPlanned   TrainingState = "planned"
	TrainingOpen      TrainingState = "open"
	TrainingHeld      TrainingState = "held"
	TrainingClosed    TrainingState = "closed"
	TrainingCancelled TrainingState = "cancelled"
)

// TrainingStates lists the states in lifecycle order.
var TrainingStates = []TrainingState{TrainingPlanned, TrainingOpen, TrainingHeld, TrainingClosed, TrainingCancelled}

// Final reports whether an event in s can no longer change.
func (s TrainingState) Final() bool { return s == TrainingClosed || s == TrainingCancelled }

// Held reports whether an event in s took place, so it counts.
func (s TrainingState) Held() bool { return s == TrainingHeld || s == TrainingClosed }

// TrainingStep moves an event between states.
type TrainingStep string

// Steps of an event.
const (
	TrainingStepOpen   TrainingStep = "open"
	TrainingStepHold   TrainingStep = "hold"
	TrainingStepClose  TrainingStep = "close"
	TrainingStepCancel TrainingStep = "cancel"
)

// TrainingTransition is the state a step leads to from a state, or an
// ECONFLICT error.
func TrainingTransition(from TrainingState, step TrainingStep) (TrainingState, error) {
	switch {
	case step == TrainingStepOpen && from == TrainingPlanned:
		return TrainingOpen, nil
	case step == TrainingStepHold && (from == TrainingPlanned || from == TrainingOpen):
		return TrainingHeld, nil
	case step == TrainingStepClose && from == TrainingHeld:
		return TrainingClosed, nil
	case step == TrainingStepCancel && (from == TrainingPlanned || from == TrainingOpen):
		return TrainingCancelled, nil
	}
	return "", Errorf(ECONFLICT, "培训处于“%s”状态，不能%s", TrainingStateLabels[from].Zh, TrainingStepLabels[step].Zh)
}

// TrainingAudience is who an event invites: enterprise or third-party staff
// of the roles listed (all such roles when empty) whose organisation is
// listed or lies in a listed province. An empty list of organisations and
// provinces invites every such organisation.
type TrainingAudience struct {
	Roles     []Role   `json:"roles,omitempty"`
	OrgIDs    []int64  `json:"org_ids,omitempty"`
	Provinces []string `json:"provinces,omitempty"`
}

// audienceRoles are the roles an event can invite.
var audienceRoles = []Role{RoleEntAdmin, RoleEntAssess, RoleThirdParty}

// TrainingAudienceRoles are the roles an event can invite, in the order a
// form offers them.
func TrainingAudienceRoles() []Role { return slices.Clone(audienceRoles) }

// Invites reports whether the audience takes in staff of role from an
// organisation (orgIDs, the organisation and its parents' group as the
// actor sees it) in province.
func (au TrainingAudience) Invites(role Role, orgIDs []int64, provinces []string) bool {
	if !slices.Contains(audienceRoles, role) || (len(au.Roles) > 0 && !slices.Contains(au.Roles, role)) {
		return false
	}
	if len(au.OrgIDs) == 0 && len(au.Provinces) == 0 {
		return true
	}
	for _, id := range orgIDs {
		if slices.Contains(au.OrgIDs, id) {
			return true
		}
	}
	for _, p := range provinces {
		if slices.Contains(au.Provinces, p) {
			return true
		}
	}
	return false
}

// TrainingEvent is a briefing or a skill training.
type TrainingEvent struct {
	ID    int64        `json:"id"`
	Title string       `json:"title"`
	Kind  TrainingKind `json:"kind"`
	// OrgID is the organiser: the ministry, a bureau or a support
	// institution. Province is the bureau's; empty for a national event.
	OrgID    int64            `json:"org_id"`
	Province string           `json:"province"`
	Audience TrainingAudience `json:"audience"`
	StartsAt time.Time        `json:"starts_at"`
	// Place is the venue, or Online the meeting's address.
	Place   string `json:"place,omitempty"`
	Online  bool   `json:"online,omitempty"`
	Summary string `json:"summary,omitempty"`
	// PassMark is the test's pass mark out of 100; nil when there is no
	// test (everyone who attended then receives a certificate).
	PassMark *float64      `json:"pass_mark,omitempty"`
	State    TrainingState `json:"state"`
	Reason   string        `json:"reason,omitempty"`
	// Read-only, filled by the store.
	OrgName   string        `json:"org_name,omitempty"`
	Materials []*Attachment `json:"materials,omitempty"`
	Attendees []*Attendee   `json:"attendees,omitempty"`
	CreatedBy string        `json:"created_by,omitempty"`
	CreatedAt time.Time     `json:"created_at"`
	UpdatedAt time.Time     `json:"updated_at"`
}

// Check validates an event's own fields.
func (e *TrainingEvent) Check() error {
	var v Validation
	e.Title, e.Place, e.Summary = strings.TrimSpace(e.Title), strings.TrimSpace(e.Place), strings.TrimSpace(e.Summary)
	if e.Title == "" || utf8.RuneCountInString(e.Title) > 200 {
		v.Add(0, "title", "培训名称不能为空且不得超过200字")
	}
	if !slices.Contains(TrainingKinds, e.Kind) {
		v.Add(0, "kind", "培训类型须为宣贯培训或技能培训")
	}
	if e.StartsAt.IsZero() {
		v.Add(0, "starts_at", "须填写培训日期")
	}
	if e.Place == "" {
		v.Add(0, "place", "须填写培训地点或线上会议地址")
	}
	if utf8.RuneCountInString(e.Summary) > 4000 {
		v.Add(0, "summary", "培训内容不得超过4000字")
	}
	if e.PassMark != nil && (*e.PassMark <= 0 || *e.PassMark > 100) {
		v.Add(0, "pass_mark", "合格分数线应在0至100分之间")
	}
	for _, r := range e.Audience.Roles {
		if !slices.Contains(audienceRoles, r) {
			v.Add(0, "audience.roles", "培训对象角色“%s”无效", r)
		}
	}
	for _, p := range e.Audience.Provinces {
		if _, ok := LookupProvince(p); !ok {
			v.Add(0, "audience.provinces", "省份代码“%s”无效", p)
		}
	}
	return v.Err("培训信息有误")
}

// Attendee is one person invited to, registered for or attending an event,
// with the organisation the person comes from.
type Attendee struct {
	ID       int64  `json:"id"`
	EventID  int64  `json:"event_id"`
	OrgID    int64  `json:"org_id"`
	OrgName  string `json:"org_name,omitempty"`
	Province string `json:"province"`
	Name     string `json:"name"`
	Position string `json:"position,omitempty"`
	// SelfRegistered marks a person who registered through the platform.
	SelfRegistered bool     `json:"self_registered,omitempty"`
	Attended       bool     `json:"attended"`
	Score          *float64 `json:"score,omitempty"`
	Passed         bool     `json:"passed"`
	// CertNumber is the certificate's number, issued when the event closes.
	CertNumber string    `json:"cert_number,omitempty"`
	CreatedAt  time.Time `json:"created_at"`
}

// Passes reports whether an attendee with score passes an event with
// passMark: attendance alone without a test, the mark with one.
func Passes(attended bool, score, passMark *float64) bool {
	if !attended {
		return false
	}
	if passMark == nil {
		return true
	}
	return score != nil && *score >= *passMark
}

// TrainingCertNumber is the number of an attendee's certificate: the
// event's year in China Standard Time, the event and the attendee.
func TrainingCertNumber(e *TrainingEvent, a *Attendee) string {
	return fmt.Sprintf("PX%d-%04d-%05d", e.StartsAt.In(ChinaTime).Year(), e.ID, a.ID)
}

// AttendanceMark is the organiser's record of one person: present or not
// and the test score (nil for none).
type AttendanceMark struct {
	AttendeeID int64    `json:"attendee_id"`
	Attended   bool     `json:"attended"`
	Score      *float64 `json:"score,omitempty"`
}

// TrainingFilter selects events.
type TrainingFilter struct {
	State string `json:"state,omitempty"`
	Kind  string `json:"kind,omitempty"`
	// Year keeps events of that year ("2026") in China Standard Time.
	Year string `json:"year,omitempty"`
	// Month keeps events of that month ("2026-05").
	Month string `json:"month,omitempty"`
	ListOptions
}

// TrainingCertificate is what a certificate shows.
type TrainingCertificate struct {
	Event    *TrainingEvent `json:"event"`
	Attendee *Attendee      `json:"attendee"`
}

// TrainingService keeps training events, their materials, attendance,
// scores and certificates.
type TrainingService interface {
	CreateTraining(ctx context.Context, e *TrainingEvent) error
	UpdateTraining(ctx context.Context, e *TrainingEvent) (*TrainingEvent, error)
	FindTraining(ctx context.Context, id int64) (*TrainingEvent, error)
	ListTrainings(ctx context.Context, f TrainingFilter) ([]*TrainingEvent, int, error)
	StepTraining(ctx context.Context, id int64, step TrainingStep, reason string) (*TrainingEvent, error)
	AttachTrainingMaterial(ctx context.Context, id int64, filename string, r io.Reader) (*Attachment, error)
	// AddAttendee is the organiser entering a person of an organisation.
	AddAttendee(ctx context.Context, id int64, a *Attendee) error
	// RegisterForTraining is invited staff registering themselves.
	RegisterForTraining(ctx context.Context, id int64, position string) (*Attendee, error)
	RecordAttendance(ctx context.Context, id int64, marks []AttendanceMark) (*TrainingEvent, error)
	// FindTrainingCertificate returns the certificate of an attendee to the
	// event's organisers and the attendee's organisation.
	FindTrainingCertificate(ctx context.Context, attendeeID int64) (*TrainingCertificate, error)
}
