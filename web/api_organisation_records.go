package web

import (
	"context"
	"net/http"

	"github.com/pinggu/pinggu"
)

// apiOrganisationServices lists one organisation's services.
func (s *Server) apiOrganisationServices(w http.ResponseWriter, r *http.Request) {
	listOfOrganisation(s, w, r, func(ctx context.Context, id int64, o pinggu.ListOptions) ([]*pinggu.Service, int, error) {
		return s.opts.Services.ListServices(ctx, pinggu.ServiceFilter{OrgID: id, ListOptions: o})
	})
}

// apiOrganisationLicences lists one organisation's licences.
func (s *Server) apiOrganisationLicences(w http.ResponseWriter, r *http.Request) {
	listOfOrganisation(s, w, r, func(ctx context.Context, id int64, o pinggu.ListOptions) ([]*pinggu.Licence, int, error) {
		return s.opts.Licences.ListLicences(ctx, pinggu.LicenceFilter{OrgID: id, ListOptions: o})
	})
}

// listOfOrganisation is every GET /api/organisations/{id}/… list: the
// organisation is looked up first, so one outside the caller's scope
// answers 404 rather than an empty list, and the query pages the list.
func listOfOrganisation[T any](s *Server, w http.ResponseWriter, r *http.Request,
	list func(ctx context.Context, orgID int64, o pinggu.ListOptions) ([]T, int, error)) {
	id, err := pathID(r)
	if err == nil {
		_, err = s.opts.Organisations.FindOrganisation(r.Context(), id)
	}
	var o pinggu.ListOptions
	if err == nil {
		err = decodeQuery(r.URL.Query(), &o)
	}
	if err != nil {
		s.writeProblem(w, r, err)
		return
	}
	o = o.Normalize()
	items, total, err := list(r.Context(), id, o)
	if err != nil {
		s.writeProblem(w, r, err)
		return
	}
	s.writeJSON(w, http.StatusOK, newList(items, total, o))
}
