package web

import (
	"net/http"

	"github.com/pinggu/pinggu"
)

// apiOrganisationExport writes every organisation the filters select (all
// pages) as CSV that imports back unchanged.
func (s *Server) apiOrganisationExport(w http.ResponseWriter, r *http.Request) {
	var f pinggu.OrganisationFilter
	if err := decodeQuery(r.URL.Query(), &f); err != nil {
		s.writeProblem(w, r, err)
		return
	}
	items, err := listAll(&f.ListOptions, func() ([]*pinggu.Organisation, error) {
		items, _, err := s.opts.Organisations.ListOrganisations(r.Context(), f)
		return items, err
	})
	if err != nil {
		s.writeProblem(w, r, err)
		return
	}
	writeCSVHeaders(w, "organisations.csv")
	if err := pinggu.WriteOrganisationsCSV(w, items); err != nil {
		s.logger.Warn("write organisations CSV", "err", err)
	}
}
