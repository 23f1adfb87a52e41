package ui

import (
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/pinggu/pinggu"
	"github.com/pinggu/pinggu/web/httpx"
	"github.com/pinggu/pinggu/web/i18n"
)

// Shared pieces of the pages of cross-department work.

// Gates of cross-department work.
var (
	gateCases     gate = func(a *pinggu.Actor) bool { return a.May(pinggu.ActCaseView) }
	gateIncidents gate = func(a *pinggu.Actor) bool { return a.May(pinggu.ActIncidentView) }
	gateJoint     gate = func(a *pinggu.Actor) bool { return a.May(pinggu.ActJointUnitView) }
)

// CaseStateLabel and the rest name the enumerations of cross-department
// work in the page's language.
func (p *page) CaseStateLabel(v pinggu.CaseState) string {
	return pinggu.LabelIn(pinggu.CaseStateLabels, v, p.Lang)
}

// CaseCategoryLabel names a case category.
func (p *page) CaseCategoryLabel(v pinggu.CaseCategory) string {
	return pinggu.LabelIn(pinggu.CaseCategoryLabels, v, p.Lang)
}

// CaseFieldLabel names a shareable field.
func (p *page) CaseFieldLabel(v pinggu.CaseField) string {
	return pinggu.LabelIn(pinggu.CaseFieldLabels, v, p.Lang)
}

// ShareStateLabel names a share's state.
func (p *page) ShareStateLabel(v pinggu.ShareState) string {
	return pinggu.LabelIn(pinggu.ShareStateLabels, v, p.Lang)
}

// CaseReplyLabel names a partner department's reply.
func (p *page) CaseReplyLabel(v pinggu.CaseReply) string {
	return pinggu.LabelIn(pinggu.CaseReplyLabels, v, p.Lang)
}

// CaseEventLabel names a case timeline entry.
func (p *page) CaseEventLabel(v pinggu.CaseEventKind) string {
	return pinggu.LabelIn(pinggu.CaseEventLabels, v, p.Lang)
}

// IncidentLevelLabel names an incident level.
func (p *page) IncidentLevelLabel(v pinggu.IncidentLevel) string {
	if l, ok := pinggu.IncidentLevelLabels[v]; ok {
		return l.In(p.Lang)
	}
	return v.Roman()
}

// IncidentCategoryLabel names an incident category.
func (p *page) IncidentCategoryLabel(v pinggu.IncidentCategory) string {
	return pinggu.LabelIn(pinggu.IncidentCategoryLabels, v, p.Lang)
}

// IncidentStateLabel names an incident state.
func (p *page) IncidentStateLabel(v pinggu.IncidentState) string {
	return pinggu.LabelIn(pinggu.IncidentStateLabels, v, p.Lang)
}

// IncidentEventLabel names an incident timeline entry.
func (p *page) IncidentEventLabel(v pinggu.IncidentEventKind) string {
	return pinggu.LabelIn(pinggu.IncidentEventLabels, v, p.Lang)
}

// TaskStateLabel names a task state.
func (p *page) TaskStateLabel(v pinggu.TaskState) string {
	return pinggu.LabelIn(pinggu.TaskStateLabels, v, p.Lang)
}

// MemberKindLabel names a member kind.
func (p *page) MemberKindLabel(v pinggu.MemberKind) string {
	return pinggu.LabelIn(pinggu.MemberKindLabels, v, p.Lang)
}

// MeetingStateLabel names a meeting state.
func (p *page) MeetingStateLabel(v pinggu.MeetingState) string {
	return pinggu.LabelIn(pinggu.MeetingStateLabels, v, p.Lang)
}

// ExchangeKindLabel names a kind of exchanged information.
func (p *page) ExchangeKindLabel(v pinggu.ExchangeKind) string {
	return pinggu.LabelIn(pinggu.ExchangeKindLabels, v, p.Lang)
}

// OpinionLabel names a sign-off opinion.
func (p *page) OpinionLabel(v pinggu.SignOpinion) string {
	return pinggu.LabelIn(pinggu.SignOpinionLabels, v, p.Lang)
}

// LevelName names a mechanism or jurisdiction: the national one for "",
// else the province.
func (p *page) LevelName(province string) string {
	if province == "" {
		return p.T("coop.national")
	}
	return p.ProvinceName(province)
}

// Late reports whether a deadline passed without the thing done.
func (p *page) Late(due time.Time, done *time.Time) bool {
	if done != nil {
		return done.After(due)
	}
	return time.Now().After(due)
}

// labelOptions turns an enumeration's values into select options.
func labelOptions[K ~string](lang string, values []K, labels map[K]pinggu.Label) []option {
	out := make([]option, len(values))
	for i, v := range values {
		out[i] = option{string(v), pinggu.LabelIn(labels, v, lang)}
	}
	return out
}

// jurisdictionOptions lists the levels the actor may act at: the national
// one and every province for the ministry, its own province for a bureau.
func jurisdictionOptions(p *page) []option {
	j, ok := p.Actor.Jurisdiction()
	switch {
	case !ok:
		return nil
	case !j.National:
		return []option{{j.Province, p.ProvinceName(j.Province)}}
	}
	return append([]option{{"", p.T("coop.national")}}, provinceOptions(p.Lang, false)...)
}

// formID reads an id field of a form; 0 when blank or bad (the store then
// names the field).
func formID(v string) int64 {
	n, _ := strconv.ParseInt(strings.TrimSpace(v), 10, 64)
	return n
}

// formIDs reads a repeated id field.
func formIDs(vs []string) []int64 {
	var out []int64
	for _, v := range vs {
		if n := formID(v); n != 0 {
			out = append(out, n)
		}
	}
	return out
}

// formTime reads a date or datetime-local field as China time.
func formTime(v string) time.Time {
	v = strings.TrimSpace(v)
	for _, layout := range []string{"2006-01-02T15:04", "2006-01-02 15:04", "2006-01-02"} {
		if t, err := time.ParseInLocation(layout, v, pinggu.ChinaTime); err == nil {
			return t.UTC()
		}
	}
	return time.Time{}
}

// formDay reads a date field as a calendar day (midnight UTC, as the store
// keeps days).
func formDay(v string) time.Time {
	t, err := time.Parse("2006-01-02", strings.TrimSpace(v))
	if err != nil {
		return time.Time{}
	}
	return t
}

// postAction runs the action of a form posted from a record's page: on
// success it returns to back with the flash; an error a form shows is shown
// on the page again (again renders it with the form's errors, 422); any
// other error goes to the adapter.
func (s *Handler) postAction(w http.ResponseWriter, r *http.Request, back, flash string, do func() error, again func(p *page) error) error {
	err := do()
	if err == nil {
		s.redirectFlash(w, r, back, flash)
		return nil
	}
	if !isFormError(err) {
		return err
	}
	p := s.newPage(w, r, "page.coop_cases")
	p.Form = newForm(r.PostForm)
	p.Form.fail(p, err)
	return again(p)
}

// pathID reads the path's id, for handlers that need it before a form.
func pathID(r *http.Request) (int64, error) { return httpx.PathID(r) }

// nowUTC is the time the pages judge deadlines by.
func nowUTC() time.Time { return time.Now().UTC() }

// pageLang is the language of the request.
func pageLang(r *http.Request) string { return i18n.FromRequest(r) }

// Dur shows a response time in hours and minutes, or a dash.
func (p *page) Dur(d *time.Duration) string {
	if d == nil {
		return "—"
	}
	m := int(d.Round(time.Minute).Minutes())
	return p.T("coop.duration", m/60, m%60)
}
