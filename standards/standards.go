// Package standards holds the assessment standards of the security assessment
// regime for new internet technologies and new services: their schema, a
// validating loader that reports every problem with its line and column, a
// canonical YAML form with a content digest, and the library shipped in the
// binary. It imports nothing else of pinggu so every package may depend on it.
package standards

import (
	"slices"
	"strconv"
	"strings"
	"time"
)

// Text is a string in formal Chinese with its English counterpart.
type Text struct {
	Zh string `json:"zh"`
	En string `json:"en"`
}

// Standard is one version of an assessment standard.
type Standard struct {
	ID        string    `json:"id"`              // stable identifier, e.g. "general" or "voice_line"
	Version   string    `json:"version"`         // dotted numeric version, e.g. "2026.1"
	Title     Text      `json:"title"`           // full title
	AppliesTo []string  `json:"applies_to"`      // service category codes, or the single code "all"
	IssuedBy  string    `json:"issued_by"`       // issuing body
	Effective string    `json:"effective"`       // date the version takes effect, YYYY-MM-DD
	Basis     []string  `json:"basis,omitempty"` // laws, regulations and documents the standard rests on
	Sections  []Section `json:"sections"`        // the standard's chapters, in order
}

// Section is a chapter of a standard grouping related items.
type Section struct {
	ID    string `json:"id"`
	Title Text   `json:"title"`
	Items []Item `json:"items"`
}

// Item is one checkable requirement an assessor judges.
type Item struct {
	ID            string   `json:"id"`              // unique within the standard
	Requirement   string   `json:"requirement"`     // the requirement in Chinese
	RequirementEn string   `json:"requirement_en"`  // a short English title
	Guidance      string   `json:"guidance"`        // how the assessor checks it
	Evidence      []string `json:"evidence"`        // what the enterprise must show
	Risks         []string `json:"risks"`           // risk category codes the item mitigates
	Severity      Severity `json:"severity"`        // consequence of failing the item
	Weight        float64  `json:"weight"`          // relative weight in scoring, positive
	Basis         []string `json:"basis,omitempty"` // legal basis of this item, if any beyond the standard's
}

// Clone returns a deep copy, to derive a new version from a shared one.
func (s *Standard) Clone() *Standard {
	c := *s
	c.AppliesTo = slices.Clone(s.AppliesTo)
	c.Basis = slices.Clone(s.Basis)
	c.Sections = slices.Clone(s.Sections)
	for i := range c.Sections {
		items := slices.Clone(c.Sections[i].Items)
		for j := range items {
			items[j].Evidence = slices.Clone(items[j].Evidence)
			items[j].Risks = slices.Clone(items[j].Risks)
			items[j].Basis = slices.Clone(items[j].Basis)
		}
		c.Sections[i].Items = items
	}
	return &c
}

// Key returns "id@version", the reference assessments keep to a standard.
func (s *Standard) Key() string { return s.ID + "@" + s.Version }

// Items returns every item of the standard in document order.
func (s *Standard) Items() []*Item {
	var out []*Item
	for i := range s.Sections {
		for j := range s.Sections[i].Items {
			out = append(out, &s.Sections[i].Items[j])
		}
	}
	return out
}

// ItemCount returns the number of items in the standard.
func (s *Standard) ItemCount() int {
	n := 0
	for _, sec := range s.Sections {
		n += len(sec.Items)
	}
	return n
}

// Item returns the item with the given id, or nil.
func (s *Standard) Item(id string) *Item {
	for _, it := range s.Items() {
		if it.ID == id {
			return it
		}
	}
	return nil
}

// TotalWeight returns the sum of the weights of all items.
func (s *Standard) TotalWeight() float64 {
	var w float64
	for _, it := range s.Items() {
		w += it.Weight
	}
	return w
}

// EffectiveDate returns the effective date; it is zero if the date is invalid.
func (s *Standard) EffectiveDate() time.Time {
	t, _ := time.Parse(time.DateOnly, s.Effective)
	return t
}

// AppliesToCategory reports whether the standard applies to a service category.
func (s *Standard) AppliesToCategory(category string) bool {
	return slices.Contains(s.AppliesTo, AllCategories) || slices.Contains(s.AppliesTo, category)
}

// Code is a short machine code with Chinese and English labels.
type Code struct {
	Code string `json:"code"`
	Zh   string `json:"zh"`
	En   string `json:"en"`
}

// AllCategories is the applies_to value of a standard for every service.
const AllCategories = "all"

// Categories lists the service categories of the ledger.
var Categories = []Code{
	{"im", "即时通信", "Instant messaging"},
	{"search", "搜索引擎", "Search engine"},
	{"converged_comm", "融合通信", "Converged communication"},
	{"one_card_two_numbers", "一卡双号", "One card, two numbers"},
	{"sms_hall", "短信营业厅", "SMS business hall"},
	{"voice_line", "语音专线", "Voice private line"},
	{"call_forwarding", "呼叫转移", "Call forwarding"},
	{"app_store", "应用商店", "App store"},
	{"live_streaming", "网络直播", "Live streaming"},
	{"cloud", "云服务", "Cloud service"},
	{"iot", "物联网", "Internet of things"},
	{"gen_ai", "生成式人工智能", "Generative AI"},
	{"internet_plus", "“互联网+”融合业务", "\"Internet Plus\" converged service"},
	{"other", "其他", "Other"},
}

// Risks lists the risk categories an item may mitigate.
var Risks = []Code{
	{"telecom_fraud", "电信网络诈骗", "Telecom and online fraud"},
	{"terror_violence", "涉恐涉暴", "Terrorism and violence"},
	{"pornography", "涉黄", "Pornography"},
	{"gambling", "涉赌", "Gambling"},
	{"harmful_apps", "仿冒及恶意应用", "Spoofing and malicious apps"},
	{"personal_info", "个人信息保护", "Personal information"},
	{"data_security", "数据安全", "Data security"},
	{"network_security", "网络安全", "Network security"},
	{"minors", "未成年人保护", "Protection of minors"},
	{"spam", "垃圾信息与骚扰", "Spam and harassment"},
	{"disinformation", "虚假信息与谣言", "Disinformation and rumours"},
	{"illegal_content", "其他违法和不良信息", "Other illegal and harmful content"},
	{"algorithm", "算法与深度合成", "Algorithms and deep synthesis"},
	{"ip_infringement", "知识产权侵权", "Intellectual property infringement"},
}

// Severity is the consequence of failing an item.
type Severity string

// The severity levels, from most to least serious.
const (
	High   Severity = "high"
	Medium Severity = "medium"
	Low    Severity = "low"
)

// Severities lists the severity levels with their labels, most serious first.
var Severities = []Code{
	{string(High), "高", "High"},
	{string(Medium), "中", "Medium"},
	{string(Low), "低", "Low"},
}

// Valid reports whether s is one of the defined severity levels.
func (s Severity) Valid() bool { return s == High || s == Medium || s == Low }

// Category returns the service category with the given code.
func Category(code string) (Code, bool) { return lookupCode(Categories, code) }

// Risk returns the risk category with the given code.
func Risk(code string) (Code, bool) { return lookupCode(Risks, code) }

func lookupCode(list []Code, code string) (Code, bool) {
	for _, c := range list {
		if c.Code == code {
			return c, true
		}
	}
	return Code{}, false
}

func codeNames(list []Code) string {
	names := make([]string, len(list))
	for i, c := range list {
		names[i] = c.Code
	}
	return strings.Join(names, ", ")
}

// CompareVersions orders dotted numeric versions: -1 if a < b, 0 if equal, +1 if a > b.
func CompareVersions(a, b string) int {
	as, bs := strings.Split(a, "."), strings.Split(b, ".")
	for i := 0; i < max(len(as), len(bs)); i++ {
		var x, y int
		if i < len(as) {
			x, _ = strconv.Atoi(as[i])
		}
		if i < len(bs) {
			y, _ = strconv.Atoi(bs[i])
		}
		if x != y {
			if x < y {
				return -1
			}
			return 1
		}
	}
	return 0
}
