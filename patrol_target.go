package pinggu

import (
	"net/url"
	"slices"
	"strings"
	"time"
	"unicode/utf8"
)

// PatrolTargetKind is what a patrol target points at.
type PatrolTargetKind string

// Patrol target kinds: a whole site (its front page), one page, and an
// app-store listing page, whose app name, developer, description and
// category are what app-store supervision reads.
const (
	PatrolSite       PatrolTargetKind = "site"
	PatrolPage       PatrolTargetKind = "page"
	PatrolAppListing PatrolTargetKind = "app_listing"
)

// PatrolTargetKinds lists the kinds in display order.
var PatrolTargetKinds = []PatrolTargetKind{PatrolSite, PatrolPage, PatrolAppListing}

// Valid reports whether k is a known kind.
func (k PatrolTargetKind) Valid() bool { return slices.Contains(PatrolTargetKinds, k) }

// Where a target comes from.
const (
	PatrolFromLedger = "ledger" // a monitoring target of a service in the ledger
	PatrolFromList   = "list"   // an entry of a patrol list
)

// PatrolTarget is something patrol fetches: a service's site or app
// listing from the ledger, or an entry of a patrol list. It resolves to an
// owner organisation and a province when the ledger knows the owner; a
// target without a known owner is unassigned (OrgID 0), and one without a
// province (Province "") is seen by the ministry and the support analysts
// only.
type PatrolTarget struct {
	ID        int64            `json:"id"`
	Kind      PatrolTargetKind `json:"kind"`
	URL       string           `json:"url"`
	Name      string           `json:"name,omitempty"`
	ListID    int64            `json:"list_id,omitempty"`
	ServiceID int64            `json:"service_id,omitempty"`
	// OrgID is the owner; 0 when the ledger does not know it.
	OrgID    int64    `json:"org_id,omitempty"`
	Province string   `json:"province"`
	Category Category `json:"category,omitempty"`
	Tags     []string `json:"tags,omitempty"`
	Active   bool     `json:"active"`
	Note     string   `json:"note,omitempty"`

	// Read-only, filled by the store.
	Source        string     `json:"source"`
	Host          string     `json:"host"`
	ListName      string     `json:"list_name,omitempty"`
	ServiceName   string     `json:"service_name,omitempty"`
	OrgName       string     `json:"org_name,omitempty"`
	LastFetchedAt *time.Time `json:"last_fetched_at,omitempty"`
	LastStatus    int        `json:"last_status,omitempty"`
	LastVerdict   string     `json:"last_verdict,omitempty"`
	LastScore     int        `json:"last_score,omitempty"`
	LastError     string     `json:"last_error,omitempty"`
	OpenFindings  int        `json:"open_findings"`
	CreatedAt     time.Time  `json:"created_at"`
	UpdatedAt     time.Time  `json:"updated_at"`
}

// Unassigned reports whether the ledger does not know the target's owner.
func (t *PatrolTarget) Unassigned() bool { return t.OrgID == 0 }

// Normalize trims input and drops empty tags.
func (t *PatrolTarget) Normalize() {
	t.URL = strings.TrimSpace(t.URL)
	t.Name = strings.TrimSpace(t.Name)
	t.Note = strings.TrimSpace(t.Note)
	t.Province = strings.TrimSpace(t.Province)
	tags := make([]string, 0, len(t.Tags))
	for _, g := range t.Tags {
		if g = strings.TrimSpace(g); g != "" && !slices.Contains(tags, g) {
			tags = append(tags, g)
		}
	}
	t.Tags = tags
	if t.Kind == "" {
		t.Kind = PatrolPage
	}
}

// Validate adds every problem with t to v; line is the import line or 0.
func (t *PatrolTarget) Validate(v *Validation, line int) {
	if !t.Kind.Valid() {
		v.Add(line, "kind", "巡查目标类型“%s”不存在", t.Kind)
	}
	if _, err := PatrolTargetHost(t.URL); err != nil {
		v.Add(line, "url", "%s", ErrorMessage(err))
	}
	if utf8.RuneCountInString(t.Name) > 200 {
		v.Add(line, "name", "名称不得超过200个字符")
	}
	if t.Category != "" && !t.Category.Valid() {
		v.Add(line, "category", "业务类别“%s”不存在", t.Category)
	}
	if t.Province != "" {
		if _, ok := LookupProvince(t.Province); !ok {
			v.Add(line, "province", "省份代码“%s”不是GB/T 2260省级行政区划代码", t.Province)
		}
	}
	if len(t.Tags) > 20 {
		v.Add(line, "tags", "标签不得超过20个")
	}
}

// PatrolTargetHost checks that raw is an http or https address patrol can
// fetch and returns its host name in lower case, the key of the per-host
// rate limit and of owner resolution.
func PatrolTargetHost(raw string) (string, error) {
	u, err := url.Parse(strings.TrimSpace(raw))
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Hostname() == "" {
		return "", Errorf(EINVALID, "网址须为http或https网址")
	}
	if len(raw) > 2000 {
		return "", Errorf(EINVALID, "网址不得超过2000个字符")
	}
	return strings.ToLower(strings.TrimSuffix(u.Hostname(), ".")), nil
}

// PatrolTargetFilter selects targets.
type PatrolTargetFilter struct {
	Kind     PatrolTargetKind `json:"kind,omitempty"`
	Source   string           `json:"source,omitempty"` // ledger or list
	ListID   int64            `json:"list_id,omitempty"`
	OrgID    int64            `json:"org_id,omitempty"`
	Province string           `json:"province,omitempty"`
	Category Category         `json:"category,omitempty"`
	Tag      string           `json:"tag,omitempty"`
	// Unassigned selects targets whose owner the ledger does not know.
	Unassigned bool `json:"unassigned,omitempty"`
	// Risky selects targets with open findings.
	Risky bool   `json:"risky,omitempty"`
	Query string `json:"q,omitempty"` // part of the address or name
	ListOptions
}

// PatrolTargetImportRow is one target read from a CSV file; its owner is
// named by credit code or organisation name, or left empty.
type PatrolTargetImportRow struct {
	Line   int
	Target PatrolTarget
	Owner  string
}

// PatrolList is a patrol list kept by a support analyst, a ministry or a
// bureau officer: sites, pages and app-store listings to watch besides the
// ledger's. A bureau's list is of its province (Province set); a list of
// the ministry or a support institution is national (Province "").
type PatrolList struct {
	ID          int64  `json:"id"`
	Name        string `json:"name"`
	Description string `json:"description,omitempty"`
	Province    string `json:"province,omitempty"`

	// Read-only, filled by the store.
	KeeperOrgID int64     `json:"keeper_org_id,omitempty"`
	KeeperName  string    `json:"keeper_name,omitempty"`
	Targets     int       `json:"targets"`
	CreatedBy   string    `json:"created_by,omitempty"`
	CreatedAt   time.Time `json:"created_at"`
	UpdatedAt   time.Time `json:"updated_at"`
}

// Validate adds every problem with l to v.
func (l *PatrolList) Validate(v *Validation) {
	l.Name, l.Description = strings.TrimSpace(l.Name), strings.TrimSpace(l.Description)
	if l.Name == "" {
		v.Add(0, "name", "名单名称不能为空")
	} else if utf8.RuneCountInString(l.Name) > 100 {
		v.Add(0, "name", "名单名称不得超过100个字符")
	}
	if l.Province != "" {
		if _, ok := LookupProvince(l.Province); !ok {
			v.Add(0, "province", "省份代码“%s”不是GB/T 2260省级行政区划代码", l.Province)
		}
	}
}

// PatrolListFilter selects lists.
type PatrolListFilter struct {
	Province string `json:"province,omitempty"`
	ListOptions
}

// PatrolAllow is an allow-list entry: findings of Rule (or of every rule
// when Rule is "") on one target are not raised again, after an officer
// judged them false positives.
type PatrolAllow struct {
	ID        int64     `json:"id"`
	TargetID  int64     `json:"target_id"`
	Rule      string    `json:"rule,omitempty"`
	Reason    string    `json:"reason"`
	CreatedBy string    `json:"created_by,omitempty"`
	CreatedAt time.Time `json:"created_at"`
}

// Validate checks an allow-list entry.
func (a *PatrolAllow) Validate(v *Validation) {
	a.Rule, a.Reason = strings.TrimSpace(a.Rule), strings.TrimSpace(a.Reason)
	if a.Reason == "" {
		v.Add(0, "reason", "须说明加入白名单的理由")
	}
	if utf8.RuneCountInString(a.Reason) > 500 {
		v.Add(0, "reason", "理由不得超过500个字符")
	}
}
