package pinggu

import (
	"context"
	"io"
	"time"
)

// StandardRef pins the exact version of a standard an assessment uses, so a
// later version never changes an assessment already under way.
type StandardRef struct {
	ID      string `json:"id"`
	Version string `json:"version"`
	Digest  string `json:"digest,omitempty"` // of the canonical YAML, proving it unchanged
	Title   string `json:"title,omitempty"`
}

// ItemKey names one item of one standard in an assessment: "general/GEN-1.2".
type ItemKey string

// AssessmentItem is one item to answer, with the standard's text the
// assessor needs beside the answer.
type AssessmentItem struct {
	Key ItemKey `json:"key"`
	// N is the item's number: its 1-based position in the assessment, as
	// the answering screen, the report and error messages name it.
	N           int      `json:"n"`
	StandardID  string   `json:"standard_id"`
	Section     string   `json:"section"`
	Requirement string   `json:"requirement"`
	Title       string   `json:"title,omitempty"` // short English title
	Guidance    string   `json:"guidance,omitempty"`
	Evidence    []string `json:"evidence_expected,omitempty"`
	Risks       []string `json:"risks,omitempty"`
	Severity    string   `json:"severity"`
	Weight      float64  `json:"weight"`

	Answer          Answer `json:"answer,omitempty"`
	Reason          string `json:"reason,omitempty"` // why not applicable
	Notes           string `json:"notes,omitempty"`
	ReviewerComment string `json:"reviewer_comment,omitempty"`
	// EvidenceFiles are the files attached to this item.
	EvidenceFiles []*Evidence `json:"evidence_files,omitempty"`
}

// Assessment is a security assessment of one service against the applicable
// standards.
type Assessment struct {
	ID        int64           `json:"id"`
	ServiceID int64           `json:"service_id"`
	Kind      AssessmentKind  `json:"kind"`
	State     AssessmentState `json:"state"`
	Title     string          `json:"title"`
	Standards []StandardRef   `json:"standards"`
	// StandardsReason explains a choice of standards other than the ones the
	// service's category calls for.
	StandardsReason string `json:"standards_reason,omitempty"`
	// AssessorOrgID is the certified third-party body engaged for a
	// third-party assessment; its assessors see only this engagement.
	AssessorOrgID int64 `json:"assessor_org_id,omitempty"`
	// OrderedByOrgID is the regulator that ordered a special assessment.
	OrderedByOrgID int64      `json:"ordered_by_org_id,omitempty"`
	DueAt          *time.Time `json:"due_at,omitempty"`

	// Read-only, filled by the store.
	OrgID        int64    `json:"org_id"`
	OrgName      string   `json:"org_name,omitempty"`
	ServiceName  string   `json:"service_name,omitempty"`
	Category     Category `json:"category,omitempty"`
	Province     string   `json:"province"`
	AssessorName string   `json:"assessor_org_name,omitempty"`
	// AssessorLevel is the level of the engaged body's certificate in force
	// now, empty when it holds none (expired, suspended or revoked).
	AssessorLevel CertLevel         `json:"assessor_level,omitempty"`
	Version       int               `json:"version"` // submissions so far
	Score         *Score            `json:"score,omitempty"`
	Items         []*AssessmentItem `json:"items,omitempty"`
	ReviewSummary string            `json:"review_summary,omitempty"`
	// AcceptReason is why the latest review accepted it despite its risks.
	AcceptReason string     `json:"accept_reason,omitempty"`
	SubmittedAt  *time.Time `json:"submitted_at,omitempty"`
	ReviewedAt   *time.Time `json:"reviewed_at,omitempty"`
	CreatedAt    time.Time  `json:"created_at"`
	UpdatedAt    time.Time  `json:"updated_at"`
}

// ScoredItems returns the items as the scoring function takes them.
func (a *Assessment) ScoredItems() []ScoredItem {
	out := make([]ScoredItem, len(a.Items))
	for i, it := range a.Items {
		out[i] = ScoredItem{ID: string(it.Key), Weight: it.Weight, Severity: it.Severity, Answer: it.Answer}
	}
	return out
}

// ItemAnswer is an assessor's input for one item; nil fields are left as
// they are, so a partial save never erases other input.
type ItemAnswer struct {
	Key    ItemKey `json:"key"`
	Answer *Answer `json:"answer,omitempty"`
	Reason *string `json:"reason,omitempty"`
	Notes  *string `json:"notes,omitempty"`
}

// Evidence is a file attached to an item, stored by the SHA-256 of its
// content.
type Evidence struct {
	ID           int64     `json:"id"`
	AssessmentID int64     `json:"assessment_id"`
	Key          ItemKey   `json:"key"`
	Filename     string    `json:"filename"`
	ContentType  string    `json:"content_type"`
	Size         int64     `json:"size"`
	SHA256       string    `json:"sha256"`
	UploadedBy   string    `json:"uploaded_by"`
	UploadedAt   time.Time `json:"uploaded_at"`
}

// MaxEvidenceSize bounds one evidence file.
const MaxEvidenceSize = 20 << 20

// Submission is one submitted version of an assessment, kept whole so a
// reviewer can compare it with the previous one.
type Submission struct {
	Version     int                   `json:"version"`
	SubmittedAt time.Time             `json:"submitted_at"`
	SubmittedBy string                `json:"submitted_by"`
	Score       Score                 `json:"score"`
	Answers     map[ItemKey]ItemState `json:"answers"`
	// Decision is accepted or returned once reviewed, empty before.
	Decision   AssessmentState    `json:"decision,omitempty"`
	ReviewedBy string             `json:"reviewed_by,omitempty"`
	ReviewedAt *time.Time         `json:"reviewed_at,omitempty"`
	Summary    string             `json:"summary,omitempty"`
	Comments   map[ItemKey]string `json:"comments,omitempty"`
	// AcceptReason is the reviewer's reason for accepting despite the risks.
	AcceptReason string `json:"accept_reason,omitempty"`
	// SubmittedByName and ReviewedByName are the people's names when they
	// acted, for the history (older versions have only the usernames).
	SubmittedByName string `json:"submitted_by_name,omitempty"`
	ReviewedByName  string `json:"reviewed_by_name,omitempty"`
}

// Submitter names who submitted the version: the person's name and
// username, or the username alone for versions kept before names were.
func (s *Submission) Submitter() string { return personName(s.SubmittedByName, s.SubmittedBy) }

// Reviewer names who reviewed the version, as Submitter does.
func (s *Submission) Reviewer() string { return personName(s.ReviewedByName, s.ReviewedBy) }

func personName(name, username string) string {
	switch {
	case username == SystemActor.Username:
		return SystemActor.Name
	case name == "" || name == username:
		return username
	}
	return name + "（" + username + "）"
}

// ItemState is an item's answer as submitted.
type ItemState struct {
	Answer   Answer   `json:"answer"`
	Reason   string   `json:"reason,omitempty"`
	Notes    string   `json:"notes,omitempty"`
	Evidence []string `json:"evidence,omitempty"` // SHA-256 of each file
}

// ReviewDecision is a regulator's verdict on a submission.
type ReviewDecision struct {
	Decision AssessmentState    `json:"decision"` // accepted or returned
	Summary  string             `json:"summary"`
	Comments map[ItemKey]string `json:"comments,omitempty"`
	// AcceptReason is why an assessment is accepted despite its risks; an
	// acceptance needs one when NeedsAcceptReason says so.
	AcceptReason string `json:"accept_reason,omitempty"`
}

// AssessmentFilter selects assessments.
type AssessmentFilter struct {
	ServiceID int64           `json:"service_id,omitempty"`
	OrgID     int64           `json:"org_id,omitempty"`
	Province  string          `json:"province,omitempty"`
	Kind      AssessmentKind  `json:"kind,omitempty"`
	State     AssessmentState `json:"state,omitempty"`
	Query     string          `json:"q,omitempty"`
	// Submitted and Reviewed keep assessments last submitted or decided in
	// a year ("2026") or a month ("2026-05") of China Standard Time.
	Submitted string `json:"submitted,omitempty"`
	Reviewed  string `json:"reviewed,omitempty"`
	// Timely keeps submissions made by their due date ("on_time") or after
	// it ("late").
	Timely string `json:"timely,omitempty"`
	// Overdue keeps assessments still to be answered past their due date.
	Overdue bool `json:"overdue,omitempty"`
	ListOptions
}

// ReviewDueFilter selects the periodic reviews due.
type ReviewDueFilter struct {
	Status   ReviewStatus `json:"status,omitempty"`
	Province string       `json:"province,omitempty"`
	ListOptions
}

// ReviewDue is a launched service's next periodic review.
type ReviewDue struct {
	ServiceID   int64        `json:"service_id"`
	ServiceName string       `json:"service_name"`
	OrgID       int64        `json:"org_id"`
	OrgName     string       `json:"org_name"`
	Province    string       `json:"province"`
	Category    Category     `json:"category"`
	DueAt       time.Time    `json:"due_at"`
	Status      ReviewStatus `json:"status"`
}

// AssessmentService keeps assessments. Scope: the owner's ledger scope, and
// for third-party assessors the assessments their body is engaged for.
type AssessmentService interface {
	// CreateAssessment starts a draft for a service; with no Standards given
	// it takes the current versions applicable to the service's category.
	CreateAssessment(ctx context.Context, a *Assessment) error
	FindAssessment(ctx context.Context, id int64) (*Assessment, error)
	ListAssessments(ctx context.Context, f AssessmentFilter) ([]*Assessment, int, error)
	SaveAnswers(ctx context.Context, id int64, answers []ItemAnswer) (*Assessment, error)
	AddEvidence(ctx context.Context, id int64, key ItemKey, filename string, r io.Reader) (*Evidence, error)
	// OpenEvidence returns a file only to someone who may see its assessment.
	OpenEvidence(ctx context.Context, evidenceID int64) (*Evidence, io.ReadCloser, error)
	DeleteEvidence(ctx context.Context, evidenceID int64) error
	// Submit checks every item is answered, scores the answers, keeps them as
	// a new version and records non-compliant items as findings.
	Submit(ctx context.Context, id int64) (*Assessment, error)
	// StartReview takes a submitted assessment into review (regulators).
	StartReview(ctx context.Context, id int64) (*Assessment, error)
	// Review accepts or returns an assessment under review (regulators).
	Review(ctx context.Context, id int64, d ReviewDecision) (*Assessment, error)
	Submissions(ctx context.Context, id int64) ([]*Submission, error)
	// ReviewsDue lists launched services in scope by next review date.
	ReviewsDue(ctx context.Context, status ReviewStatus, o ListOptions) ([]*ReviewDue, int, error)
	// ListReviewsDue is ReviewsDue narrowed to a province, as the
	// dashboard's ranking links to it.
	ListReviewsDue(ctx context.Context, f ReviewDueFilter) ([]*ReviewDue, int, error)
}

// StandardInfo describes one published version of a standard: shipped in the
// binary or imported by the ministry.
type StandardInfo struct {
	ID         string     `json:"id"`
	Version    string     `json:"version"`
	TitleZh    string     `json:"title_zh"`
	TitleEn    string     `json:"title_en"`
	AppliesTo  []string   `json:"applies_to"`
	Items      int        `json:"items"`
	Digest     string     `json:"digest"`
	Builtin    bool       `json:"builtin"`
	Current    bool       `json:"current"` // the version new assessments take
	ImportedAt *time.Time `json:"imported_at,omitempty"`
}

// StandardService keeps the library of standards: the shipped ones and the
// versions imported since. A published version never changes.
type StandardService interface {
	ListStandards(ctx context.Context) ([]*StandardInfo, error)
	// ApplicableStandards lists the current standards that apply to a
	// category, general ones first: what a new assessment takes by default.
	ApplicableStandards(ctx context.Context, category Category) ([]*StandardInfo, error)
	// ImportStandard validates and publishes a new standard or version; an
	// invalid file's error names every problem's line and field.
	ImportStandard(ctx context.Context, filename string, yaml []byte) (*StandardInfo, error)
	// StandardYAML returns the canonical YAML of id at version ("" for current).
	StandardYAML(ctx context.Context, id, version string) ([]byte, error)
}
