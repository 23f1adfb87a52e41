package web

import (
	"net/http"

	"github.com/pinggu/pinggu"
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

// uiOrganisationShow shows one organisation with its licences, services,
// subsidiaries and contacts. Out of scope is the same 404 as absent.
func (s *Server) uiOrganisationShow(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	id, err := pathID(r)
	if err != nil {
		s.uiError(w, r, err)
		return
	}
	o, err := s.opts.Organisations.FindOrganisation(ctx, id)
	if err != nil {
		s.uiError(w, r, err)
		return
	}
	d := orgShowData{Org: o}
	if d.Licences, _, err = s.opts.Licences.ListLicences(ctx, pinggu.LicenceFilter{OrgID: id, ListOptions: pinggu.ListOptions{Limit: pinggu.MaxLimit}}); err != nil {
		s.uiError(w, r, err)
		return
	}
	if d.Services, d.ServicesTotal, err = s.opts.Services.ListServices(ctx, pinggu.ServiceFilter{OrgID: id, ListOptions: pinggu.ListOptions{Limit: uiPageSize}}); err != nil {
		s.uiError(w, r, err)
		return
	}
	if d.Subsidiaries, _, err = s.opts.Organisations.ListOrganisations(ctx, pinggu.OrganisationFilter{ParentID: &id, ListOptions: pinggu.ListOptions{Limit: pinggu.MaxLimit, Sort: "name"}}); err != nil {
		s.uiError(w, r, err)
		return
	}
	p := s.newPage(w, r, "page.organisation")
	p.Active = "organisations"
	p.Title = o.Name
	d.CanEdit = p.Actor.May(pinggu.ActLedgerWrite)
	d.CanAddService = p.Actor.May(pinggu.ActServiceWrite)
	p.Data = d
	s.render(w, r, http.StatusOK, "organisation", p)
}
