package ui

import (
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/pinggu/pinggu"
	"github.com/pinggu/pinggu/web/httpx"
)

// Gates of patrol's pages: its instruments for those who patrol, the
// warning inbox for every side a warning goes to, the bulletins for the
// regulators and the support institutions.
var (
	gatePatrol    gate = func(a *pinggu.Actor) bool { return a.May(pinggu.ActPatrolView) }
	gateWarnings  gate = func(a *pinggu.Actor) bool { return a.May(pinggu.ActWarningView) }
	gateBulletins gate = func(a *pinggu.Actor) bool { return a.BulletinScope().Kind != pinggu.ScopeNone }
)

// moduleQuery marks the pages of patrol in the route table.
const modulePatrol = "patrol"

// cst shows a time in China Standard Time, whatever the server's zone.
func cst(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.In(pinggu.ChinaTime).Format("2006-01-02 15:04")
}

// cstp is cst for optional times, "—" when absent.
func cstp(t *time.Time) string {
	if t == nil || t.IsZero() {
		return "—"
	}
	return cst(*t)
}

// HarmLabel names a category of harmful information.
func (p *page) HarmLabel(c string) string { return pinggu.HarmLabel(c).In(p.Lang) }

// LevelLabel names a warning level.
func (p *page) LevelLabel(l pinggu.WarningLevel) string {
	return pinggu.LabelIn(pinggu.WarningLevelLabels, l, p.Lang)
}

// WarningStateLabel names a warning state.
func (p *page) WarningStateLabel(s pinggu.WarningState) string {
	return pinggu.LabelIn(pinggu.WarningStateLabels, s, p.Lang)
}

// DisposalLabel names a disposal.
func (p *page) DisposalLabel(d pinggu.Disposal) string {
	return pinggu.LabelIn(pinggu.DisposalLabels, d, p.Lang)
}

// FindingStateLabel names a finding state.
func (p *page) FindingStateLabel(s pinggu.PatrolFindingState) string {
	return pinggu.LabelIn(pinggu.FindingStateLabels, s, p.Lang)
}

// RunStateLabel names a run state.
func (p *page) RunStateLabel(s pinggu.PatrolRunState) string {
	return pinggu.LabelIn(pinggu.RunStateLabels, s, p.Lang)
}

// RunSubjectHref is the page of what a recheck run verifies: the order
// of a rectification answer, or the warning or target itself.
func (p *page) RunSubjectHref(r *pinggu.PatrolRun) string {
	if r.OrderID != 0 {
		return p.RecordHref(pinggu.Ref{Kind: pinggu.RefOrder, ID: r.OrderID})
	}
	return p.RecordHref(r.Subject)
}

// TriggerLabel names what started a run.
func (p *page) TriggerLabel(t string) string {
	return pinggu.LabelIn(pinggu.RunTriggerLabels, t, p.Lang)
}

// PriorityLabel names a plan's priority.
func (p *page) PriorityLabel(x pinggu.PatrolPriority) string {
	if l, ok := pinggu.PriorityLabels[x]; ok {
		return l.In(p.Lang)
	}
	return strconv.Itoa(int(x))
}

// FrequencyLabel names a plan's frequency.
func (p *page) FrequencyLabel(m int) string { return pinggu.FrequencyLabel(m).In(p.Lang) }

// PatrolKindLabel names a kind of patrol target.
func (p *page) PatrolKindLabel(k pinggu.PatrolTargetKind) string {
	return pinggu.LabelIn(pinggu.PatrolTargetKindLabels, k, p.Lang)
}

// SourceLabel names where a target comes from.
func (p *page) SourceLabel(s string) string {
	return pinggu.LabelIn(pinggu.PatrolSourceLabels, s, p.Lang)
}

// RulePackLabel names a rule pack.
func (p *page) RulePackLabel(n string) string {
	return pinggu.LabelIn(pinggu.RulePackLabels, n, p.Lang)
}

// ProvinceOrNational names a province, or says the record is national or
// unassigned.
func (p *page) ProvinceOrNational(code string) string {
	if code == "" {
		return p.T("patrol.national")
	}
	return provinceName(p.Lang, code)
}

// CST shows a time in China Standard Time.
func (p *page) CST(t time.Time) string { return cst(t) }

// CSTp shows an optional time in China Standard Time.
func (p *page) CSTp(t *time.Time) string { return cstp(t) }

// Percent shows a ratio as a percentage.
func (p *page) Percent(r float64) string { return strconv.FormatFloat(r*100, 'f', 0, 64) + "%" }

// patrolOptions are the choices of patrol's filters and forms.
func kindChoices(lang string) []option {
	out := make([]option, len(pinggu.PatrolTargetKinds))
	for i, k := range pinggu.PatrolTargetKinds {
		out[i] = option{string(k), pinggu.LabelIn(pinggu.PatrolTargetKindLabels, k, lang)}
	}
	return out
}

func levelChoices(lang string) []option {
	out := make([]option, len(pinggu.WarningLevels))
	for i, l := range pinggu.WarningLevels {
		out[i] = option{string(l), pinggu.LabelIn(pinggu.WarningLevelLabels, l, lang)}
	}
	return out
}

func warningStateChoices(lang string) []option {
	out := make([]option, len(pinggu.WarningStates))
	for i, s := range pinggu.WarningStates {
		out[i] = option{string(s), pinggu.LabelIn(pinggu.WarningStateLabels, s, lang)}
	}
	return out
}

func harmChoices(lang string) []option {
	var out []option
	for _, c := range []string{"gambling", "fraud", "pornography", "spoofing", "card-trading", "drugs", "terror", "weapons", "seo-spam", pinggu.HarmCloaking, pinggu.HarmSignals} {
		out = append(out, option{c, pinggu.HarmLabel(c).In(lang)})
	}
	return out
}

func packChoices(lang string) []option {
	out := make([]option, len(pinggu.PatrolRulePacks))
	for i, n := range pinggu.PatrolRulePacks {
		out[i] = option{n, pinggu.LabelIn(pinggu.RulePackLabels, n, lang)}
	}
	return out
}

func frequencyChoices(lang string) []option {
	out := make([]option, len(pinggu.PatrolFrequencies))
	for i, m := range pinggu.PatrolFrequencies {
		out[i] = option{strconv.Itoa(m), pinggu.FrequencyLabel(m).In(lang)}
	}
	return out
}

func priorityChoices(lang string) []option {
	var out []option
	for _, x := range []pinggu.PatrolPriority{pinggu.PriorityHigh, pinggu.PriorityNormal, pinggu.PriorityLow} {
		out = append(out, option{strconv.Itoa(int(x)), pinggu.PriorityLabels[x].In(lang)})
	}
	return out
}

func disposalChoices(lang string) []option {
	out := make([]option, len(pinggu.Disposals))
	for i, d := range pinggu.Disposals {
		out[i] = option{string(d), pinggu.LabelIn(pinggu.DisposalLabels, d, lang)}
	}
	return out
}

// listChoices are the patrol lists the actor sees, for a select.
func (s *Handler) listChoices(r *http.Request) ([]option, error) {
	ls, _, err := s.svc.Patrol.ListPatrolLists(r.Context(), pinggu.PatrolListFilter{ListOptions: pinggu.ListOptions{Limit: pinggu.MaxLimit}})
	out := make([]option, len(ls))
	for i, l := range ls {
		out[i] = option{strconv.FormatInt(l.ID, 10), l.Name}
	}
	return out, err
}

// queryID reads a numeric query parameter, 0 when absent or bad.
func queryID(q url.Values, name string) int64 {
	id, _ := strconv.ParseInt(q.Get(name), 10, 64)
	return id
}

// idOf formats an id for a path.
func idOf(id int64) string { return httpx.FormatID(id) }

// splitIDs reads the ids of a multi-valued field.
func splitIDs(vals []string) []int64 {
	var out []int64
	for _, v := range vals {
		if id, err := strconv.ParseInt(strings.TrimSpace(v), 10, 64); err == nil && id > 0 {
			out = append(out, id)
		}
	}
	return out
}

// idParam reads the {id} of a patrol page's path.
func idParam(r *http.Request) (int64, error) { return httpx.PathID(r) }

// patrolNav adjusts the navigation's patrol entry to what the actor does:
// those who patrol get the module and its warning inbox, the other sides a
// warning goes to only the inbox, and the issuers and readers of the
// bulletin its page.
func patrolNav(a *pinggu.Actor, mods []navItem) []navItem {
	last := &mods[len(mods)-1]
	switch {
	case gatePatrol(a):
	case gateWarnings(a):
		*last = navItem{"nav.patrol_warnings", "/patrol/warnings", "patrol_warnings"}
		return mods
	default:
		last.Href = "/modules/patrol"
		return mods
	}
	if gateWarnings(a) {
		mods = append(mods, navItem{"nav.patrol_warnings", "/patrol/warnings", "patrol_warnings"})
	}
	if gateBulletins(a) {
		mods = append(mods, navItem{"nav.patrol_bulletins", "/patrol/bulletins", "patrol_bulletins"})
	}
	return mods
}
