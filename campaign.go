package pinggu

import (
	"context"
	"slices"
	"strings"
	"time"
	"unicode/utf8"
)

// CampaignKind is a special inspection campaign or a daily supervision
// visit.
type CampaignKind string

// Campaign kinds.
const (
	CampaignSpecial CampaignKind = "special" // 专项检查: a scope of enterprises
	CampaignDaily   CampaignKind = "daily"   // 日常督查: one enterprise
)

// CampaignKinds lists the kinds.
var CampaignKinds = []CampaignKind{CampaignSpecial, CampaignDaily}

// Valid reports whether k is a campaign kind.
func (k CampaignKind) Valid() bool { return slices.Contains(CampaignKinds, k) }

// CampaignState is open while inspections are recorded, closed after.
type CampaignState string

// Campaign states.
const (
	CampaignOpen   CampaignState = "open"
	CampaignClosed CampaignState = "closed"
)

// CheckItem is one item of a campaign's checklist, drawn from a standard.
type CheckItem struct {
	Key         ItemKey `json:"key"` // standard/item, as in assessments
	Requirement string  `json:"requirement"`
	Severity    string  `json:"severity"`
}

// Campaign is a special inspection (专项检查) or a daily supervision visit
// (日常督查) by a regulator.
type Campaign struct {
	ID         int64         `json:"id"`
	Kind       CampaignKind  `json:"kind"`
	Title      string        `json:"title"`
	Issuer     string        `json:"issuer"` // the regulator's province, "" for the ministry
	IssuerName string        `json:"issuer_name,omitempty"`
	Province   string        `json:"province"` // the scope's province; "" for national
	Category   Category      `json:"category,omitempty"`
	OrgID      int64         `json:"org_id,omitempty"` // one enterprise (daily visits)
	OrgName    string        `json:"org_name,omitempty"`
	Checklist  []CheckItem   `json:"checklist"`
	StartsOn   time.Time     `json:"starts_on"`
	EndsOn     time.Time     `json:"ends_on"`
	Inspectors []string      `json:"inspectors"`
	State      CampaignState `json:"state"`
	CreatedBy  string        `json:"created_by,omitempty"`
	CreatedAt  time.Time     `json:"created_at"`
	// Progress, filled by the store.
	Inspections int `json:"inspections"`
	Failed      int `json:"failed"` // inspections with a failed item
	Ordered     int `json:"ordered"`
}

// Validate adds every problem with c to v.
func (c *Campaign) Validate(v *Validation) {
	c.Title = strings.TrimSpace(c.Title)
	if !c.Kind.Valid() {
		v.Add(0, "kind", "检查类型“%s”不存在", c.Kind)
	}
	if c.Title == "" || utf8.RuneCountInString(c.Title) > 200 {
		v.Add(0, "title", "检查名称须为1至200个字符")
	}
	if c.Category != "" && !c.Category.Valid() {
		v.Add(0, "category", "业务类别“%s”不存在", c.Category)
	}
	if c.Province != "" {
		if _, ok := LookupProvince(c.Province); !ok {
			v.Add(0, "province", "省份代码“%s”不存在", c.Province)
		}
	}
	if c.Kind == CampaignDaily && c.OrgID == 0 {
		v.Add(0, "org_id", "日常督查须指定一家企业")
	}
	if len(c.Checklist) == 0 {
		v.Add(0, "checklist", "检查清单至少包含一项")
	}
	if c.StartsOn.IsZero() {
		v.Add(0, "starts_on", "请填写检查开始日期")
	}
	if c.EndsOn.IsZero() || (!c.StartsOn.IsZero() && c.EndsOn.Before(c.StartsOn)) {
		v.Add(0, "ends_on", "检查结束日期须不早于开始日期")
	}
	var names []string
	for _, n := range c.Inspectors {
		if n = strings.TrimSpace(n); n != "" {
			names = append(names, n)
		}
	}
	c.Inspectors = names
	if len(names) == 0 {
		v.Add(0, "inspectors", "至少指定一名检查人员")
	}
}

// CheckResult is the result of one checklist item at one enterprise.
type CheckResult string

// Check results.
const (
	CheckPass CheckResult = "pass"
	CheckFail CheckResult = "fail"
	CheckNA   CheckResult = "na"
)

// Valid reports whether r is a result.
func (r CheckResult) Valid() bool { return r == CheckPass || r == CheckFail || r == CheckNA }

// InspectionItem is one checklist item's result at an inspection.
type InspectionItem struct {
	ID          int64       `json:"id"`
	Key         ItemKey     `json:"key"`
	Requirement string      `json:"requirement"`
	Severity    string      `json:"severity"`
	Result      CheckResult `json:"result"`
	Note        string      `json:"note,omitempty"`
}

// Inspection is a campaign's record of one enterprise: who inspected when,
// and the result of each checklist item.
type Inspection struct {
	ID          int64             `json:"id"`
	CampaignID  int64             `json:"campaign_id"`
	Campaign    string            `json:"campaign,omitempty"`
	OrgID       int64             `json:"org_id"`
	OrgName     string            `json:"org_name,omitempty"`
	Province    string            `json:"province"`
	ServiceID   int64             `json:"service_id,omitempty"`
	Inspector   string            `json:"inspector"`
	InspectedOn time.Time         `json:"inspected_on"`
	Summary     string            `json:"summary,omitempty"`
	Items       []*InspectionItem `json:"items,omitempty"`
	Failed      int               `json:"failed"`
	OrderID     int64             `json:"order_id,omitempty"` // the order its failures became
	CreatedAt   time.Time         `json:"created_at"`
	// CampaignState is the campaign's: partner departments comment and
	// sign off while it is open.
	CampaignState CampaignState `json:"campaign_state"`
}

// JointSubject is an inspection as the policy sees it for the joint
// actions of its regulators.
func (in *Inspection) JointSubject() Subject {
	return Subject{Kind: JointOfInspection, Province: in.Province, State: string(in.CampaignState)}
}

// CampaignFilter selects campaigns.
type CampaignFilter struct {
	Kind  CampaignKind  `json:"kind,omitempty"`
	State CampaignState `json:"state,omitempty"`
	ListOptions
}

// InspectionFilter selects inspection records.
type InspectionFilter struct {
	CampaignID int64 `json:"campaign_id,omitempty"`
	OrgID      int64 `json:"org_id,omitempty"`
	FailedOnly bool  `json:"failed,omitempty"`
	ListOptions
}

// SpecialOrder orders special assessments of every stock (launched) service
// of a category in a campaign's scope at once.
type SpecialOrder struct {
	Category Category  `json:"category"`
	DueAt    time.Time `json:"due_at"`
}

// CampaignService keeps inspection campaigns and their records. A campaign
// is the regulators'; an inspection record is scoped like the enterprise.
type CampaignService interface {
	CreateCampaign(ctx context.Context, c *Campaign) error
	FindCampaign(ctx context.Context, id int64) (*Campaign, error)
	ListCampaigns(ctx context.Context, f CampaignFilter) ([]*Campaign, int, error)
	CloseCampaign(ctx context.Context, id int64) (*Campaign, error)
	// RecordInspection records one enterprise's results in a campaign.
	RecordInspection(ctx context.Context, in *Inspection) error
	FindInspection(ctx context.Context, id int64) (*Inspection, error)
	ListInspections(ctx context.Context, f InspectionFilter) ([]*Inspection, int, error)
	// OrderFromInspection drafts an order whose problems are the failed items.
	OrderFromInspection(ctx context.Context, id int64, due time.Time) (*Order, error)
	// OrderSpecialAssessments orders a special assessment, due at DueAt, of
	// every launched service of the category in the campaign's scope that
	// has none open; it says how many it ordered.
	OrderSpecialAssessments(ctx context.Context, campaignID int64, o SpecialOrder) (int, error)
	// Checklist draws a checklist from the current standards of a category.
	Checklist(ctx context.Context, category Category) ([]CheckItem, error)
}
