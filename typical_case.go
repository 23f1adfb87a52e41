package pinggu

import (
	"context"
	"slices"
	"strings"
	"time"
	"unicode/utf8"
)

// Typical cases (典型案例): each quarter an analyst gathers confirmed
// records — an assessment returned for serious gaps, a warning, an order,
// an incident — into a case with a summary, the measures taken and the
// lessons, anonymised on request, for the bulletins and training.

// TypicalCategory is what a typical case is about.
type TypicalCategory string

// Case categories.
const (
	TypicalFraud     TypicalCategory = "fraud"
	TypicalPorn      TypicalCategory = "pornography"
	TypicalGambling  TypicalCategory = "gambling"
	TypicalSpoofApp  TypicalCategory = "spoofing_app"
	TypicalAssessGap TypicalCategory = "assessment_gap"
	TypicalDataLeak  TypicalCategory = "data_security"
	TypicalOther     TypicalCategory = "other"
)

// TypicalCategories lists the categories in display order.
var TypicalCategories = []TypicalCategory{TypicalFraud, TypicalPorn, TypicalGambling, TypicalSpoofApp, TypicalAssessGap, TypicalDataLeak, TypicalOther}

// TypicalState is a case's place: a draft the analysts work on, or published
// for bulletins and training.
type TypicalState string

// Case states.
const (
	TypicalDraft     TypicalState = "draft"
	TypicalPublished TypicalState = "published"
)

// TypicalCase is one typical case of a quarter.
type TypicalCase struct {
	ID         int64           `json:"id"`
	Title      string          `json:"title"`
	Quarter    Period          `json:"quarter"`
	Category   TypicalCategory `json:"category"`
	Summary    string          `json:"summary"`
	Measures   string          `json:"measures"`
	Lessons    string          `json:"lessons"`
	Anonymised bool            `json:"anonymised"`
	// OrgID is the enterprise concerned (0 for none); Refs the records the
	// case gathers.
	OrgID int64 `json:"org_id,omitempty"`
	Refs  []Ref `json:"refs,omitempty"`
	// Read-only, filled by the store.
	OrgName     string       `json:"org_name,omitempty"`
	OrgKind     OrgKind      `json:"org_kind,omitempty"`
	Province    string       `json:"province,omitempty"`
	State       TypicalState `json:"state"`
	CreatedBy   string       `json:"created_by"`
	PublishedAt *time.Time   `json:"published_at,omitempty"`
	CreatedAt   time.Time    `json:"created_at"`
	UpdatedAt   time.Time    `json:"updated_at"`
}

// Party names the enterprise as the case may show it: by name, or as 某
// with its kind when anonymised.
func (c *TypicalCase) Party(lang string) string {
	if c.OrgID == 0 {
		return ""
	}
	if c.Anonymised {
		if lang == "en" {
			return "A " + strings.ToLower(OrgKindLabels[c.OrgKind].En)
		}
		return "某" + OrgKindLabels[c.OrgKind].Zh
	}
	return c.OrgName
}

// Validate checks a case before it is saved, naming each field.
func (c *TypicalCase) Validate() error {
	var v Validation
	c.Title, c.Summary, c.Measures, c.Lessons = strings.TrimSpace(c.Title), strings.TrimSpace(c.Summary), strings.TrimSpace(c.Measures), strings.TrimSpace(c.Lessons)
	if c.Title == "" || utf8.RuneCountInString(c.Title) > 200 {
		v.Add(0, "title", "案例标题不能为空且不得超过200字")
	}
	if m, err := c.Quarter.Months(); err != nil || len(m) != 3 {
		v.Add(0, "quarter", "季度应为2026-Q3格式")
	}
	if !slices.Contains(TypicalCategories, c.Category) {
		v.Add(0, "category", "案例类别“%s”不存在", c.Category)
	}
	for _, f := range []struct{ name, val string }{{"summary", c.Summary}, {"measures", c.Measures}, {"lessons", c.Lessons}} {
		if f.val == "" || utf8.RuneCountInString(f.val) > 5000 {
			v.Add(0, f.name, "不能为空且不得超过5000字")
		}
	}
	return v.Err("案例信息有误")
}

// TypicalFilter selects typical cases.
type TypicalFilter struct {
	Quarter  string       `json:"quarter,omitempty"`
	State    TypicalState `json:"state,omitempty"`
	Category string       `json:"category,omitempty"`
	ListOptions
}

// TypicalCaseService keeps typical cases. Drafts are the analysts' and the
// ministry's; a published case is seen by every regulator and analyst, by
// the enterprise concerned, and, anonymised, by every enterprise.
type TypicalCaseService interface {
	CreateTypicalCase(ctx context.Context, c *TypicalCase) error
	UpdateTypicalCase(ctx context.Context, c *TypicalCase) error
	PublishTypicalCase(ctx context.Context, id int64) (*TypicalCase, error)
	FindTypicalCase(ctx context.Context, id int64) (*TypicalCase, error)
	ListTypicalCases(ctx context.Context, f TypicalFilter) ([]*TypicalCase, int, error)
}
