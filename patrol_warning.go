package pinggu

import (
	"fmt"
	"slices"
	"strings"
	"time"
	"unicode/utf8"
)

// WarningLevel is how grave an early warning (预警) is.
type WarningLevel string

// Warning levels, from the least grave: 一般, 较大, 重大.
const (
	LevelGeneral     WarningLevel = "general"
	LevelSignificant WarningLevel = "significant"
	LevelMajor       WarningLevel = "major"
)

// WarningLevels lists the levels from the least grave.
var WarningLevels = []WarningLevel{LevelGeneral, LevelSignificant, LevelMajor}

// Valid reports whether l is a known level.
func (l WarningLevel) Valid() bool { return slices.Contains(WarningLevels, l) }

// Rank orders levels: 1 general, 2 significant, 3 major (0 unknown).
func (l WarningLevel) Rank() int { return slices.Index(WarningLevels, l) + 1 }

// Harm classes of detect's categories, by how much harm they do to the
// people who meet them.
var (
	// graveHarms endanger life and public safety.
	graveHarms = []string{"terror", "drugs", "weapons"}
	// seriousHarms take people's money or exploit them.
	seriousHarms = []string{"fraud", "gambling", "pornography", "spoofing", "card-trading"}
)

// WarningScoreThreshold is the score from which a patrol finding raises an
// early warning: detect's own threshold of a risky page.
const WarningScoreThreshold = 40

// Reach thresholds: how many of the owner's targets show harm at once.
const (
	reachWide    = 10
	reachMassive = 50
)

// LevelFor is the level of a warning from the page's score (0–100), the
// category of its gravest harm and its reach (the number of the site's
// pages or listings showing harm when it is raised). Threats to life and
// public safety are at least 较大, and 重大 when the score is high or the
// harm is spread; fraud, gambling, pornography, spoofing and card trading
// are 一般, 较大 with a high score or a wide reach, 重大 with both or a
// massive reach; spam and cloaking alone are 一般 unless massive.
func LevelFor(score int, category string, reach int) WarningLevel {
	high := score >= 80
	switch {
	case slices.Contains(graveHarms, category):
		if high || reach >= reachWide {
			return LevelMajor
		}
		return LevelSignificant
	case slices.Contains(seriousHarms, category):
		switch {
		case high && reach >= reachWide, reach >= reachMassive:
			return LevelMajor
		case high, reach >= reachWide:
			return LevelSignificant
		}
		return LevelGeneral
	}
	if reach >= reachMassive {
		return LevelSignificant
	}
	return LevelGeneral
}

// GravestCategory picks, of the categories seen, the one whose harm class
// is gravest (ties by the order given), so a page with spam and fraud is
// warned of as fraud.
func GravestCategory(categories []string) string {
	best, rank := "", -1
	for _, c := range categories {
		r := 0
		switch {
		case slices.Contains(graveHarms, c):
			r = 2
		case slices.Contains(seriousHarms, c):
			r = 1
		}
		if r > rank {
			best, rank = c, r
		}
	}
	return best
}

// DisposalWindow is how long the owner has to dispose of a warning of a
// level before it is overdue and escalates: a day for 重大, three for 较大,
// a week for 一般.
func DisposalWindow(l WarningLevel) time.Duration {
	switch l {
	case LevelMajor:
		return 24 * time.Hour
	case LevelSignificant:
		return 72 * time.Hour
	}
	return 7 * 24 * time.Hour
}

// WarningState is where a warning stands in its lifecycle.
type WarningState string

// The lifecycle: new → acknowledged → disposed → (verified by an automatic
// re-fetch) closed. A re-fetch that still finds the harm sends a disposed
// warning back to acknowledged.
const (
	WarningNew          WarningState = "new"
	WarningAcknowledged WarningState = "acknowledged"
	WarningDisposed     WarningState = "disposed"
	WarningClosed       WarningState = "closed"
)

// WarningStates lists the states in lifecycle order.
var WarningStates = []WarningState{WarningNew, WarningAcknowledged, WarningDisposed, WarningClosed}

// Valid reports whether s is a known state.
func (s WarningState) Valid() bool { return slices.Contains(WarningStates, s) }

// Open reports whether the warning still asks something of someone.
func (s WarningState) Open() bool { return s != WarningClosed }

var warningTransitions = map[WarningState][]WarningState{
	WarningNew:          {WarningAcknowledged},
	WarningAcknowledged: {WarningDisposed},
	WarningDisposed:     {WarningClosed, WarningAcknowledged},
}

// CheckWarningTransition decides whether a warning may move from one state
// to another.
func CheckWarningTransition(from, to WarningState) error {
	if slices.Contains(warningTransitions[from], to) {
		return nil
	}
	return Errorf(ECONFLICT, "预警状态不能由“%s”变更为“%s”", WarningStateLabels[from].Zh, WarningStateLabels[to].Zh)
}

// Disposal is how a warning was dealt with.
type Disposal string

// Disposals: the content removed, the site closed, the app taken down, or
// the warning judged a false positive (with a reason).
const (
	DisposalContentRemoved Disposal = "content_removed"
	DisposalSiteClosed     Disposal = "site_closed"
	DisposalAppTakenDown   Disposal = "app_taken_down"
	DisposalFalsePositive  Disposal = "false_positive"
)

// Disposals lists the disposals.
var Disposals = []Disposal{DisposalContentRemoved, DisposalSiteClosed, DisposalAppTakenDown, DisposalFalsePositive}

// Valid reports whether d is a known disposal.
func (d Disposal) Valid() bool { return slices.Contains(Disposals, d) }

// PatrolDisposal is a disposal as the owner or an officer reports it.
type PatrolDisposal struct {
	Disposal Disposal `json:"disposal"`
	Note     string   `json:"note,omitempty"`
	// AllowList, for a false positive, adds the warning's rules on its
	// target to the allow-list so they are not raised again.
	AllowList bool `json:"allow_list,omitempty"`
}

// Check validates a disposal: a known kind, and a false positive needs a
// reason.
func (d *PatrolDisposal) Check() error {
	var v Validation
	d.Note = strings.TrimSpace(d.Note)
	if !d.Disposal.Valid() {
		v.Add(0, "disposal", "处置方式“%s”不存在", d.Disposal)
	}
	if d.Disposal == DisposalFalsePositive && d.Note == "" {
		v.Add(0, "note", "认定误报须说明理由")
	}
	if utf8.RuneCountInString(d.Note) > 2000 {
		v.Add(0, "note", "说明不得超过2000个字符")
	}
	return v.Err("处置信息有误")
}

// Verified decides whether a re-fetch confirms a disposal: a false positive
// needs nothing of the page; a closed site or a taken-down app is
// confirmed when the page is gone or unreachable, or no longer shows the
// warned rules; removed content when the rules are no longer seen.
func Verified(d Disposal, o *PatrolObservation, warnedRules []string) bool {
	if d == DisposalFalsePositive {
		return true
	}
	if (d == DisposalSiteClosed || d == DisposalAppTakenDown) && (o.Gone || o.Unreachable) {
		return true
	}
	if o.Unreachable && !o.Gone {
		return false // a failed fetch shows nothing either way
	}
	for _, h := range o.Hits {
		if slices.Contains(warnedRules, h.Rule) {
			return false
		}
	}
	return true
}

// PatrolWarning is an early warning (预警) raised from a target's findings,
// routed to the bureau of the target's province, the owning enterprise (for
// an app listing, the store's operator) and the support analysts' queue.
type PatrolWarning struct {
	ID       int64        `json:"id"`
	TargetID int64        `json:"target_id"`
	Level    WarningLevel `json:"level"`
	Category string       `json:"category"`
	Score    int          `json:"score"`
	Reach    int          `json:"reach"`
	State    WarningState `json:"state"`
	Title    string       `json:"title"`
	Summary  string       `json:"summary"`
	// Rules are the rules the warning is about.
	Rules      []string `json:"rules"`
	SeenCount  int      `json:"seen_count"`
	SnapshotID int64    `json:"snapshot_id,omitempty"`
	AppListing bool     `json:"app_listing,omitempty"`

	DueAt          time.Time  `json:"due_at"`
	Escalations    int        `json:"escalations"`
	EscalatedAt    *time.Time `json:"escalated_at,omitempty"`
	AcknowledgedAt *time.Time `json:"acknowledged_at,omitempty"`
	AcknowledgedBy string     `json:"acknowledged_by,omitempty"`
	Disposal       Disposal   `json:"disposal,omitempty"`
	DisposalNote   string     `json:"disposal_note,omitempty"`
	DisposedAt     *time.Time `json:"disposed_at,omitempty"`
	DisposedBy     string     `json:"disposed_by,omitempty"`
	VerifyRunID    int64      `json:"verify_run_id,omitempty"`
	VerifiedAt     *time.Time `json:"verified_at,omitempty"`
	// VerifyNote says what the last verification re-fetch found.
	VerifyNote string     `json:"verify_note,omitempty"`
	ClosedAt   *time.Time `json:"closed_at,omitempty"`
	CreatedAt  time.Time  `json:"created_at"`
	UpdatedAt  time.Time  `json:"updated_at"`

	// Read-only: the target's.
	URL        string `json:"url"`
	TargetName string `json:"target_name,omitempty"`
	OrgID      int64  `json:"org_id,omitempty"`
	OrgName    string `json:"org_name,omitempty"`
	Province   string `json:"province"`
	// Findings are the warning's findings (FindPatrolWarning only).
	Findings []*PatrolFinding `json:"findings,omitempty"`
}

// Overdue reports whether the warning was not disposed of by its due time.
func (w *PatrolWarning) Overdue(now time.Time) bool {
	return (w.State == WarningNew || w.State == WarningAcknowledged) && now.After(w.DueAt)
}

// WarningSubject is a warning as the policy sees it.
func WarningSubject(w *PatrolWarning) Subject {
	return Subject{OrgID: w.OrgID, Province: w.Province, State: string(w.State)}
}

// WarningRecipients are who a warning goes to, and nobody else: the bureau
// of the target's province, the owning enterprise (the store's operator for
// an app listing) and the support analysts' queue. An escalation of an
// overdue warning adds the ministry.
func WarningRecipients(w *PatrolWarning, escalated bool) []Recipient {
	var out []Recipient
	if w.Province != "" {
		out = append(out, Recipient{Party: PartyBureau, Province: w.Province})
	}
	if w.OrgID != 0 {
		out = append(out, Recipient{Party: PartyEnterprise, OrgID: w.OrgID})
	}
	out = append(out, Recipient{Party: PartySupport})
	if escalated || w.Province == "" {
		out = append(out, Recipient{Party: PartyMinistry})
	}
	return out
}

// WarningTitle is the formal title of a warning.
func WarningTitle(level WarningLevel, category, url string, app bool) string {
	what := "网站"
	if app {
		what = "应用商店应用"
	}
	return fmt.Sprintf("【%s预警】%s涉嫌%s有害信息：%s", WarningLevelLabels[level].Zh, what, HarmLabel(category).Zh, url)
}

// WarningSummary is the formal message of a new warning, fixed when it is
// raised.
func WarningSummary(w *PatrolWarning) string {
	act := "请属地通信管理局督促相关单位立即核查并清理有害信息"
	if w.AppListing {
		act = "请应用商店运营者立即核查并下架相关应用"
	}
	return fmt.Sprintf("巡查发现%s存在%s类有害信息（风险评分%d，涉及页面%d个），预警级别为%s。%s，并于%s前在平台上报处置结果。",
		w.URL, HarmLabel(w.Category).Zh, w.Score, w.Reach, WarningLevelLabels[w.Level].Zh, act, w.DueAt.In(ChinaTime).Format("2006年1月2日15时04分"))
}

// PatrolWarningFilter selects warnings.
type PatrolWarningFilter struct {
	State    WarningState `json:"state,omitempty"`
	Level    WarningLevel `json:"level,omitempty"`
	Category string       `json:"category,omitempty"`
	Province string       `json:"province,omitempty"`
	TargetID int64        `json:"target_id,omitempty"`
	// Open selects warnings not yet closed; Overdue those past their due
	// time and not disposed of.
	Open    bool `json:"open,omitempty"`
	Overdue bool `json:"overdue,omitempty"`
	ListOptions
}
