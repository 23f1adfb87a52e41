package ui

import (
	"net/http"
	"strings"

	"github.com/pinggu/pinggu"
)

// orderChoices is how many services the order page lists for a query.
const orderChoices = 20

type assessmentOrderData struct {
	Query    string
	Services []*pinggu.Service
	Total    int
}

// assessmentOrder is the regulator's way to order a special assessment from
// the menu: find the service in its jurisdiction by name (or its owner's),
// then fill in the order's form with its due date.
func (s *Handler) assessmentOrder(w http.ResponseWriter, r *http.Request) error {
	p := s.newPage(w, r, "page.assessment_order")
	p.Active = "assessment_order"
	if !p.Actor.May(pinggu.ActAssessmentOrder) {
		return errForbidden
	}
	q := strings.TrimSpace(r.URL.Query().Get("q"))
	p.Form = newForm(r.URL.Query())
	d := assessmentOrderData{Query: q}
	if q != "" {
		list, total, err := s.svc.Services.ListServices(r.Context(), pinggu.ServiceFilter{Query: q, ListOptions: pinggu.ListOptions{Limit: orderChoices, Sort: "name"}})
		if err != nil {
			return err
		}
		for _, svc := range list {
			if svc.Status != pinggu.StatusRetired && mayCreateKind(p.Actor, svc, pinggu.KindSpecial) {
				d.Services = append(d.Services, svc)
			}
		}
		d.Total = total
	}
	p.Data = d
	s.render(w, r, http.StatusOK, "assessment_order", p)
	return nil
}
