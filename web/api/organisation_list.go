package api

import (
	"net/http"

	"github.com/pinggu/pinggu"
	"github.com/pinggu/pinggu/web/httpx"
)

// organisationList lists the organisations in the caller's scope.
func (s *Handler) organisationList(w http.ResponseWriter, r *http.Request) error {
	var f pinggu.OrganisationFilter
	if err := httpx.DecodeQuery(r.URL.Query(), &f); err != nil {
		return err
	}
	f.ListOptions = f.ListOptions.Normalize()
	items, total, err := s.svc.Organisations.ListOrganisations(r.Context(), f)
	if err != nil {
		return err
	}
	s.writeJSON(w, http.StatusOK, newCappedList(items, total, f.ListOptions, pinggu.CountCap(f.Query)))
	return nil
}
