package ui

import (
	"net/http"
	"strconv"
	"time"

	"github.com/pinggu/pinggu"
)

// figView is a figure as a tile or a cell: its number and the list behind.
type figView struct {
	Key, Label, Value, Href, Tone string
	// Median is shown beside an average where the page gives it.
	Median string
}

type figGroup struct {
	Label   string
	Figures []figView
}

type dashboardData struct {
	Scope      string
	Province   string
	AsOf       time.Time
	Groups     []figGroup
	Trend      trendChart
	Categories chart
	Statuses   []figView
	Ranking    rankView
	// HasServices is false for an actor whose scope holds no services (a
	// partner department, a third-party body, an enterprise not yet
	// registered any): the page then shows what it has, not rows of zeros.
	HasServices bool
	// OwnOrgs are the actor's own organisations, when it has no services.
	OwnOrgs []*pinggu.Organisation
	// AwaitingReview counts the assessments a regulator has to review
	// (submitted or under review); Engagements those a third-party body
	// is engaged for. Either is shown when the actor has such work.
	AwaitingReview, Engagements *countLink
	// Reminders are the newest unread of UnreadReminders; the panel shows
	// when the server keeps reminders.
	ShowReminders   bool
	Reminders       []*pinggu.Reminder
	UnreadReminders int
}

// view shows a figure in the page's language: an average with one
// decimal, a count in full (every count is exact).
func (p *page) figView(f pinggu.Figure) figView {
	v := strconv.FormatInt(f.Value, 10)
	switch {
	case f.Avg != nil:
		v = strconv.FormatFloat(*f.Avg, 'f', 1, 64)
	case f.Average:
		v = "—" // no records to average
	}
	return figView{Key: f.Key, Label: f.Label.In(p.Lang), Value: v, Href: f.Href, Tone: f.Tone}
}

// dashboardShow shows the statistics of the actor's scope — national with
// the provinces ranked, a bureau's province, an enterprise's own records —
// each figure linking to the list it counts.
func (s *Handler) dashboardShow(w http.ResponseWriter, r *http.Request) error {
	ctx := r.Context()
	p := s.newPage(w, r, "nav.dashboard")
	p.Active = "dashboard"
	var d dashboardData
	_, n, err := s.svc.Services.ListServices(ctx, pinggu.ServiceFilter{ListOptions: pinggu.ListOptions{Limit: 1}})
	if err != nil {
		return err
	}
	d.HasServices = n > 0
	if err := s.dashboardWork(r, p, &d); err != nil {
		return err
	}
	if !d.HasServices {
		orgs, _, err := s.svc.Organisations.ListOrganisations(ctx, pinggu.OrganisationFilter{ListOptions: pinggu.ListOptions{Limit: 5, Sort: "name"}})
		if err != nil {
			return err
		}
		d.OwnOrgs = orgs
		if rs := s.svc.Reminders; rs != nil {
			d.Reminders, d.UnreadReminders, err = rs.ListReminders(ctx, pinggu.ReminderFilter{Unread: true, ListOptions: pinggu.ListOptions{Limit: 5}})
			d.ShowReminders = d.UnreadReminders > 0
		}
		p.Data = d
		s.render(w, r, http.StatusOK, "dashboard", p)
		return err
	}
	dash, err := pinggu.BuildDashboard(ctx, s.svc.Stats, time.Now())
	if err != nil {
		return err
	}
	d.Scope, d.Province, d.AsOf = dash.Scope, dash.Province, dash.AsOf
	at := map[string]int{}
	for _, f := range dash.Figures {
		i, ok := at[f.Group]
		if !ok {
			i = len(d.Groups)
			at[f.Group] = i
			d.Groups = append(d.Groups, figGroup{Label: pinggu.DashboardGroupLabels[f.Group].In(p.Lang)})
		}
		d.Groups[i].Figures = append(d.Groups[i].Figures, p.figView(f))
	}
	for _, f := range dash.Statuses {
		d.Statuses = append(d.Statuses, p.figView(f))
	}
	d.Categories = barChart(p, "dash.by_category", dash.Categories)
	d.Trend = newTrendChart(p, dash)
	d.Ranking = newRankView(p, dash)
	if rs := s.svc.Reminders; rs != nil {
		d.ShowReminders = true
		d.Reminders, d.UnreadReminders, err = rs.ListReminders(ctx, pinggu.ReminderFilter{Unread: true, ListOptions: pinggu.ListOptions{Limit: 5}})
		if err != nil {
			return err
		}
	}
	p.Data = d
	s.render(w, r, http.StatusOK, "dashboard", p)
	return nil
}

// dashboardWork counts the assessments waiting for the actor: those to
// review for a regulator, the engagements of a third-party body.
func (s *Handler) dashboardWork(r *http.Request, p *page, d *dashboardData) error {
	if !s.svc.HasAssessments() {
		return nil
	}
	one := pinggu.ListOptions{Limit: 1}
	if p.Actor.May(pinggu.ActReviewsView) {
		total := 0
		for _, st := range []pinggu.AssessmentState{pinggu.AssessSubmitted, pinggu.AssessUnderReview} {
			_, n, err := s.svc.Assessments.ListAssessments(r.Context(), pinggu.AssessmentFilter{State: st, ListOptions: one})
			if err != nil {
				return err
			}
			total += n
		}
		d.AwaitingReview = &countLink{Label: p.T("dash.awaiting_review"), Count: capped(total), Href: "/reviews"}
	}
	if !d.HasServices && pinggu.AnswersAssessments(p.Actor) {
		_, n, err := s.svc.Assessments.ListAssessments(r.Context(), pinggu.AssessmentFilter{ListOptions: one})
		if err != nil {
			return err
		}
		if n > 0 {
			d.Engagements = &countLink{Label: p.T("dash.engagements"), Count: capped(n), Href: "/assessments"}
		}
	}
	return nil
}

// countLink is a figure of the actor's own work and the list it stands for.
type countLink struct {
	Key, Label, Count, Href string
}

// capped writes a list's total, which lists cap at pinggu.TotalCap.
func capped(n int) string {
	if n >= pinggu.TotalCap {
		return strconv.Itoa(pinggu.TotalCap) + "+"
	}
	return strconv.Itoa(n)
}
