package pinggu

import (
	"context"
	"slices"
	"strings"
	"time"
)

// The joint-unit mechanism (联席单位机制): at each level (the ministry's,
// Province "", and each bureau's) the regulator, support institutions, the
// internet society, key value-added enterprises and partner departments
// meet, share tasks and exchange information.

// MemberKind is what a member unit is in the mechanism.
type MemberKind string

// Member kinds.
const (
	MemberRegulator  MemberKind = "regulator"  // 监管部门
	MemberSupport    MemberKind = "support"    // 支撑单位
	MemberSociety    MemberKind = "society"    // 行业协会
	MemberEnterprise MemberKind = "enterprise" // 重点增值电信企业
	MemberPartner    MemberKind = "partner"    // 协作部门
)

// MemberKinds lists the member kinds in order.
var MemberKinds = []MemberKind{MemberRegulator, MemberSupport, MemberSociety, MemberEnterprise, MemberPartner}

// JointMember is a unit's membership of a mechanism, with its contact and
// dates: membership is itself a record, kept after the unit leaves.
type JointMember struct {
	ID           int64      `json:"id"`
	Province     string     `json:"province"` // "" for the national mechanism
	OrgID        int64      `json:"org_id"`
	OrgName      string     `json:"org_name"`
	Kind         MemberKind `json:"kind"`
	ContactName  string     `json:"contact_name"`
	ContactPhone string     `json:"contact_phone,omitempty"`
	ContactEmail string     `json:"contact_email,omitempty"`
	JoinedOn     time.Time  `json:"joined_on"`
	LeftOn       *time.Time `json:"left_on,omitempty"`
	Note         string     `json:"note,omitempty"`
}

// ActiveOn reports whether the membership runs on day t.
func (m *JointMember) ActiveOn(t time.Time) bool {
	return !t.Before(m.JoinedOn) && (m.LeftOn == nil || t.Before(*m.LeftOn))
}

// Check validates a membership.
func (m *JointMember) Check() error {
	var v Validation
	if m.OrgID == 0 {
		v.Add(0, "org_id", "请选择成员单位")
	}
	if !slices.Contains(MemberKinds, m.Kind) {
		v.Add(0, "kind", "成员类型“%s”无效", m.Kind)
	}
	m.ContactName = strings.TrimSpace(m.ContactName)
	if m.ContactName == "" {
		v.Add(0, "contact_name", "联络人不能为空")
	}
	if m.JoinedOn.IsZero() {
		v.Add(0, "joined_on", "加入日期不能为空")
	}
	if m.LeftOn != nil && m.LeftOn.Before(m.JoinedOn) {
		v.Add(0, "left_on", "退出日期不能早于加入日期")
	}
	if m.Province != "" {
		if _, ok := LookupProvince(m.Province); !ok {
			v.Add(0, "province", "省份代码“%s”无效", m.Province)
		}
	}
	return v.Err("成员信息有误")
}

// MeetingState is where a joint meeting stands.
type MeetingState string

// Meeting states.
const (
	MeetingPlanned MeetingState = "planned" // 已安排
	MeetingHeld    MeetingState = "held"    // 已召开，纪要已形成
)

// JointMeeting is a meeting of a mechanism: its agenda before, its minutes
// and decisions after, and the follow-up tasks it gave members.
type JointMeeting struct {
	ID        int64        `json:"id"`
	Province  string       `json:"province"`
	Title     string       `json:"title"`
	HeldAt    time.Time    `json:"held_at"`
	Place     string       `json:"place,omitempty"`
	Agenda    string       `json:"agenda,omitempty"`
	Minutes   string       `json:"minutes,omitempty"`
	Decisions string       `json:"decisions,omitempty"`
	State     MeetingState `json:"state"`
	CreatedBy string       `json:"created_by"`
	CreatedAt time.Time    `json:"created_at"`
	UpdatedAt time.Time    `json:"updated_at"`
	Tasks     []*JointTask `json:"tasks,omitempty"`
}

// Check validates a meeting.
func (m *JointMeeting) Check() error {
	var v Validation
	m.Title = strings.TrimSpace(m.Title)
	if m.Title == "" {
		v.Add(0, "title", "会议名称不能为空")
	}
	checkLen(&v, "title", m.Title, 200)
	if m.HeldAt.IsZero() {
		v.Add(0, "held_at", "会议时间不能为空")
	}
	for _, f := range []struct{ n, s string }{{"agenda", m.Agenda}, {"minutes", m.Minutes}, {"decisions", m.Decisions}} {
		checkLen(&v, f.n, f.s, 20000)
	}
	if m.Province != "" {
		if _, ok := LookupProvince(m.Province); !ok {
			v.Add(0, "province", "省份代码“%s”无效", m.Province)
		}
	}
	return v.Err("会议信息有误")
}

// JointTask is a follow-up task of a meeting, given to a member unit.
type JointTask struct {
	ID         int64      `json:"id"`
	MeetingID  int64      `json:"meeting_id"`
	MemberID   int64      `json:"member_id"`
	MemberName string     `json:"member_name"`
	OrgID      int64      `json:"org_id"`
	Title      string     `json:"title"`
	Detail     string     `json:"detail,omitempty"`
	DueOn      time.Time  `json:"due_on"`
	State      TaskState  `json:"state"`
	DoneAt     *time.Time `json:"done_at,omitempty"`
	DoneBy     string     `json:"done_by,omitempty"`
	Note       string     `json:"note,omitempty"`
}

// JointTaskRequest gives a member a task.
type JointTaskRequest struct {
	MemberID int64     `json:"member_id"`
	Title    string    `json:"title"`
	Detail   string    `json:"detail,omitempty"`
	DueOn    time.Time `json:"due_on"`
}

// Check validates a task request.
func (t *JointTaskRequest) Check() error {
	var v Validation
	t.Title = strings.TrimSpace(t.Title)
	if t.MemberID == 0 {
		v.Add(0, "member_id", "请选择承办成员单位")
	}
	if t.Title == "" {
		v.Add(0, "title", "任务名称不能为空")
	}
	if t.DueOn.IsZero() {
		v.Add(0, "due_on", "完成期限不能为空")
	}
	return v.Err("任务信息有误")
}

// ExchangeKind is what a message of the information exchange carries.
type ExchangeKind string

// Exchange kinds.
const (
	ExchangeNotice ExchangeKind = "notice" // 工作通知
	ExchangeRisk   ExchangeKind = "risk"   // 风险信息
)

// JointMessage is a notice or risk information pushed to the members of a
// mechanism through the inbox; Receipts say which members have read it.
type JointMessage struct {
	ID        int64          `json:"id"`
	Province  string         `json:"province"`
	Kind      ExchangeKind   `json:"kind"`
	Title     string         `json:"title"`
	Body      string         `json:"body"`
	NoticeID  int64          `json:"notice_id"`
	CreatedBy string         `json:"created_by"`
	CreatedAt time.Time      `json:"created_at"`
	Receipts  []*ReadReceipt `json:"receipts,omitempty"`
}

// Check validates a message.
func (m *JointMessage) Check() error {
	var v Validation
	m.Title, m.Body = strings.TrimSpace(m.Title), strings.TrimSpace(m.Body)
	if m.Kind != ExchangeNotice && m.Kind != ExchangeRisk {
		v.Add(0, "kind", "信息类型“%s”无效", m.Kind)
	}
	if m.Title == "" {
		v.Add(0, "title", "标题不能为空")
	}
	if m.Body == "" {
		v.Add(0, "body", "正文不能为空")
	}
	checkLen(&v, "title", m.Title, 200)
	checkLen(&v, "body", m.Body, 8000)
	return v.Err("信息内容有误")
}

// ReadReceipt is whether a member unit has read a message: the first of
// its accounts to read it, and when.
type ReadReceipt struct {
	MemberID int64      `json:"member_id"`
	OrgName  string     `json:"org_name"`
	ReadAt   *time.Time `json:"read_at,omitempty"`
	ReadBy   string     `json:"read_by,omitempty"`
}

// RecipientOfOrg addresses the accounts of an organisation of the kind, as
// the notices reach them: a bureau's officers by its province, the
// ministry's as a whole, everyone else by the organisation.
func RecipientOfOrg(kind OrgKind, orgID int64, province string) Recipient {
	switch kind {
	case OrgMinistry:
		return Recipient{Party: PartyMinistry}
	case OrgBureau:
		return RegulatorsOf(province)
	case OrgSupport:
		return Recipient{Party: PartySupport, OrgID: orgID}
	case OrgThirdParty:
		return Recipient{Party: PartyThirdParty, OrgID: orgID}
	case OrgPartner:
		return Recipient{Party: PartyPartner, OrgID: orgID}
	}
	return EnterpriseOf(orgID)
}

// JointFilter narrows the lists of a mechanism: one level ("national" for
// the ministry's, a province code for a bureau's), or all the caller sees.
type JointFilter struct {
	Province string `json:"province,omitempty"`
	ListOptions
}

// JointUnitService is the joint-unit mechanism. Its regulator keeps it;
// member units see the meetings of their mechanism, their own tasks and
// the messages pushed to them.
type JointUnitService interface {
	ListMembers(ctx context.Context, f JointFilter) ([]*JointMember, int, error)
	AddMember(ctx context.Context, m *JointMember) error
	// EndMembership records the day a unit left.
	EndMembership(ctx context.Context, id int64, leftOn time.Time) error
	ListMeetings(ctx context.Context, f JointFilter) ([]*JointMeeting, int, error)
	FindMeeting(ctx context.Context, id int64) (*JointMeeting, error)
	CreateMeeting(ctx context.Context, m *JointMeeting) error
	// RecordMinutes records a meeting's minutes and decisions; it is then held.
	RecordMinutes(ctx context.Context, id int64, minutes, decisions string) (*JointMeeting, error)
	AddJointTask(ctx context.Context, meetingID int64, t JointTaskRequest) (*JointTask, error)
	// CompleteJointTask marks a task of the caller's unit (or, for the
	// regulator, any task of its mechanism) done.
	CompleteJointTask(ctx context.Context, taskID int64, note string) error
	ListMessages(ctx context.Context, f JointFilter) ([]*JointMessage, int, error)
	// SendMessage pushes a message to the active members through the inbox.
	SendMessage(ctx context.Context, m *JointMessage) error
	// FindMessage returns a message with its read receipts.
	FindMessage(ctx context.Context, id int64) (*JointMessage, error)
}
