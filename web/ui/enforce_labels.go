package ui

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/pinggu/pinggu"
)

// Labels and helpers of the enforcement pages.

// OrderStateLabel names an order state.
func (p *page) OrderStateLabel(s pinggu.OrderState) string {
	return pinggu.LabelIn(pinggu.OrderStateLabels, s, p.Lang)
}

// ProblemStateLabel names a problem state.
func (p *page) ProblemStateLabel(s pinggu.ProblemState) string {
	return pinggu.LabelIn(pinggu.ProblemStateLabels, s, p.Lang)
}

// VerdictOfAnswer names the verification of an answer.
func (p *page) VerdictOfAnswer(v pinggu.AnswerVerdict) string {
	return pinggu.LabelIn(pinggu.AnswerVerdictLabels, v, p.Lang)
}

// RecheckStateLabel names what the re-fetch verifying an answer found.
func (p *page) RecheckStateLabel(s pinggu.RecheckState) string {
	return pinggu.LabelIn(pinggu.RecheckStateLabels, s, p.Lang)
}

// ExtensionStateLabel names where a request for more time stands.
func (p *page) ExtensionStateLabel(s pinggu.ExtensionState) string {
	return pinggu.LabelIn(pinggu.ExtensionStateLabels, s, p.Lang)
}

// StepLabel names a step of the escalation ladder.
func (p *page) StepLabel(s pinggu.EscalationStep) string {
	return pinggu.LabelIn(pinggu.StepLabels, s, p.Lang)
}

// EscalationStateLabel names where a step stands.
func (p *page) EscalationStateLabel(s pinggu.EscalationState) string {
	return pinggu.LabelIn(pinggu.EscalationStateLabels, s, p.Lang)
}

// BadKindLabel names a kind of the register.
func (p *page) BadKindLabel(k pinggu.BadRecordKind) string {
	return pinggu.LabelIn(pinggu.BadRecordKindLabels, k, p.Lang)
}

// BadStateLabel names an entry's state.
func (p *page) BadStateLabel(s pinggu.BadRecordState) string {
	return pinggu.LabelIn(pinggu.BadRecordStateLabels, s, p.Lang)
}

// BadActionLabel names an action on an entry.
func (p *page) BadActionLabel(a pinggu.BadRecordAction) string {
	return pinggu.LabelIn(pinggu.BadRecordActionLabels, a, p.Lang)
}

// CampaignKindLabel names a kind of inspection.
func (p *page) CampaignKindLabel(k pinggu.CampaignKind) string {
	return pinggu.LabelIn(pinggu.CampaignKindLabels, k, p.Lang)
}

// CampaignStateLabel names a campaign state.
func (p *page) CampaignStateLabel(s pinggu.CampaignState) string {
	return pinggu.LabelIn(pinggu.CampaignStateLabels, s, p.Lang)
}

// CheckResultLabel names a checklist result.
func (p *page) CheckResultLabel(r pinggu.CheckResult) string {
	return pinggu.LabelIn(pinggu.CheckResultLabels, r, p.Lang)
}

// VerdictLabel names an annual inspection verdict.
func (p *page) VerdictLabel(v pinggu.Verdict) string {
	return pinggu.LabelIn(pinggu.VerdictLabels, v, p.Lang)
}

// DossierStateLabel names where a dossier stands.
func (p *page) DossierStateLabel(s pinggu.DossierState) string {
	return pinggu.LabelIn(pinggu.DossierStateLabels, s, p.Lang)
}

// RefKindLabel names the kind of a linked record.
func (p *page) RefKindLabel(k string) string { return pinggu.LabelIn(pinggu.RefKindLabels, k, p.Lang) }

// RecordHref is the page of a linked record when the viewer can open it,
// or "" (the page then shows the reference as text).
func (p *page) RecordHref(r pinggu.Ref) string {
	if r.ID == 0 {
		return ""
	}
	id := strconv.FormatInt(r.ID, 10)
	switch r.Kind {
	case pinggu.RefOrder:
		return "/orders/" + id
	case pinggu.RefAssessment:
		return "/assessments/" + id
	case "service":
		return "/services/" + id
	case "organisation":
		return "/organisations/" + id
	case "patrol_warning":
		return "/patrol/warnings/" + id
	case "patrol_snapshot":
		return "/patrol/snapshots/" + id
	case "patrol_target":
		return "/patrol/targets/" + id
	case pinggu.RefInspection:
		return "/inspections/" + id
	case pinggu.RefBadRecord:
		return "/bad-records/" + id
	case pinggu.RefDossier:
		return "/annual/dossiers/" + id
	case pinggu.RefCampaign:
		if _, ok := p.Actor.CampaignScope(); ok {
			return "/campaigns/" + id
		}
	}
	return ""
}

// enforcementRefOptions are the enforcement records a case can gather.
func enforcementRefOptions(p *page) []option {
	var out []option
	for _, k := range []string{pinggu.RefOrder, pinggu.RefOrderProblem, pinggu.RefInspection, pinggu.RefBadRecord} {
		out = append(out, option{k, p.RefKindLabel(k)})
	}
	return out
}

// RefText is a linked record as text: its kind and number.
func (p *page) RefText(r pinggu.Ref) string {
	if r.Kind == "" {
		return p.RefKindLabel("")
	}
	return fmt.Sprintf("%s #%d", p.RefKindLabel(r.Kind), r.ID)
}

// Day shows a date in China Standard Time; "—" for none.
func (p *page) Day(t any) string {
	switch v := t.(type) {
	case time.Time:
		if !v.IsZero() {
			return v.In(pinggu.ChinaTime).Format("2006-01-02")
		}
	case *time.Time:
		if v != nil && !v.IsZero() {
			return v.In(pinggu.ChinaTime).Format("2006-01-02")
		}
	}
	return "—"
}

// Stamp shows a time in China Standard Time; "—" for none.
func (p *page) Stamp(t any) string {
	switch v := t.(type) {
	case time.Time:
		if !v.IsZero() {
			return v.In(pinggu.ChinaTime).Format("2006-01-02 15:04")
		}
	case *time.Time:
		if v != nil && !v.IsZero() {
			return v.In(pinggu.ChinaTime).Format("2006-01-02 15:04")
		}
	}
	return "—"
}

// Lines joins reasons one per line.
func (p *page) Lines(ss []string) string { return strings.Join(ss, "\n") }

// parseDay reads a yyyy-mm-dd field as that day in China Standard Time.
func parseDay(s string) (time.Time, bool) {
	t, err := time.ParseInLocation("2006-01-02", strings.TrimSpace(s), pinggu.ChinaTime)
	return t, err == nil
}

// parseStamp reads a datetime-local field in China Standard Time.
func parseStamp(s string) (time.Time, bool) {
	s = strings.TrimSpace(s)
	for _, layout := range []string{"2006-01-02T15:04", "2006-01-02 15:04", "2006-01-02"} {
		if t, err := time.ParseInLocation(layout, s, pinggu.ChinaTime); err == nil {
			return t, true
		}
	}
	return time.Time{}, false
}

// SeesCampaigns reports whether the viewer sees inspection campaigns.
func (p *page) SeesCampaigns() bool {
	_, ok := p.Actor.CampaignScope()
	return ok
}

// VerdictList lists the verdicts in display order.
func (p *page) VerdictList() []pinggu.Verdict { return pinggu.Verdicts }

// BadKinds lists the register's kinds.
func (p *page) BadKinds() []pinggu.BadRecordKind { return pinggu.BadRecordKinds }

// enforcementNav are the enforcement pages under the module's entry: the
// ladder for regulators, the register for all, campaigns for those who see
// them, and the annual inspection.
func enforcementNav(a *pinggu.Actor) []navItem {
	var out []navItem
	if a.May(pinggu.ActEnforcementView) {
		out = append(out, navItem{"nav.escalations", "/escalations", "escalations"})
	}
	out = append(out, navItem{"nav.bad_records", "/bad-records", "bad_records"})
	if _, ok := a.CampaignScope(); ok {
		out = append(out, navItem{"nav.campaigns", "/campaigns", "campaigns"})
	}
	return append(out, navItem{"nav.annual", "/annual", "annual"})
}
