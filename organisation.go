package pinggu

import (
	"context"
	"net/mail"
	"strings"
	"time"
	"unicode/utf8"
)

// OrgKind is the kind of organisation in the regime.
type OrgKind string

// Organisation kinds.
const (
	OrgMinistry   OrgKind = "ministry"            // 工业和信息化部
	OrgBureau     OrgKind = "bureau"              // 省（自治区、直辖市）通信管理局
	OrgTelecom    OrgKind = "telecom_group"       // 基础电信企业集团
	OrgTelecomSub OrgKind = "telecom_subsidiary"  // 基础电信企业省级公司、专业公司、基地
	OrgVAS        OrgKind = "vas_enterprise"      // 增值电信企业
	OrgInternet   OrgKind = "internet_company"    // 互联网企业
	OrgSupport    OrgKind = "support_institution" // 支撑单位
	OrgThirdParty OrgKind = "third_party_body"    // 第三方评估机构
	OrgPartner    OrgKind = "partner_department"  // 协作部门
)

// OrgKinds lists every organisation kind in display order.
var OrgKinds = []OrgKind{OrgMinistry, OrgBureau, OrgTelecom, OrgTelecomSub, OrgVAS, OrgInternet, OrgSupport, OrgThirdParty, OrgPartner}

// Valid reports whether k is a known kind.
func (k OrgKind) Valid() bool {
	for _, x := range OrgKinds {
		if x == k {
			return true
		}
	}
	return false
}

// IsEnterprise reports whether organisations of this kind are enterprises that
// must carry a unified social credit code.
func (k OrgKind) IsEnterprise() bool {
	switch k {
	case OrgTelecom, OrgTelecomSub, OrgVAS, OrgInternet, OrgThirdParty:
		return true
	}
	return false
}

// EnterpriseKinds are the kinds of regulated enterprises: those that
// operate services and report on their assessment practice.
func EnterpriseKinds() []OrgKind {
	return []OrgKind{OrgTelecom, OrgTelecomSub, OrgVAS, OrgInternet}
}

// Contact is a person to reach at an organisation.
type Contact struct {
	Name  string `json:"name"`
	Title string `json:"title,omitempty"`
	Phone string `json:"phone,omitempty"`
	Email string `json:"email,omitempty"`
}

// Organisation is a body of the regime: a regulator, an enterprise, an
// institution or a partner department.
type Organisation struct {
	ID       int64     `json:"id"`
	Kind     OrgKind   `json:"kind"`
	Name     string    `json:"name"`
	USCC     string    `json:"uscc,omitempty"` // 统一社会信用代码, enterprises only
	Province string    `json:"province"`       // GB/T 2260 code (属地)
	ParentID *int64    `json:"parent_id,omitempty"`
	Key      bool      `json:"key_enterprise,omitempty"` // 重点企业
	Address  string    `json:"address,omitempty"`
	Contacts []Contact `json:"contacts,omitempty"`
	Note     string    `json:"note,omitempty"`

	// Read-only, filled by the store.
	ParentName string `json:"parent_name,omitempty"`
	// ParentProvince decides, with ParentID, whether a page may link to
	// the parent (pinggu.MayOpen).
	ParentProvince string    `json:"parent_province,omitempty"`
	ServiceCount   int       `json:"service_count"`
	CreatedAt      time.Time `json:"created_at"`
	UpdatedAt      time.Time `json:"updated_at"`
}

// Normalize trims input and upper-cases the credit code.
func (o *Organisation) Normalize() {
	o.Name = strings.TrimSpace(o.Name)
	o.USCC = NormalizeUSCC(o.USCC)
	o.Province = strings.TrimSpace(o.Province)
	o.Address = strings.TrimSpace(o.Address)
	for i := range o.Contacts {
		c := &o.Contacts[i]
		c.Name, c.Title, c.Phone, c.Email = strings.TrimSpace(c.Name), strings.TrimSpace(c.Title), strings.TrimSpace(c.Phone), strings.TrimSpace(c.Email)
	}
}

// Validate adds every problem with o to v; line is the import line or 0.
func (o *Organisation) Validate(v *Validation, line int) {
	if o.Name == "" {
		v.Add(line, "name", "名称不能为空")
	} else if utf8.RuneCountInString(o.Name) > 200 {
		v.Add(line, "name", "名称不得超过200个字符")
	}
	if o.Kind == "" {
		v.Add(line, "kind", "请选择机构类型")
	} else if !o.Kind.Valid() {
		v.Add(line, "kind", "机构类型“%s”不存在", o.Kind)
	}
	if o.Province == "" {
		v.Add(line, "province", "请选择所在省份")
	} else if _, ok := LookupProvince(o.Province); !ok {
		v.Add(line, "province", "省份代码“%s”不是GB/T 2260省级行政区划代码", o.Province)
	}
	if o.Kind.IsEnterprise() || o.USCC != "" {
		if o.USCC == "" {
			v.Add(line, "uscc", "企业须填写统一社会信用代码")
		} else if err := ValidateUSCC(o.USCC); err != nil {
			v.Add(line, "uscc", "%s", err)
		}
	}
	if o.Key && !(o.Kind == OrgVAS || o.Kind == OrgInternet) {
		v.Add(line, "key_enterprise", "仅增值电信企业和互联网企业可标记为重点企业")
	}
	for i, c := range o.Contacts {
		if c.Name == "" {
			v.Add(line, fieldIndex("contacts", i, "name"), "联系人姓名不能为空")
		}
		if c.Email != "" {
			if _, err := mail.ParseAddress(c.Email); err != nil {
				v.Add(line, fieldIndex("contacts", i, "email"), "电子邮箱格式不正确")
			}
		}
	}
}

// OrganisationFilter selects organisations.
type OrganisationFilter struct {
	Kind     OrgKind `json:"kind,omitempty"`
	Province string  `json:"province,omitempty"`
	ParentID *int64  `json:"parent_id,omitempty"`
	KeyOnly  bool    `json:"key_only,omitempty"`
	// Enterprise keeps the regulated enterprises (EnterpriseKinds).
	Enterprise bool   `json:"enterprise,omitempty"`
	Query      string `json:"q,omitempty"` // matches name or credit code
	ListOptions
}

// OrganisationImportRow is one organisation read from a CSV file, with the
// line it came from and its parent named by credit code or name.
type OrganisationImportRow struct {
	Line   int
	Org    Organisation
	Parent string
	// Problems are what the file's reader found wrong in the row (a wrong
	// number of cells, a bad yes/no); the import reports them with its own
	// checks, so every bad row of a file is named at once. An Unreadable
	// row has nothing else to check.
	Problems   []FieldError `json:"-"`
	Unreadable bool         `json:"-"`
}

// OrgRef is the minimum about an organisation that a system administrator
// needs to place an account: no business data.
type OrgRef struct {
	ID       int64   `json:"id"`
	Name     string  `json:"name"`
	Kind     OrgKind `json:"kind"`
	Province string  `json:"province"`
}

// OrganisationService keeps the organisations of the ledger. Every method is
// scoped by the actor in ctx.
type OrganisationService interface {
	FindOrganisation(ctx context.Context, id int64) (*Organisation, error)
	ListOrganisations(ctx context.Context, f OrganisationFilter) ([]*Organisation, int, error)
	// ExportOrganisations is every organisation the filter selects, in ID
	// order, however many a search matches (a list shows SearchCap).
	ExportOrganisations(ctx context.Context, f OrganisationFilter) ([]*Organisation, error)
	CreateOrganisation(ctx context.Context, o *Organisation) error
	UpdateOrganisation(ctx context.Context, o *Organisation) error
	// EditOrganisation applies edit to the organisation as stored and
	// saves it as UpdateOrganisation does, the record locked meanwhile, so
	// a partial edit (an API PUT) never reverts another's change.
	EditOrganisation(ctx context.Context, id int64, edit func(*Organisation) error) (*Organisation, error)
	// ImportOrganisations creates all rows or none; an invalid file reports
	// every bad row with its line and field.
	ImportOrganisations(ctx context.Context, rows []OrganisationImportRow) (int, error)
	// OrganisationDirectory lists names only, for account administration.
	OrganisationDirectory(ctx context.Context, query string, limit int) ([]OrgRef, error)
}
