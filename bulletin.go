package pinggu

import (
	"context"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"
)

// Bulletins (统计通报): the ministry, or a support institution for it,
// drafts a periodic bulletin from the statistics of a period; it is edited,
// submitted for approval, approved (and numbered), and published, after
// which it never changes. A published bulletin is seen by the bureaus and
// enterprises it concerns: a bureau its province's lines, an enterprise
// its own.

// BulletinState is a bulletin's place in its lifecycle.
type BulletinState string

// Bulletin states: draft → pending → approved → published; pending may go
// back to draft.
const (
	BulletinDraft     BulletinState = "draft"
	BulletinPending   BulletinState = "pending"
	BulletinApproved  BulletinState = "approved"
	BulletinPublished BulletinState = "published"
)

// BulletinStates lists the states in lifecycle order.
var BulletinStates = []BulletinState{BulletinDraft, BulletinPending, BulletinApproved, BulletinPublished}

// BulletinStep is a move of a bulletin: submit for approval, return to
// draft, approve, publish.
type BulletinStep string

// Bulletin steps.
const (
	BulletinSubmit  BulletinStep = "submit"
	BulletinReturn  BulletinStep = "return"
	BulletinApprove BulletinStep = "approve"
	BulletinPublish BulletinStep = "publish"
)

var bulletinSteps = map[BulletinStep][2]BulletinState{
	BulletinSubmit:  {BulletinDraft, BulletinPending},
	BulletinReturn:  {BulletinPending, BulletinDraft},
	BulletinApprove: {BulletinPending, BulletinApproved},
	BulletinPublish: {BulletinApproved, BulletinPublished},
}

// BulletinNext is the state a step leads to from a state, or ECONFLICT.
func BulletinNext(from BulletinState, step BulletinStep) (BulletinState, error) {
	s, ok := bulletinSteps[step]
	if !ok {
		return "", Errorf(EINVALID, "操作“%s”不存在", step)
	}
	if s[0] != from {
		return "", Errorf(ECONFLICT, "通报处于“%s”状态，不能%s", BulletinStateLabels[from], BulletinStepLabels[step])
	}
	return s[1], nil
}

// Period is a span of statistics: a quarter ("2026-Q3"), a month
// ("2026-09") or a year ("2026"), in China Standard Time.
type Period string

var periodRE = regexp.MustCompile(`^(\d{4})(?:-Q([1-4])|-(0[1-9]|1[0-2]))?$`)

// Months lists the months of the period ("2026-07", …), or an error
// naming the field.
func (p Period) Months() ([]string, error) {
	m := periodRE.FindStringSubmatch(string(p))
	if m == nil {
		return nil, &Error{Code: EINVALID, Message: "统计期间有误", Fields: []FieldError{{Field: "period", Message: fmt.Sprintf("期间“%s”应为2026-Q3、2026-09或2026", p)}}}
	}
	year, _ := strconv.Atoi(m[1])
	first, n := 1, 12
	switch {
	case m[2] != "":
		q, _ := strconv.Atoi(m[2])
		first, n = 3*q-2, 3
	case m[3] != "":
		first, _ = strconv.Atoi(m[3])
		n = 1
	}
	out := make([]string, n)
	for i := range n {
		out[i] = fmt.Sprintf("%04d-%02d", year, first+i)
	}
	return out, nil
}

// Label names the period for people: 2026年第三季度, 2026年9月, 2026年.
func (p Period) Label(lang string) string {
	m := periodRE.FindStringSubmatch(string(p))
	if m == nil {
		return string(p)
	}
	switch {
	case m[2] != "":
		if lang == "en" {
			return m[1] + " Q" + m[2]
		}
		return m[1] + "年第" + []string{"", "一", "二", "三", "四"}[m[2][0]-'0'] + "季度"
	case m[3] != "":
		mo, _ := strconv.Atoi(m[3])
		if lang == "en" {
			return time.Month(mo).String() + " " + m[1]
		}
		return fmt.Sprintf("%s年%d月", m[1], mo)
	}
	if lang == "en" {
		return m[1]
	}
	return m[1] + "年"
}

// QuarterOf is the quarter ("2026-Q3") of t in China Standard Time.
func QuarterOf(t time.Time) Period {
	c := t.In(ChinaTime)
	return Period(fmt.Sprintf("%04d-Q%d", c.Year(), (int(c.Month())-1)/3+1))
}

// BulletinColumn is one figure a bulletin reports for the period,
// nationally and per province; modules register theirs.
type BulletinColumn struct {
	Key   string
	Label Label
	// Query counts the figure for the period's months at now; the bulletin
	// groups it by province for the provinces' lines.
	Query func(months []string, now time.Time) StatQuery
	// Avg reports the average of the summed value instead of the count.
	Avg bool
}

var bulletinColumns []BulletinColumn

// RegisterBulletinColumn adds a module's figure to every new bulletin.
func RegisterBulletinColumn(c BulletinColumn) { bulletinColumns = append(bulletinColumns, c) }

// BulletinColumns lists the registered figures in order.
func BulletinColumns() []BulletinColumn { return bulletinColumns }

// Line kinds of a bulletin.
const (
	LineProvince   = "province"
	LineEnterprise = "enterprise"
)

// BulletinLine is one line of a bulletin's appendix: a province with its
// figures and rank, or an enterprise named with its figures and the
// criticism or commendation the bulletin gives.
type BulletinLine struct {
	ID       int64     `json:"id"`
	Kind     string    `json:"kind"`
	Province string    `json:"province"`
	OrgID    int64     `json:"org_id,omitempty"`
	OrgName  string    `json:"org_name,omitempty"`
	Rank     int       `json:"rank,omitempty"`
	Values   []float64 `json:"values"`
	Note     string    `json:"note,omitempty"`
}

// BulletinValue is one national figure of a bulletin.
type BulletinValue struct {
	Key   string  `json:"key"`
	Label Label   `json:"label"`
	Value float64 `json:"value"`
	Avg   bool    `json:"avg,omitempty"`
}

// Bulletin is a periodic statistics bulletin.
type Bulletin struct {
	ID     int64         `json:"id"`
	Number string        `json:"number,omitempty"` // given at approval
	Title  string        `json:"title"`
	Period Period        `json:"period"`
	State  BulletinState `json:"state"`
	// Intro and Requirements are the editable prose: the overview and the
	// work requirements that close the bulletin.
	Intro        string `json:"intro"`
	Requirements string `json:"requirements"`
	// Figures are the national figures, Columns the headings of every
	// line's Values, drawn from the data when drafted (and redrawn while
	// a draft on request).
	Figures []BulletinValue `json:"figures"`
	Columns []Label         `json:"columns"`
	// Lines are those the caller may see: every line for the ministry and
	// support institutions, a bureau's province and its enterprises, an
	// enterprise its own.
	Lines []*BulletinLine `json:"lines"`
	// Cases are the typical cases the bulletin carries.
	Cases     []*TypicalCase `json:"cases,omitempty"`
	AsOf      time.Time      `json:"as_of"`
	IssuerOrg int64          `json:"issuer_org_id,omitempty"`

	DraftedBy    string     `json:"drafted_by"`
	ApprovedBy   string     `json:"approved_by,omitempty"`
	ApprovedAt   *time.Time `json:"approved_at,omitempty"`
	PublishedBy  string     `json:"published_by,omitempty"`
	PublishedAt  *time.Time `json:"published_at,omitempty"`
	ReturnReason string     `json:"return_reason,omitempty"`
	CreatedAt    time.Time  `json:"created_at"`
	UpdatedAt    time.Time  `json:"updated_at"`
}

// BulletinDrafting is what drafting takes: the period, and optionally a
// title and the typical cases to carry (default: the period's published
// cases).
type BulletinDrafting struct {
	Period  Period  `json:"period"`
	Title   string  `json:"title,omitempty"`
	CaseIDs []int64 `json:"case_ids,omitempty"`
}

// BulletinEdit changes a draft's prose and the notes of its lines (by line
// ID; an empty note removes an enterprise line).
type BulletinEdit struct {
	Title        *string          `json:"title,omitempty"`
	Intro        *string          `json:"intro,omitempty"`
	Requirements *string          `json:"requirements,omitempty"`
	Notes        map[int64]string `json:"notes,omitempty"`
	Remove       []int64          `json:"remove,omitempty"`
	Refresh      bool             `json:"refresh,omitempty"` // draw the figures again from the data
}

// Check validates the edit's lengths, naming the field.
func (e *BulletinEdit) Check() error {
	var v Validation
	check := func(field string, s *string, max int) {
		if s == nil {
			return
		}
		*s = strings.TrimSpace(*s)
		if utf8.RuneCountInString(*s) > max {
			v.Add(0, field, "不得超过%d字", max)
		}
	}
	check("title", e.Title, 200)
	check("intro", e.Intro, 5000)
	check("requirements", e.Requirements, 5000)
	if e.Title != nil && *e.Title == "" {
		v.Add(0, "title", "标题不能为空")
	}
	for id, n := range e.Notes {
		if utf8.RuneCountInString(n) > 500 {
			v.Add(0, fmt.Sprintf("notes[%d]", id), "不得超过500字")
		}
	}
	return v.Err("通报内容有误")
}

// BulletinFilter selects bulletins.
type BulletinFilter struct {
	State  BulletinState `json:"state,omitempty"`
	Period string        `json:"period,omitempty"`
	ListOptions
}

// BulletinService keeps bulletins. Drafts, pending and approved bulletins
// are the ministry's and support institutions'; a published one is seen by
// those it concerns, each its own part.
type BulletinService interface {
	DraftBulletin(ctx context.Context, d BulletinDrafting) (*Bulletin, error)
	FindBulletin(ctx context.Context, id int64) (*Bulletin, error)
	ListBulletins(ctx context.Context, f BulletinFilter) ([]*Bulletin, int, error)
	EditBulletin(ctx context.Context, id int64, e BulletinEdit) (*Bulletin, error)
	// StepBulletin submits, returns (with reason), approves (numbering it)
	// or publishes (notifying those it concerns) a bulletin.
	StepBulletin(ctx context.Context, id int64, step BulletinStep, reason string) (*Bulletin, error)
}
