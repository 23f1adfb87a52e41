package ui

import (
	"net/http"

	"github.com/pinggu/pinggu"
	"github.com/pinggu/pinggu/web/httpx"
)

type orgShowData struct {
	Org           *pinggu.Organisation
	Licences      []*pinggu.Licence
	Services      []*pinggu.Service
	ServicesTotal int
	Subsidiaries  []*pinggu.Organisation
	CanEdit       bool
	CanAddService bool
}

// organisationShow shows one organisation with its licences, services,
// subsidiaries and contacts. Out of scope is the same 404 as absent.
func (s *Handler) organisationShow(w http.ResponseWriter, r *http.Request) error {
	ctx := r.Context()
	id, err := httpx.PathID(r)
	if err != nil {
		return err
	}
	o, err := s.svc.Organisations.FindOrganisation(ctx, id)
	if err != nil {
		return err
	}
	d := orgShowData{Org: o}
	if d.Licences, _, err = s.svc.Licences.ListLicences(ctx, pinggu.LicenceFilter{OrgID: id, ListOptions: pinggu.ListOptions{Limit: pinggu.MaxLimit}}); err != nil {
		return err
	}
	if d.Services, d.ServicesTotal, err = s.svc.Services.ListServices(ctx, pinggu.ServiceFilter{OrgID: id, ListOptions: pinggu.ListOptions{Limit: uiPageSize}}); err != nil {
		return err
	}
	if d.Subsidiaries, _, err = s.svc.Organisations.ListOrganisations(ctx, pinggu.OrganisationFilter{ParentID: &id, ListOptions: pinggu.ListOptions{Limit: pinggu.MaxLimit, Sort: "name"}}); err != nil {
		return err
	}
	p := s.newPage(w, r, "page.organisation")
	p.Active = "organisations"
	p.Title = o.Name
	d.CanEdit = p.Actor.May(pinggu.ActLedgerWrite)
	d.CanAddService = p.Actor.May(pinggu.ActServiceWrite)
	p.Data = d
	s.render(w, r, http.StatusOK, "organisation", p)
	return nil
}
