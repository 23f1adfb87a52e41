package pinggu

import (
	"context"
	"io"
	"slices"
	"strings"
	"time"
	"unicode/utf8"
)

// CaseState is where a case (案件/线索) stands.
type CaseState string

// Case states.
const (
	CaseOpen   CaseState = "open"   // being assembled or worked with partner departments
	CaseClosed CaseState = "closed" // closed by its regulator
)

// CaseStates lists the case states in order.
var CaseStates = []CaseState{CaseOpen, CaseClosed}

// CaseCategory is the kind of harm a case is about.
type CaseCategory string

// Case categories.
const (
	CaseFraud       CaseCategory = "fraud"        // 电信网络诈骗
	CasePorn        CaseCategory = "pornography"  // 淫秽色情
	CaseGambling    CaseCategory = "gambling"     // 网络赌博
	CaseTerror      CaseCategory = "terror"       // 暴恐
	CaseSpoofingApp CaseCategory = "spoofing_app" // 仿冒应用
	CaseHackedSite  CaseCategory = "hacked_site"  // 网站被黑挂马
	CaseDataLeak    CaseCategory = "data_leak"    // 数据泄露
	CaseOther       CaseCategory = "other"        // 其他
)

// CaseCategories lists the case categories in order.
var CaseCategories = []CaseCategory{CaseFraud, CasePorn, CaseGambling, CaseTerror, CaseSpoofingApp, CaseHackedSite, CaseDataLeak, CaseOther}

// CaseField is a part of a case that a share may or may not show the
// partner department: the title, category and state always; these only
// when given.
type CaseField string

// The fields a share chooses.
const (
	FieldSummary CaseField = "summary" // 案情摘要
	FieldSubject CaseField = "subject" // 涉事企业和业务
)

// CaseFields lists the shareable fields.
var CaseFields = []CaseField{FieldSummary, FieldSubject}

// ShareState is where a case stands with one partner department.
type ShareState string

// Share states: referred, then the department's answers, or revoked by
// the regulator.
const (
	ShareReferred      ShareState = "referred"       // 已移送，待接收
	ShareAccepted      ShareState = "accepted"       // 已接收，正在处置
	ShareDeclined      ShareState = "declined"       // 不予接收
	ShareMoreRequested ShareState = "more_requested" // 请求补充材料
	ShareAnswered      ShareState = "answered"       // 已反馈处置结果
	ShareClosed        ShareState = "closed"         // 协作部门已办结
	ShareRevoked       ShareState = "revoked"        // 已撤回共享
)

// ShareStates lists the share states in order.
var ShareStates = []ShareState{ShareReferred, ShareAccepted, ShareDeclined, ShareMoreRequested, ShareAnswered, ShareClosed, ShareRevoked}

// Live reports whether a share still gives its department access.
func (s ShareState) Live() bool { return s != ShareRevoked }

// CaseReply is what a partner department does with a case referred to it.
type CaseReply string

// Replies of a partner department.
const (
	ReplyAccept      CaseReply = "accept"       // 接收
	ReplyDecline     CaseReply = "decline"      // 不予接收
	ReplyRequestMore CaseReply = "request_more" // 请求补充
	ReplyAnswer      CaseReply = "answer"       // 反馈处置措施和结果
	ReplyClose       CaseReply = "close"        // 办结
)

// CaseReplies lists the replies in order.
var CaseReplies = []CaseReply{ReplyAccept, ReplyDecline, ReplyRequestMore, ReplyAnswer, ReplyClose}

// replyMoves is the share's lifecycle: from each state, the replies a
// department may give and where each leads.
var replyMoves = map[ShareState]map[CaseReply]ShareState{
	ShareReferred:      {ReplyAccept: ShareAccepted, ReplyDecline: ShareDeclined, ReplyRequestMore: ShareMoreRequested},
	ShareMoreRequested: {ReplyAccept: ShareAccepted, ReplyDecline: ShareDeclined},
	ShareAccepted:      {ReplyRequestMore: ShareMoreRequested, ReplyAnswer: ShareAnswered, ReplyClose: ShareClosed},
	ShareAnswered:      {ReplyAnswer: ShareAnswered, ReplyRequestMore: ShareMoreRequested, ReplyClose: ShareClosed},
}

// NextShareState is where a reply takes a share in state s; a reply the
// state does not take is a conflict naming both.
func NextShareState(s ShareState, r CaseReply) (ShareState, error) {
	if to, ok := replyMoves[s][r]; ok {
		return to, nil
	}
	return "", Errorf(ECONFLICT, "案件处于“%s”状态，不能%s", ShareStateLabels[s].Zh, CaseReplyLabels[r].Zh)
}

// RepliesFrom lists the replies a share in state s takes, in order.
func RepliesFrom(s ShareState) []CaseReply {
	var out []CaseReply
	for _, r := range CaseReplies {
		if _, ok := replyMoves[s][r]; ok {
			out = append(out, r)
		}
	}
	return out
}

// Case gathers the records about one matter — warnings, findings,
// snapshots, orders, assessments — and its evidence, for work with partner
// departments. It belongs to a jurisdiction: the ministry's (Province "")
// or a bureau's.
type Case struct {
	ID       int64        `json:"id"`
	Title    string       `json:"title"`
	Category CaseCategory `json:"category"`
	Summary  string       `json:"summary,omitempty"`
	Province string       `json:"province"` // "" for a national case
	// SubjectOrgID and SubjectServiceID name the enterprise and service the
	// case is about, if any; the names are kept as text so a partner given
	// the subject reads them without seeing the ledger.
	SubjectOrgID       int64     `json:"subject_org_id,omitempty"`
	SubjectOrgName     string    `json:"subject_org_name,omitempty"`
	SubjectServiceID   int64     `json:"subject_service_id,omitempty"`
	SubjectServiceName string    `json:"subject_service_name,omitempty"`
	State              CaseState `json:"state"`
	// FromOrgID is the partner department a case was received from; 0 for
	// one the regulator opened.
	FromOrgID   int64      `json:"from_org_id,omitempty"`
	FromOrgName string     `json:"from_org_name,omitempty"`
	CreatedBy   string     `json:"created_by"`
	CreatedAt   time.Time  `json:"created_at"`
	UpdatedAt   time.Time  `json:"updated_at"`
	ClosedAt    *time.Time `json:"closed_at,omitempty"`
	ClosingNote string     `json:"closing_note,omitempty"`
	// Hidden lists the fields withheld from the caller (a partner
	// department given less than the whole case).
	Hidden []CaseField `json:"hidden,omitempty"`

	Items    []*CaseItem     `json:"items,omitempty"`
	Evidence []*CaseEvidence `json:"evidence,omitempty"`
	Shares   []*CaseShare    `json:"shares,omitempty"`
	Events   []*CaseEvent    `json:"events,omitempty"`
}

// CaseItem is one record a case gathers, named by its Ref; Label is its
// name as it was when added, so a reader without access to the record
// still knows what it is.
type CaseItem struct {
	ID      int64     `json:"id"`
	CaseID  int64     `json:"case_id"`
	Ref     Ref       `json:"ref"`
	Label   string    `json:"label"`
	Note    string    `json:"note,omitempty"`
	AddedBy string    `json:"added_by"`
	AddedAt time.Time `json:"added_at"`
}

// CaseEvidence is a file of a case: a screenshot, a record of a call, a
// partner's written reply.
type CaseEvidence struct {
	ID          int64     `json:"id"`
	CaseID      int64     `json:"case_id"`
	Filename    string    `json:"filename"`
	ContentType string    `json:"content_type"`
	Size        int64     `json:"size"`
	SHA256      string    `json:"sha256"`
	Note        string    `json:"note,omitempty"`
	UploadedBy  string    `json:"uploaded_by"`
	UploadedAt  time.Time `json:"uploaded_at"`
}

// CaseShare is a case referred to one partner department: what it was
// given (fields, items, evidence), its answers and its state.
type CaseShare struct {
	ID           int64       `json:"id"`
	CaseID       int64       `json:"case_id"`
	PartnerOrgID int64       `json:"partner_org_id"`
	PartnerName  string      `json:"partner_name"`
	Fields       []CaseField `json:"fields"`
	ItemIDs      []int64     `json:"item_ids"`
	EvidenceIDs  []int64     `json:"evidence_ids"`
	Message      string      `json:"message,omitempty"`
	DueAt        *time.Time  `json:"due_at,omitempty"`
	State        ShareState  `json:"state"`
	// The department's answer: whether it accepted, the measures it took
	// and the result.
	Accepted     *bool      `json:"accepted,omitempty"`
	Measures     string     `json:"measures,omitempty"`
	Result       string     `json:"result,omitempty"`
	AnsweredAt   *time.Time `json:"answered_at,omitempty"`
	SharedBy     string     `json:"shared_by"`
	SharedAt     time.Time  `json:"shared_at"`
	RevokedAt    *time.Time `json:"revoked_at,omitempty"`
	RevokedBy    string     `json:"revoked_by,omitempty"`
	RevokeReason string     `json:"revoke_reason,omitempty"`
}

// Has reports whether the share gives field f.
func (s *CaseShare) Has(f CaseField) bool { return slices.Contains(s.Fields, f) }

// CaseEventKind names an entry of a case's timeline.
type CaseEventKind string

// Timeline entries.
const (
	EventCaseOpened    CaseEventKind = "opened"
	EventCaseReceived  CaseEventKind = "received"
	EventItemAdded     CaseEventKind = "item_added"
	EventEvidenceAdded CaseEventKind = "evidence_added"
	EventShared        CaseEventKind = "shared"
	EventSupplemented  CaseEventKind = "supplemented"
	EventShareRevoked  CaseEventKind = "share_revoked"
	EventReplied       CaseEventKind = "replied"
	EventCaseClosed    CaseEventKind = "closed"
)

// CaseEvent is one entry of a case's timeline. ShareID is the partner
// department's share it concerns (0 for the case as a whole); a department
// reads the entries of its own share only.
type CaseEvent struct {
	ID        int64         `json:"id"`
	CaseID    int64         `json:"case_id"`
	ShareID   int64         `json:"share_id,omitempty"`
	Kind      CaseEventKind `json:"kind"`
	Reply     CaseReply     `json:"reply,omitempty"`
	Actor     string        `json:"actor"`
	ActorOrg  string        `json:"actor_org,omitempty"`
	Message   string        `json:"message"`
	CreatedAt time.Time     `json:"created_at"`
}

// ShareRequest refers a case to a partner department, or (Supplement)
// gives a department more of it.
type ShareRequest struct {
	PartnerOrgID int64       `json:"partner_org_id"`
	Fields       []CaseField `json:"fields"`
	ItemIDs      []int64     `json:"item_ids"`
	EvidenceIDs  []int64     `json:"evidence_ids"`
	Message      string      `json:"message"`
	DueAt        *time.Time  `json:"due_at,omitempty"`
}

// CaseReplyRequest is a partner department's reply to a case.
type CaseReplyRequest struct {
	Reply    CaseReply `json:"reply"`
	Message  string    `json:"message"`
	Measures string    `json:"measures,omitempty"`
	Result   string    `json:"result,omitempty"`
}

// Check validates a reply: an answer names its measures and result, a
// refusal or a request for more says why.
func (r *CaseReplyRequest) Check() error {
	var v Validation
	if !slices.Contains(CaseReplies, r.Reply) {
		v.Add(0, "reply", "答复类型“%s”无效", r.Reply)
	}
	r.Message, r.Measures, r.Result = strings.TrimSpace(r.Message), strings.TrimSpace(r.Measures), strings.TrimSpace(r.Result)
	switch r.Reply {
	case ReplyAnswer:
		if r.Measures == "" {
			v.Add(0, "measures", "反馈处置结果须写明采取的措施")
		}
		if r.Result == "" {
			v.Add(0, "result", "反馈处置结果须写明处置结果")
		}
	case ReplyDecline, ReplyRequestMore:
		if r.Message == "" {
			v.Add(0, "message", "须说明理由或需补充的材料")
		}
	}
	checkLen(&v, "message", r.Message, 4000)
	checkLen(&v, "measures", r.Measures, 4000)
	checkLen(&v, "result", r.Result, 4000)
	return v.Err("答复内容有误")
}

// checkLen refuses a text longer than n characters.
func checkLen(v *Validation, field, s string, n int) {
	if utf8.RuneCountInString(s) > n {
		v.Add(0, field, "不得超过%d个字", n)
	}
}

// Check validates a case before it is opened: a title, a known category,
// and a province that exists when one is given.
func (c *Case) Check() error {
	var v Validation
	c.Title, c.Summary = strings.TrimSpace(c.Title), strings.TrimSpace(c.Summary)
	if c.Title == "" {
		v.Add(0, "title", "案件名称不能为空")
	}
	checkLen(&v, "title", c.Title, 200)
	checkLen(&v, "summary", c.Summary, 8000)
	if !slices.Contains(CaseCategories, c.Category) {
		v.Add(0, "category", "案件类别“%s”无效", c.Category)
	}
	if c.Province != "" {
		if _, ok := LookupProvince(c.Province); !ok {
			v.Add(0, "province", "省份代码“%s”无效", c.Province)
		}
	}
	return v.Err("案件信息有误")
}

// Check validates a share request's fields (the store checks that the
// partner, items and evidence exist in the case).
func (r *ShareRequest) Check(requirePartner bool) error {
	var v Validation
	if requirePartner && r.PartnerOrgID == 0 {
		v.Add(0, "partner_org_id", "请选择协作部门")
	}
	for i, f := range r.Fields {
		if !slices.Contains(CaseFields, f) {
			v.Add(0, fieldIndex("fields", i, ""), "共享字段“%s”无效", f)
		}
	}
	r.Message = strings.TrimSpace(r.Message)
	checkLen(&v, "message", r.Message, 4000)
	return v.Err("共享内容有误")
}

// CaseFilter narrows a list of cases.
type CaseFilter struct {
	State    CaseState    `json:"state,omitempty"`
	Category CaseCategory `json:"category,omitempty"`
	Province string       `json:"province,omitempty"`
	Query    string       `json:"q,omitempty"`
	ListOptions
}

// CaseService is the cases shared across departments. A case outside the
// caller's case scope and grants does not exist for it; a partner
// department is given the fields, items and evidence of its share and the
// timeline of its own share, and its every view and download is audited.
type CaseService interface {
	// ListCases lists the cases the caller sees, most recently changed first.
	ListCases(ctx context.Context, f CaseFilter) ([]*Case, int, error)
	// FindCase returns a case with what the caller may see of it.
	FindCase(ctx context.Context, id int64) (*Case, error)
	// CreateCase opens a case; a partner department's account opens one it
	// refers to the regulator (received), shared back to it whole.
	CreateCase(ctx context.Context, c *Case) error
	// AddCaseItem adds a record (by Ref) the caller can see to an open case.
	AddCaseItem(ctx context.Context, caseID int64, ref Ref, note string) (*CaseItem, error)
	// AddCaseEvidence attaches a file to an open case.
	AddCaseEvidence(ctx context.Context, caseID int64, filename, note string, r io.Reader) (*CaseEvidence, error)
	// OpenCaseEvidence returns a file of a case the caller may see.
	OpenCaseEvidence(ctx context.Context, id int64) (*CaseEvidence, io.ReadCloser, error)
	// ShareCase refers a case to a partner department.
	ShareCase(ctx context.Context, caseID int64, req ShareRequest) (*CaseShare, error)
	// SupplementShare gives a department more items, evidence or fields.
	SupplementShare(ctx context.Context, shareID int64, req ShareRequest) (*CaseShare, error)
	// RevokeShare ends a department's access to a case.
	RevokeShare(ctx context.Context, shareID int64, reason string) error
	// ReplyToCase records a partner department's reply on its share.
	ReplyToCase(ctx context.Context, caseID int64, req CaseReplyRequest) (*CaseShare, error)
	// CloseCase closes a case with a note.
	CloseCase(ctx context.Context, caseID int64, note string) error
	// PartnerDepartments lists the departments the caller may refer a case
	// of the province ("" national) to.
	PartnerDepartments(ctx context.Context, province string) ([]OrgRef, error)
}
