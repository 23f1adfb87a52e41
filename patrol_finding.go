package pinggu

import (
	"net/http"
	"time"
)

// PatrolHop is one redirect a fetch followed (HTTP, meta refresh or script).
type PatrolHop struct {
	From   string `json:"from"`
	To     string `json:"to"`
	Kind   string `json:"kind"`
	Status int    `json:"status,omitempty"`
}

// PatrolSnapshot is the evidence of one fetch of a target as one identity:
// what was asked, where it led, what came back and when. The bytes are a
// blob named by their SHA-256, stored once however often the same content
// is fetched; the record and its hash go into the audit chain.
type PatrolSnapshot struct {
	ID            int64       `json:"id"`
	TargetID      int64       `json:"target_id"`
	RunID         int64       `json:"run_id,omitempty"`
	URL           string      `json:"url"`
	FinalURL      string      `json:"final_url"`
	As            string      `json:"as"`
	Redirects     []PatrolHop `json:"redirects"`
	Status        int         `json:"status"`
	Header        http.Header `json:"header,omitempty"`
	FetchedAt     time.Time   `json:"fetched_at"`
	Charset       string      `json:"charset"`
	CharsetSource string      `json:"charset_source"`
	SHA256        string      `json:"sha256"`
	Size          int64       `json:"size"`
	Truncated     bool        `json:"truncated,omitempty"`
	// Error is the failure's reason code ("" for a fetch that succeeded),
	// ErrorDetail its words.
	Error       string `json:"error,omitempty"`
	ErrorDetail string `json:"error_detail,omitempty"`
	Verdict     string `json:"verdict"`
	Score       int    `json:"score"`
	// ScreenshotSHA256 names a PNG of the page as a browser showed it.
	ScreenshotSHA256 string `json:"screenshot_sha256,omitempty"`

	// Read-only, filled by the store.
	OrgID    int64  `json:"org_id,omitempty"`
	Province string `json:"province"`
	AuditSeq int64  `json:"audit_seq,omitempty"`
}

// PatrolSnapshotFilter selects snapshots.
type PatrolSnapshotFilter struct {
	TargetID int64 `json:"target_id,omitempty"`
	RunID    int64 `json:"run_id,omitempty"`
	ListOptions
}

// PatrolHit is one rule's evidence in one inspection of a target, as the
// fetch job hands it to the store: the rule, its category and severity,
// the term and text matched, where, and as whom.
type PatrolHit struct {
	Rule     string `json:"rule"`
	Pack     string `json:"pack,omitempty"`
	Category string `json:"category"`
	Severity string `json:"severity,omitempty"`
	Term     string `json:"term"`
	Text     string `json:"text"`
	Location string `json:"location,omitempty"`
	As       string `json:"as"`
}

// PatrolObservation is what one inspection of a target found, handed by a
// fetch job to the store, which records it in one transaction: the
// snapshots and their blobs, the findings, the warning it raises or the
// verification it completes, and the audit entry.
type PatrolObservation struct {
	RunID    int64
	TargetID int64
	// Snapshots are the variants, the browser's first; Blobs their bytes
	// (and a screenshot's) by SHA-256.
	Snapshots []*PatrolSnapshot
	Blobs     map[string][]byte
	Verdict   string
	Score     int
	Hits      []PatrolHit
	// Cloaking says the page shows different harm to different visitors;
	// CloakingDetail says how (Chinese).
	Cloaking       bool
	CloakingDetail string
	// Unreachable says the page could not be fetched at all (refused,
	// DNS, timeouts, HTTP 404/410): what a closed site or a taken-down app
	// looks like.
	Unreachable bool
	// Gone says the page answered that it is gone (404, 410) or that the
	// app was taken down (下架).
	Gone bool
}

// PatrolFindingState is where a finding stands.
type PatrolFindingState string

// Finding states: open while the page shows it; resolved once a fetch no
// longer does; false positive when an officer judged it so.
const (
	FindingOpen          PatrolFindingState = "open"
	FindingResolved      PatrolFindingState = "resolved"
	FindingFalsePositive PatrolFindingState = "false_positive"
)

// PatrolFinding is one rule seen on one target: a page that stays bad is
// one open finding seen N times across rounds, not N findings.
type PatrolFinding struct {
	ID          int64              `json:"id"`
	TargetID    int64              `json:"target_id"`
	Rule        string             `json:"rule"`
	Pack        string             `json:"pack,omitempty"`
	Category    string             `json:"category"`
	Severity    string             `json:"severity,omitempty"`
	Term        string             `json:"term"`
	Excerpt     string             `json:"excerpt"`
	Location    string             `json:"location,omitempty"`
	As          string             `json:"as"`
	State       PatrolFindingState `json:"state"`
	SeenCount   int                `json:"seen_count"`
	FirstSeenAt time.Time          `json:"first_seen_at"`
	LastSeenAt  time.Time          `json:"last_seen_at"`
	ClosedAt    *time.Time         `json:"closed_at,omitempty"`
	SnapshotID  int64              `json:"snapshot_id,omitempty"`
	WarningID   int64              `json:"warning_id,omitempty"`

	// Read-only: the target's.
	URL      string `json:"url"`
	OrgID    int64  `json:"org_id,omitempty"`
	OrgName  string `json:"org_name,omitempty"`
	Province string `json:"province"`
}

// PatrolFindingFilter selects findings.
type PatrolFindingFilter struct {
	TargetID int64              `json:"target_id,omitempty"`
	State    PatrolFindingState `json:"state,omitempty"`
	Category string             `json:"category,omitempty"`
	Rule     string             `json:"rule,omitempty"`
	Province string             `json:"province,omitempty"`
	ListOptions
}

// PatrolRuleStat is how well a rule has done: its findings, and how many
// of them officers judged false positives.
type PatrolRuleStat struct {
	Rule           string  `json:"rule"`
	Category       string  `json:"category"`
	Findings       int     `json:"findings"`
	FalsePositives int     `json:"false_positives"`
	Precision      float64 `json:"precision"`
}

// Precision is the share of a rule's findings that were not false
// positives; 1 for a rule with none yet.
func Precision(findings, falsePositives int) float64 {
	if findings <= 0 {
		return 1
	}
	return float64(findings-falsePositives) / float64(findings)
}
