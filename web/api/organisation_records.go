package api

import (
	"context"
	"net/http"

	"github.com/pinggu/pinggu"
	"github.com/pinggu/pinggu/web/httpx"
)

// organisationServices lists one organisation's services.
func (s *Handler) organisationServices(w http.ResponseWriter, r *http.Request) error {
	return listOfOrganisation(s, w, r, func(ctx context.Context, id int64, o pinggu.ListOptions) ([]*pinggu.Service, int, error) {
		return s.svc.Services.ListServices(ctx, pinggu.ServiceFilter{OrgID: id, ListOptions: o})
	})
}

// organisationLicences lists one organisation's licences.
func (s *Handler) organisationLicences(w http.ResponseWriter, r *http.Request) error {
	return listOfOrganisation(s, w, r, func(ctx context.Context, id int64, o pinggu.ListOptions) ([]*pinggu.Licence, int, error) {
		return s.svc.Licences.ListLicences(ctx, pinggu.LicenceFilter{OrgID: id, ListOptions: o})
	})
}

// listOfOrganisation is every GET /api/organisations/{id}/… list: the
// organisation is looked up first, so one outside the caller's scope
// answers 404 rather than an empty list, and the query pages the list.
func listOfOrganisation[T any](s *Handler, w http.ResponseWriter, r *http.Request,
	list func(ctx context.Context, orgID int64, o pinggu.ListOptions) ([]T, int, error)) error {
	id, err := httpx.PathID(r)
	if err == nil {
		_, err = s.svc.Organisations.FindOrganisation(r.Context(), id)
	}
	var o pinggu.ListOptions
	if err == nil {
		err = httpx.DecodeQuery(r.URL.Query(), &o)
	}
	if err != nil {
		return err
	}
	o = o.Normalize()
	items, total, err := list(r.Context(), id, o)
	if err != nil {
		return err
	}
	s.writeJSON(w, http.StatusOK, newList(items, total, o))
	return nil
}
