package ui

import (
	"net/http"
	"time"

	"github.com/pinggu/pinggu"
	"github.com/pinggu/pinggu/web/httpx"
)

// lifecycleStep is one state of the lifecycle strip.
type lifecycleStep struct {
	Label   string
	Current bool
}

type serviceShowData struct {
	Service   *pinggu.Service
	Lifecycle []lifecycleStep
	Next      []option
	CanEdit   bool
	// Licences are the owner's operating licences, under which it runs
	// the service.
	Licences []*pinggu.Licence
	// ReviewStatus is how the next periodic review stands, once launched.
	ReviewStatus pinggu.ReviewStatus
	// CanAssess offers the enterprise a new assessment of its own,
	// OrdersSpecial a regulator the order of a special one.
	CanAssess, OrdersSpecial bool
}

// serviceShow shows one service with its lifecycle and the moves allowed
// from its current state.
func (s *Handler) serviceShow(w http.ResponseWriter, r *http.Request) error {
	id, err := httpx.PathID(r)
	if err != nil {
		return err
	}
	v, err := s.svc.Services.FindService(r.Context(), id)
	if err != nil {
		return err
	}
	p := s.newPage(w, r, "page.service")
	p.Form = newForm(nil)
	return s.renderService(w, r, p, v, http.StatusOK)
}

func (s *Handler) renderService(w http.ResponseWriter, r *http.Request, p *page, v *pinggu.Service, status int) error {
	p.Active = "services"
	p.Title = v.Name
	// Offer only the moves this role may make: approval and lifting a
	// suspension are the regulator's.
	var next []pinggu.ServiceStatus
	for _, to := range pinggu.NextStatuses(v.Status) {
		if pinggu.CheckStatusChangeBy(p.Actor, v.Status, to) == nil {
			next = append(next, to)
		}
	}
	d := serviceShowData{Service: v, CanEdit: p.Actor.May(pinggu.ActServiceWrite), Next: statusOptions(p.Lang, next),
		OrdersSpecial: s.svc.HasAssessments() && mayCreateKind(p.Actor, v, pinggu.KindSpecial) && v.Status != pinggu.StatusRetired}
	for _, k := range []pinggu.AssessmentKind{pinggu.KindPreLaunch, pinggu.KindPeriodic, pinggu.KindThirdParty} {
		d.CanAssess = d.CanAssess || (s.svc.HasAssessments() && mayCreateKind(p.Actor, v, k))
	}
	if v.ReviewDueAt != nil {
		d.ReviewStatus = pinggu.StatusOfReview(*v.ReviewDueAt, time.Now())
	}
	lics, _, err := s.svc.Licences.ListLicences(r.Context(), pinggu.LicenceFilter{OrgID: v.OrgID, ListOptions: pinggu.ListOptions{Limit: 20}})
	if err != nil {
		return err
	}
	d.Licences = lics
	for _, st := range pinggu.ServiceStatuses {
		d.Lifecycle = append(d.Lifecycle, lifecycleStep{Label: p.StatusLabel(st), Current: st == v.Status})
	}
	p.Data = d
	s.render(w, r, status, "service", p)
	return nil
}
