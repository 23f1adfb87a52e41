package pinggu

import (
	"context"
	"regexp"
	"strings"
	"time"
)

// LicenceCategories names the business categories of the telecom business
// catalogue (电信业务分类目录) that licences carry most often.
var LicenceCategories = map[string]string{
	"A11": "固定通信业务", "A12": "蜂窝移动通信业务", "A13": "第一类卫星通信业务", "A14": "第一类数据通信业务",
	"A21": "第二类卫星通信业务", "A23": "网络接入设施服务业务", "A24": "国内通信设施服务业务", "A25": "网络托管业务",
	"B11": "互联网数据中心业务", "B12": "内容分发网络业务", "B13": "国内互联网虚拟专用网业务", "B14": "互联网接入服务业务",
	"B21": "在线数据处理与交易处理业务", "B22": "国内多方通信服务业务", "B23": "存储转发类业务", "B24": "呼叫中心业务",
	"B25": "信息服务业务", "B26": "编码和规程转换业务",
}

var licenceCategoryRE = regexp.MustCompile(`^[AB][12][0-9](-[0-9]+)?$`)

// ExpiringWindow is how long before expiry a licence shows as expiring.
const ExpiringWindow = 90 * 24 * time.Hour

// LicenceState is derived from the validity dates; it is never stored.
type LicenceState string

// Licence states.
const (
	LicenceValid    LicenceState = "valid"
	LicenceExpiring LicenceState = "expiring"
	LicenceExpired  LicenceState = "expired"
	LicencePending  LicenceState = "pending" // not yet in force
)

// StateOfLicence says whether a licence valid from..to is in force at now.
func StateOfLicence(from, to, now time.Time) LicenceState {
	switch {
	case now.Before(from):
		return LicencePending
	case !now.Before(to.Add(24 * time.Hour)): // valid through the whole last day
		return LicenceExpired
	case to.Sub(now) <= ExpiringWindow:
		return LicenceExpiring
	}
	return LicenceValid
}

// Licence is a telecom business operating licence (电信业务经营许可证).
type Licence struct {
	ID         int64     `json:"id"`
	OrgID      int64     `json:"org_id"`
	Number     string    `json:"number"`     // e.g. B2-20260001 or 粤B2-20260001
	Categories []string  `json:"categories"` // e.g. ["B21", "B25"]
	Issuer     string    `json:"issuer"`
	ValidFrom  time.Time `json:"valid_from"`
	ValidTo    time.Time `json:"valid_to"`

	// Read-only, filled by the store.
	OrgName  string       `json:"org_name,omitempty"`
	Province string       `json:"province,omitempty"`
	State    LicenceState `json:"state"`
	// AnnualYear and AnnualVerdict are the latest annual inspection's
	// decided verdict, written back by the annual inspection.
	AnnualYear    int       `json:"annual_year,omitempty"`
	AnnualVerdict Verdict   `json:"annual_verdict,omitempty"`
	CreatedAt     time.Time `json:"created_at"`
	UpdatedAt     time.Time `json:"updated_at"`
}

// Validate adds every problem with l to v.
func (l *Licence) Validate(v *Validation, line int) {
	l.Number = strings.TrimSpace(l.Number)
	l.Issuer = strings.TrimSpace(l.Issuer)
	if l.Number == "" {
		v.Add(line, "number", "许可证编号不能为空")
	}
	if l.Issuer == "" {
		v.Add(line, "issuer", "发证机关不能为空")
	}
	if len(l.Categories) == 0 {
		v.Add(line, "categories", "至少填写一项业务种类")
	}
	for i, c := range l.Categories {
		if !licenceCategoryRE.MatchString(c) {
			v.Add(line, fieldIndex("categories", i, ""), "业务种类“%s”不符合电信业务分类目录编码（如B21、B2-1）", c)
		}
	}
	if l.ValidFrom.IsZero() {
		v.Add(line, "valid_from", "有效期起始日期不能为空")
	}
	if l.ValidTo.IsZero() {
		v.Add(line, "valid_to", "有效期截止日期不能为空")
	} else if !l.ValidFrom.IsZero() && !l.ValidTo.After(l.ValidFrom) {
		v.Add(line, "valid_to", "有效期截止日期须晚于起始日期")
	}
}

// LicenceFilter selects licences.
type LicenceFilter struct {
	OrgID    int64        `json:"org_id,omitempty"`
	Province string       `json:"province,omitempty"`
	State    LicenceState `json:"state,omitempty"`
	Query    string       `json:"q,omitempty"` // number or organisation name
	ListOptions
}

// LicenceService keeps licences; scoped through the owning organisation.
type LicenceService interface {
	FindLicence(ctx context.Context, id int64) (*Licence, error)
	ListLicences(ctx context.Context, f LicenceFilter) ([]*Licence, int, error)
	CreateLicence(ctx context.Context, l *Licence) error
	UpdateLicence(ctx context.Context, l *Licence) error
	// EditLicence applies edit to the licence as stored and saves it as
	// UpdateLicence does, the record locked meanwhile, so a partial edit
	// (an API PUT) never reverts another's change.
	EditLicence(ctx context.Context, id int64, edit func(*Licence) error) (*Licence, error)
	DeleteLicence(ctx context.Context, id int64) error
}
