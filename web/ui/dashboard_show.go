package ui

import (
	"net/http"
	"strconv"

	"github.com/pinggu/pinggu"
)

// countLink is a figure on the dashboard and the list it stands for.
type countLink struct {
	Key, Label, Count, Href string
}

// bar is one bar of the server-drawn chart, in SVG user units.
type bar struct {
	X, Y, W, H, LabelX, CountX, TextY int
	Label, Count, Href                string
}

type chart struct {
	Width, Height int
	Bars          []bar
}

type dashboardData struct {
	Orgs, Services, Expiring, Expired countLink
	ByStatus                          []countLink
	Chart                             chart
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

// capped shows a count, with "+" when the store stopped counting.
func capped(n int) string {
	if n >= pinggu.TotalCap {
		return strconv.Itoa(pinggu.TotalCap) + "+"
	}
	return strconv.Itoa(n)
}

// dashboardShow shows the figures of the actor's scope, each linking to the
// list it counts.
func (s *Handler) dashboardShow(w http.ResponseWriter, r *http.Request) error {
	ctx := r.Context()
	p := s.newPage(w, r, "nav.dashboard")
	p.Active = "dashboard"
	one := pinggu.ListOptions{Limit: 1}
	var d dashboardData
	_, n, err := s.svc.Organisations.ListOrganisations(ctx, pinggu.OrganisationFilter{ListOptions: one})
	if err != nil {
		return err
	}
	d.Orgs = countLink{Label: p.T("dash.orgs"), Count: capped(n), Href: "/organisations"}
	_, n, err = s.svc.Services.ListServices(ctx, pinggu.ServiceFilter{ListOptions: one})
	if err != nil {
		return err
	}
	d.Services = countLink{Label: p.T("dash.services"), Count: capped(n), Href: "/services"}
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
	for _, st := range pinggu.ServiceStatuses {
		_, n, err := s.svc.Services.ListServices(ctx, pinggu.ServiceFilter{Status: st, ListOptions: one})
		if err != nil {
			return err
		}
		d.ByStatus = append(d.ByStatus, countLink{Key: string(st), Label: p.StatusLabel(st), Count: capped(n), Href: "/services?status=" + string(st)})
	}
	for _, st := range []pinggu.LicenceState{pinggu.LicenceExpiring, pinggu.LicenceExpired} {
		_, n, err := s.svc.Licences.ListLicences(ctx, pinggu.LicenceFilter{State: st, ListOptions: one})
		if err != nil {
			return err
		}
		c := countLink{Key: string(st), Count: capped(n), Href: "/licences?state=" + string(st)}
		if st == pinggu.LicenceExpiring {
			c.Label = p.T("dash.expiring")
			d.Expiring = c
		} else {
			c.Label = p.T("dash.expired")
			d.Expired = c
		}
	}
	counts := make([]int, len(pinggu.Categories))
	for i, c := range pinggu.Categories {
		_, n, err := s.svc.Services.ListServices(ctx, pinggu.ServiceFilter{Category: c, ListOptions: one})
		if err != nil {
			return err
		}
		counts[i] = n
	}
	d.Chart = categoryChart(p, counts)
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

// categoryChart lays out a horizontal bar per category, scaled to the
// largest count.
func categoryChart(p *page, counts []int) chart {
	const labelW, barMax, rowH, barH, pad = 150, 300, 26, 18, 6
	most := 1
	for _, n := range counts {
		most = max(most, n)
	}
	c := chart{Width: labelW + barMax + 70, Height: len(counts)*rowH + pad}
	for i, cat := range pinggu.Categories {
		y := pad + i*rowH
		w := counts[i] * barMax / most
		if counts[i] > 0 && w < 2 {
			w = 2
		}
		c.Bars = append(c.Bars, bar{
			X: labelW, Y: y, W: w, H: barH, LabelX: labelW - 8, CountX: labelW + w + 6, TextY: y + 13,
			Label: p.CategoryLabel(cat), Count: capped(counts[i]), Href: "/services?category=" + string(cat),
		})
	}
	return c
}
