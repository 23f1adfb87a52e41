package pinggu

import (
	"context"
	"io"
	"slices"
	"strings"
	"time"
	"unicode/utf8"
)

// Capability certification of third-party assessment bodies (第三方服务机构
// 能力认定): a body applies against the criteria with evidence, the ministry
// reviews and issues a certificate of a level for a validity period, and may
// suspend or revoke it with a reason. Only a body holding a certificate in
// force of the level a service calls for may be engaged for its third-party
// assessment.

// CertLevel is a certificate's level: 甲级 (A) may assess every service, 乙级
// (B) the services of ordinary risk.
type CertLevel string

// Certificate levels, highest first.
const (
	CertLevelA CertLevel = "A"
	CertLevelB CertLevel = "B"
)

// CertLevels lists the levels, highest first.
var CertLevels = []CertLevel{CertLevelA, CertLevelB}

// Valid reports whether l is a level.
func (l CertLevel) Valid() bool { return slices.Contains(CertLevels, l) }

// Covers reports whether a certificate of level l may assess a service that
// calls for need.
func (l CertLevel) Covers(need CertLevel) bool {
	switch l {
	case CertLevelA:
		return need.Valid()
	case CertLevelB:
		return need == CertLevelB
	}
	return false
}

// highRiskCategories call for a 甲级 body: the full-process categories the
// notice names and generative AI.
var highRiskCategories = []Category{CatConverged, CatOneCardTwoNums, CatSMSHall, CatVoiceLine, CatCallForwarding, CatGenAI}

// RequiredLevel is the level of certificate a third-party assessment of a
// service calls for: 甲级 for a key enterprise's service or a high-risk
// category, 乙级 otherwise.
func RequiredLevel(c Category, keyEnterprise bool) CertLevel {
	if keyEnterprise || slices.Contains(highRiskCategories, c) {
		return CertLevelA
	}
	return CertLevelB
}

// CertCriterion is one requirement of the certification checklist; Levels
// lists the levels it applies to.
type CertCriterion struct {
	ID     string      `json:"id"`
	Text   Label       `json:"text"`
	Levels []CertLevel `json:"levels"`
}

// CertCriteria is the checklist an application answers, like a standard.
var CertCriteria = []CertCriterion{
	{"C1", Label{"具有独立法人资格，近三年无违法违规记录", "An independent legal person with no violation in three years"}, []CertLevel{CertLevelA, CertLevelB}},
	{"C2", Label{"建立评估质量管理体系并有效运行", "A working quality management system for assessments"}, []CertLevel{CertLevelA, CertLevelB}},
	{"C3", Label{"专职评估人员不少于10人，其中高级职称不少于3人", "At least 10 full-time assessors, 3 of them senior"}, []CertLevel{CertLevelA, CertLevelB}},
	{"C4", Label{"具备评估所需的测试环境和工具", "The test environment and tools assessments need"}, []CertLevel{CertLevelA, CertLevelB}},
	{"C5", Label{"建立保密制度，评估人员签署保密协议", "Confidentiality rules, signed by every assessor"}, []CertLevel{CertLevelA, CertLevelB}},
	{"C6", Label{"近三年完成安全评估项目不少于20项", "At least 20 assessments completed in three years"}, []CertLevel{CertLevelA}},
	{"C7", Label{"具备融合通信、一卡双号等高风险业务评估经验", "Experience assessing high-risk services such as converged communication"}, []CertLevel{CertLevelA}},
	{"C8", Label{"参与国家或行业安全评估标准制定", "Took part in national or industry assessment standards"}, []CertLevel{CertLevelA}},
}

// CriteriaFor lists the criteria a level must meet.
func CriteriaFor(l CertLevel) []CertCriterion {
	var out []CertCriterion
	for _, c := range CertCriteria {
		if slices.Contains(c.Levels, l) {
			out = append(out, c)
		}
	}
	return out
}

// CertAppState is an application's place in its review.
type CertAppState string

// Application states: draft → submitted → approved | rejected | returned
// (→ submitted …).
const (
	CertAppDraft     CertAppState = "draft"
	CertAppSubmitted CertAppState = "submitted"
	CertAppReturned  CertAppState = "returned"
	CertAppApproved  CertAppState = "approved"
	CertAppRejected  CertAppState = "rejected"
)

// CertAppStates lists the states in lifecycle order.
var CertAppStates = []CertAppState{CertAppDraft, CertAppSubmitted, CertAppReturned, CertAppApproved, CertAppRejected}

// CertAnswer is the applicant's statement on one criterion.
type CertAnswer struct {
	Met  bool   `json:"met"`
	Note string `json:"note,omitempty"`
}

// CertApplication is a body's application for certification at a level.
type CertApplication struct {
	ID      int64                 `json:"id"`
	OrgID   int64                 `json:"org_id"`
	Level   CertLevel             `json:"level"`
	State   CertAppState          `json:"state"`
	Answers map[string]CertAnswer `json:"answers"`
	// Read-only, filled by the store.
	OrgName       string        `json:"org_name,omitempty"`
	Province      string        `json:"province"`
	Files         []*Attachment `json:"files,omitempty"`
	ReviewComment string        `json:"review_comment,omitempty"`
	ReviewedBy    string        `json:"reviewed_by,omitempty"`
	SubmittedAt   *time.Time    `json:"submitted_at,omitempty"`
	ReviewedAt    *time.Time    `json:"reviewed_at,omitempty"`
	CertificateID int64         `json:"certificate_id,omitempty"`
	CreatedAt     time.Time     `json:"created_at"`
	UpdatedAt     time.Time     `json:"updated_at"`
}

// CheckComplete validates an application before it is submitted: every
// criterion of its level stated as met with a note of how.
func (a *CertApplication) CheckComplete() error {
	var v Validation
	for _, c := range CriteriaFor(a.Level) {
		ans, ok := a.Answers[c.ID]
		switch {
		case !ok || !ans.Met:
			v.Add(0, "answers."+c.ID, "未满足认定条件“%s”，不能申请%s", c.Text, CertLevelLabels[a.Level])
		case strings.TrimSpace(ans.Note) == "":
			v.Add(0, "answers."+c.ID, "认定条件“%s”须说明满足情况", c.Text.Zh)
		}
	}
	if len(a.Files) == 0 {
		v.Add(0, "files", "申请须附证明材料")
	}
	return v.Err("申请材料不完整")
}

// CertDecision is the ministry's decision on an application: approve with
// a validity period, return for more, or reject, with a comment.
type CertDecision struct {
	Decision CertAppState `json:"decision"` // approved, returned or rejected
	Comment  string       `json:"comment"`
	// ValidYears is the certificate's validity when approved (default 3).
	ValidYears int `json:"valid_years,omitempty"`
}

// Check validates a decision.
func (d *CertDecision) Check() error {
	var v Validation
	switch d.Decision {
	case CertAppApproved:
		if d.ValidYears == 0 {
			d.ValidYears = 3
		}
		if d.ValidYears < 1 || d.ValidYears > 5 {
			v.Add(0, "valid_years", "有效期应为1至5年")
		}
	case CertAppReturned, CertAppRejected:
		if strings.TrimSpace(d.Comment) == "" {
			v.Add(0, "comment", "退回或不予认定须说明理由")
		}
	default:
		v.Add(0, "decision", "审核结论须为认定、退回或不予认定")
	}
	return v.Err("审核意见有误")
}

// CertState is a certificate's recorded state; whether it is in force also
// depends on its validity period (CertStatus).
type CertState string

// Certificate states.
const (
	CertValid     CertState = "valid"
	CertSuspended CertState = "suspended"
	CertRevoked   CertState = "revoked"
	// CertExpired is never stored: a valid certificate past its period.
	CertExpired CertState = "expired"
)

// CertStates lists the states a certificate shows.
var CertStates = []CertState{CertValid, CertSuspended, CertRevoked, CertExpired}

// Certificate is a body's capability certificate.
type Certificate struct {
	ID            int64     `json:"id"`
	Number        string    `json:"number"`
	OrgID         int64     `json:"org_id"`
	OrgName       string    `json:"org_name"`
	Province      string    `json:"province"`
	Level         CertLevel `json:"level"`
	ValidFrom     time.Time `json:"valid_from"`
	ValidTo       time.Time `json:"valid_to"`
	State         CertState `json:"state"`
	Reason        string    `json:"reason,omitempty"`
	ApplicationID int64     `json:"application_id"`
	IssuedBy      string    `json:"issued_by"`
	IssuedAt      time.Time `json:"issued_at"`
	UpdatedAt     time.Time `json:"updated_at"`
}

// StatusAt is the certificate's standing at now: suspended and revoked as
// recorded, expired once its period has ended, valid otherwise.
func (c *Certificate) StatusAt(now time.Time) CertState {
	if c.State == CertValid && !now.Before(c.ValidTo) {
		return CertExpired
	}
	return c.State
}

// InForce reports whether the certificate lets its body take new
// engagements at now.
func (c *Certificate) InForce(now time.Time) bool {
	return c.State == CertValid && !now.Before(c.ValidFrom) && now.Before(c.ValidTo)
}

// CertAction changes a certificate's state: suspend, reinstate or revoke.
type CertAction string

// Certificate actions.
const (
	CertSuspend   CertAction = "suspend"
	CertReinstate CertAction = "reinstate"
	CertRevoke    CertAction = "revoke"
)

// CertTransition is the state an action leads to from a state, or an
// ECONFLICT error: a revoked certificate is final, an expired one cannot be
// reinstated (a new application is needed).
func CertTransition(from CertState, act CertAction) (CertState, error) {
	switch {
	case act == CertSuspend && from == CertValid:
		return CertSuspended, nil
	case act == CertReinstate && from == CertSuspended:
		return CertValid, nil
	case act == CertRevoke && (from == CertValid || from == CertSuspended):
		return CertRevoked, nil
	}
	return "", Errorf(ECONFLICT, "证书处于“%s”状态，不能%s", CertStateLabels[from], CertActionLabels[act])
}

// CertChange is a suspension, reinstatement or revocation with its reason.
type CertChange struct {
	Action CertAction `json:"action"`
	Reason string     `json:"reason"`
}

// Check validates a change: a known action and a reason of at most 500
// characters.
func (ch *CertChange) Check() error {
	var v Validation
	if _, ok := CertActionLabels[ch.Action]; !ok {
		v.Add(0, "action", "操作“%s”不存在", ch.Action)
	}
	ch.Reason = strings.TrimSpace(ch.Reason)
	if ch.Reason == "" || utf8.RuneCountInString(ch.Reason) > 500 {
		v.Add(0, "reason", "须说明理由（不超过500字）")
	}
	return v.Err("证书变更有误")
}

// CertFilter selects applications or certificates.
type CertFilter struct {
	OrgID int64  `json:"org_id,omitempty"`
	State string `json:"state,omitempty"`
	Level string `json:"level,omitempty"`
	ListOptions
}

// CertService keeps applications and the register of certificates.
// Applications are seen by the applying body, the ministry and support
// institutions; the register of certificates is public.
type CertService interface {
	CreateCertApplication(ctx context.Context, a *CertApplication) error
	FindCertApplication(ctx context.Context, id int64) (*CertApplication, error)
	ListCertApplications(ctx context.Context, f CertFilter) ([]*CertApplication, int, error)
	SaveCertApplication(ctx context.Context, id int64, answers map[string]CertAnswer) (*CertApplication, error)
	AttachCertEvidence(ctx context.Context, id int64, filename string, r io.Reader) (*Attachment, error)
	SubmitCertApplication(ctx context.Context, id int64) (*CertApplication, error)
	DecideCertApplication(ctx context.Context, id int64, d CertDecision) (*CertApplication, error)
	// Register lists certificates, public: any caller, even anonymous.
	Register(ctx context.Context, f CertFilter) ([]*Certificate, int, error)
	FindCertificate(ctx context.Context, id int64) (*Certificate, error)
	ChangeCertificate(ctx context.Context, id int64, ch CertChange) (*Certificate, error)
	// EngageableBodies lists the bodies holding a certificate in force that
	// covers need, for the choice of a third-party assessment's body.
	EngageableBodies(ctx context.Context, need CertLevel) ([]*Certificate, error)
}

// AttachmentService opens a file of a record to someone who sees the
// record; to anyone else it does not exist.
type AttachmentService interface {
	OpenAttachment(ctx context.Context, id int64) (*Attachment, io.ReadCloser, error)
}

// Attachment is a file kept with a record of the statistics-and-people
// modules (an application's evidence, a training's materials), stored by
// SHA-256 in the evidence store.
type Attachment struct {
	ID          int64     `json:"id"`
	OwnerKind   string    `json:"owner_kind"`
	OwnerID     int64     `json:"owner_id"`
	Filename    string    `json:"filename"`
	ContentType string    `json:"content_type"`
	Size        int64     `json:"size"`
	SHA256      string    `json:"sha256"`
	UploadedBy  string    `json:"uploaded_by"`
	UploadedAt  time.Time `json:"uploaded_at"`
}
