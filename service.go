package pinggu

import (
	"context"
	"net/url"
	"strings"
	"time"
	"unicode/utf8"
)

// Category is a kind of new technology or new service (业务类别). The codes
// are shared with the standards library's applies_to lists.
type Category string

// Service categories.
const (
	CatIM             Category = "im"
	CatSearch         Category = "search"
	CatConverged      Category = "converged_comm"
	CatOneCardTwoNums Category = "one_card_two_numbers"
	CatSMSHall        Category = "sms_hall"
	CatVoiceLine      Category = "voice_line"
	CatCallForwarding Category = "call_forwarding"
	CatAppStore       Category = "app_store"
	CatLiveStreaming  Category = "live_streaming"
	CatCloud          Category = "cloud"
	CatIoT            Category = "iot"
	CatGenAI          Category = "gen_ai"
	// CatInternetPlus is "互联网+" converged services (跟踪评估).
	CatInternetPlus Category = "internet_plus"
	CatOther        Category = "other"
)

// Categories lists the taxonomy in display order.
var Categories = []Category{CatIM, CatSearch, CatConverged, CatOneCardTwoNums, CatSMSHall, CatVoiceLine, CatCallForwarding, CatAppStore, CatLiveStreaming, CatCloud, CatIoT, CatGenAI, CatInternetPlus, CatOther}

// Valid reports whether c is in the taxonomy.
func (c Category) Valid() bool {
	for _, x := range Categories {
		if x == c {
			return true
		}
	}
	return false
}

// ServiceStatus is a service's place in its lifecycle.
type ServiceStatus string

// Lifecycle states: planned → in assessment → approved → launched → suspended → retired.
const (
	StatusPlanned      ServiceStatus = "planned"
	StatusInAssessment ServiceStatus = "in_assessment"
	StatusApproved     ServiceStatus = "approved"
	StatusLaunched     ServiceStatus = "launched"
	StatusSuspended    ServiceStatus = "suspended"
	StatusRetired      ServiceStatus = "retired"
)

// ServiceStatuses lists the states in lifecycle order.
var ServiceStatuses = []ServiceStatus{StatusPlanned, StatusInAssessment, StatusApproved, StatusLaunched, StatusSuspended, StatusRetired}

// Valid reports whether s is a lifecycle state.
func (s ServiceStatus) Valid() bool {
	for _, x := range ServiceStatuses {
		if x == s {
			return true
		}
	}
	return false
}

var serviceTransitions = map[ServiceStatus][]ServiceStatus{
	StatusPlanned:      {StatusInAssessment, StatusRetired},
	StatusInAssessment: {StatusApproved, StatusPlanned, StatusRetired},
	StatusApproved:     {StatusLaunched, StatusInAssessment, StatusRetired},
	StatusLaunched:     {StatusSuspended, StatusRetired},
	StatusSuspended:    {StatusLaunched, StatusRetired},
	StatusRetired:      nil,
}

// NextStatuses lists the states a service in s may move to.
func NextStatuses(s ServiceStatus) []ServiceStatus { return serviceTransitions[s] }

// CheckServiceTransition decides whether a service may move from one state to
// another. Later modules add their gates (the pre-launch assessment) on top.
func CheckServiceTransition(from, to ServiceStatus) error {
	if !to.Valid() {
		return Errorf(EINVALID, "业务状态“%s”不存在", to)
	}
	for _, x := range serviceTransitions[from] {
		if x == to {
			return nil
		}
	}
	return Errorf(ECONFLICT, "业务状态不能由“%s”变更为“%s”", LabelOf(ServiceStatusLabels, from), LabelOf(ServiceStatusLabels, to))
}

// TargetKind is what a monitoring target points at.
type TargetKind string

// Monitoring target kinds.
const (
	TargetURL        TargetKind = "url"         // a web site or page
	TargetAppListing TargetKind = "app_listing" // an app-store listing page
	TargetNumber     TargetKind = "number"      // a service number or SMS port
)

// Target is something the patrol watches for a service.
type Target struct {
	Kind  TargetKind `json:"kind"`
	Value string     `json:"value"`
	Note  string     `json:"note,omitempty"`
}

// Service is a new technology or new service (新技术新业务) an enterprise runs
// or plans.
type Service struct {
	ID          int64         `json:"id"`
	OrgID       int64         `json:"org_id"`
	Name        string        `json:"name"`
	Category    Category      `json:"category"`
	Tags        []string      `json:"tags,omitempty"`      // technology tags
	Provinces   []string      `json:"provinces,omitempty"` // where it operates
	Status      ServiceStatus `json:"status"`
	Description string        `json:"description,omitempty"`
	Targets     []Target      `json:"targets,omitempty"`
	LaunchedAt  *time.Time    `json:"launched_at,omitempty"`

	// Read-only, filled by the store: the owner's name and province (属地).
	OrgName   string    `json:"org_name,omitempty"`
	Province  string    `json:"province"`
	CreatedAt time.Time `json:"created_at"`
	UpdatedAt time.Time `json:"updated_at"`
	// ReviewDueAt is when a launched service's next periodic review is
	// due (NextReviewDue of its launch, reviews and changes).
	ReviewDueAt *time.Time `json:"review_due_at,omitempty"`
}

// Normalize trims input, sorts provinces and drops empty tags.
func (s *Service) Normalize() {
	s.Name = strings.TrimSpace(s.Name)
	s.Description = strings.TrimSpace(s.Description)
	tags := s.Tags[:0]
	for _, t := range s.Tags {
		if t = strings.TrimSpace(t); t != "" {
			tags = append(tags, t)
		}
	}
	s.Tags = tags
	s.Provinces = SortProvinceCodes(s.Provinces)
	for i := range s.Targets {
		s.Targets[i].Value = strings.TrimSpace(s.Targets[i].Value)
	}
	if s.Status == "" {
		s.Status = StatusPlanned
	}
}

// Validate adds every problem with s to v.
func (s *Service) Validate(v *Validation, line int) {
	if s.Name == "" {
		v.Add(line, "name", "业务名称不能为空")
	} else if utf8.RuneCountInString(s.Name) > 200 {
		v.Add(line, "name", "业务名称不得超过200个字符")
	}
	if s.OrgID == 0 {
		v.Add(line, "org_id", "须指定所属企业")
	}
	if s.Category == "" {
		v.Add(line, "category", "请选择业务类别")
	} else if !s.Category.Valid() {
		v.Add(line, "category", "业务类别“%s”不存在", s.Category)
	}
	if !s.Status.Valid() {
		v.Add(line, "status", "业务状态“%s”不存在", s.Status)
	}
	for i, p := range s.Provinces {
		if _, ok := LookupProvince(p); !ok {
			v.Add(line, fieldIndex("provinces", i, ""), "省份代码“%s”不是GB/T 2260省级行政区划代码", p)
		}
	}
	for i, t := range s.Targets {
		switch t.Kind {
		case TargetURL, TargetAppListing:
			u, err := url.Parse(t.Value)
			if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
				v.Add(line, fieldIndex("targets", i, "value"), "监测目标须为http或https网址")
			}
		case TargetNumber:
			if t.Value == "" {
				v.Add(line, fieldIndex("targets", i, "value"), "号码不能为空")
			}
		default:
			v.Add(line, fieldIndex("targets", i, "kind"), "监测目标类型“%s”不存在", t.Kind)
		}
	}
}

// ServiceFilter selects services.
type ServiceFilter struct {
	OrgID    int64         `json:"org_id,omitempty"`
	Category Category      `json:"category,omitempty"`
	Province string        `json:"province,omitempty"` // the owner's province
	Status   ServiceStatus `json:"status,omitempty"`
	Query    string        `json:"q,omitempty"` // service or organisation name
	ListOptions
}

// ServiceImportRow is one service read from a CSV file; its owner is named
// by credit code or organisation name.
type ServiceImportRow struct {
	Line    int
	Service Service
	Owner   string
	// Problems and Unreadable are as in OrganisationImportRow.
	Problems   []FieldError `json:"-"`
	Unreadable bool         `json:"-"`
}

// ServiceService keeps the services of the ledger, scoped through the
// owning organisation.
type ServiceService interface {
	FindService(ctx context.Context, id int64) (*Service, error)
	ListServices(ctx context.Context, f ServiceFilter) ([]*Service, int, error)
	// ExportServices is every service the filter selects, in ID order,
	// however many a search matches (a list shows SearchCap).
	ExportServices(ctx context.Context, f ServiceFilter) ([]*Service, error)
	CreateService(ctx context.Context, s *Service) error
	UpdateService(ctx context.Context, s *Service) error
	// EditService applies edit to the service as stored and saves it as
	// UpdateService does; edit runs again on the newer version when
	// another writer changed the service meanwhile, so a partial edit
	// (an API PUT) never reverts another's change.
	EditService(ctx context.Context, id int64, edit func(*Service) error) (*Service, error)
	// SetServiceStatus moves a service along its lifecycle; reason is kept in
	// the audit log.
	SetServiceStatus(ctx context.Context, id int64, to ServiceStatus, reason string) (*Service, error)
	ImportServices(ctx context.Context, rows []ServiceImportRow) (int, error)
	// RecordMajorChange records a major change of a launched service, which
	// brings its next periodic review forward.
	RecordMajorChange(ctx context.Context, id int64, description string) (*Service, error)
}
