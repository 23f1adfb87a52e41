package ui

import (
	"html/template"
	"net/http"
	"net/url"
	"time"

	"github.com/pinggu/pinggu"
)

// gatePracticeReports admits those who see any practice report: the
// enterprises (their own and their subsidiaries') and the regulators.
var gatePracticeReports gate = func(a *pinggu.Actor) bool { return a.ReportScope().Kind != pinggu.ScopeNone }

// gateReportOverview admits those who see who has reported.
var gateReportOverview gate = func(a *pinggu.Actor) bool { return a.May(pinggu.ActReportOverview) }

type practiceReportListData struct {
	Items       []*pinggu.PracticeReport
	Pager       pager
	Periods     []option
	Filters     []filterSelect
	CanCreate   bool
	CanOverview bool
	// Default is the period a new report is for: the last quarter.
	Default pinggu.Period
}

// recentQuarters are the periods people pick: the current quarter and
// the seven before it.
func recentQuarters(p *page, now time.Time) []option {
	var out []option
	t := now.In(pinggu.ChinaTime)
	for range 8 {
		q := pinggu.QuarterOf(t)
		out = append(out, option{string(q), q.Label(p.Lang)})
		t = t.AddDate(0, -3, 0)
	}
	return out
}

// reportFilters are the list's and the overview's selects: the period,
// the province for the ministry, and the state or status.
func reportFilters(p *page, periods []option, statusLabel, statusName string, statuses []option) []filterSelect {
	out := []filterSelect{p.Filter("preport.period", "period", periods)}
	if j, ok := p.Actor.Jurisdiction(); ok && j.National {
		var provs []option
		for _, pr := range pinggu.MainlandProvinces() {
			provs = append(provs, option{pr.Code, p.ProvinceName(pr.Code)})
		}
		out = append(out, p.Filter("field.province", "province", provs))
	}
	return append(out, p.Filter(statusLabel, statusName, statuses))
}

// practiceReportList lists the reports the caller sees, with the form
// that opens the enterprise's report of a period.
func (s *Handler) practiceReportList(w http.ResponseWriter, r *http.Request) error {
	p := s.newPage(w, r, "page.practice_reports")
	p.Form = newForm(r.URL.Query())
	return s.renderReportList(w, r, p, http.StatusOK)
}

func (s *Handler) renderReportList(w http.ResponseWriter, r *http.Request, p *page, status int) error {
	p.Active = "practice_reports"
	q := r.URL.Query()
	f := pinggu.PracticeReportFilter{Period: q.Get("period"), Province: q.Get("province"), State: q.Get("state"), ListOptions: listParams(r)}
	items, total, err := s.svc.PracticeReports.ListPracticeReports(r.Context(), f)
	if err != nil {
		return err
	}
	var states []option
	for _, st := range pinggu.ReportStates {
		if st == pinggu.ReportDraft && p.Actor.ReportScope().SubmittedOnly {
			continue // a regulator never sees a draft
		}
		states = append(states, option{string(st), p.ReportState(st)})
	}
	periods := recentQuarters(p, time.Now())
	p.Data = practiceReportListData{Items: items, Pager: p.newPager(r, total, f.ListOptions), Periods: periods,
		Filters:     reportFilters(p, periods, "preport.state", "state", states),
		CanCreate:   !p.Actor.IsSystem() && pinggu.Allowed(p.Actor, pinggu.ActReportWrite, pinggu.Subject{OrgID: p.Actor.OrgID}),
		CanOverview: gateReportOverview(p.Actor), Default: pinggu.PreviousQuarter(time.Now())}
	s.render(w, r, status, "practice_reports", p)
	return nil
}

type reportOverviewData struct {
	Overview *pinggu.ReportOverview
	Filters  []filterSelect
	// CSV and XLSX are the exports of the overview as filtered.
	CSV, XLSX template.URL
	National  bool
}

// practiceReportOverview shows who has reported for a period: the tally
// per province and every enterprise the caller oversees with its status.
func (s *Handler) practiceReportOverview(w http.ResponseWriter, r *http.Request) error {
	p := s.newPage(w, r, "page.practice_report_overview")
	p.Active = "practice_reports"
	q := r.URL.Query()
	if q.Get("period") == "" {
		q.Set("period", string(pinggu.PreviousQuarter(time.Now())))
	}
	p.Form = newForm(q)
	ov, err := s.svc.PracticeReports.ReportOverview(r.Context(), pinggu.ReportOverviewFilter{Period: q.Get("period"), Province: q.Get("province"), Status: q.Get("status")})
	if err != nil {
		return err
	}
	var statuses []option
	for _, st := range pinggu.ReportStatuses {
		statuses = append(statuses, option{string(st), p.ReportStatus(st)})
	}
	j, _ := p.Actor.Jurisdiction()
	export := url.Values{"period": {string(ov.Period)}}
	for _, k := range []string{"province", "status"} {
		if v := q.Get(k); v != "" {
			export.Set(k, v)
		}
	}
	p.Data = reportOverviewData{Overview: ov, Filters: reportFilters(p, recentQuarters(p, time.Now()), "preport.status", "status", statuses),
		CSV: template.URL("/api/practice-reports/overview.csv?" + export.Encode()), XLSX: template.URL("/api/practice-reports/overview.xlsx?" + export.Encode()),
		National: j.National}
	s.render(w, r, http.StatusOK, "practice_report_overview", p)
	return nil
}

// ReportState names a report's state.
func (p *page) ReportState(st pinggu.ReportState) string {
	return pinggu.LabelIn(pinggu.ReportStateLabels, st, p.Lang)
}

// ReportStatus names where an enterprise stands for a period.
func (p *page) ReportStatus(st pinggu.ReportStatus) string {
	return pinggu.LabelIn(pinggu.ReportStatusLabels, st, p.Lang)
}

// ReportTitle names a report in the page's language.
func (p *page) ReportTitle(r *pinggu.PracticeReport) string { return r.Title(p.Lang) }
