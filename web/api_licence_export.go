package web

import (
	"net/http"

	"github.com/pinggu/pinggu"
	"github.com/pinggu/pinggu/ledgercsv"
)

// apiLicenceExport writes every licence the filters select (all
// pages) as CSV; there is no licence import yet.
func (s *Server) apiLicenceExport(w http.ResponseWriter, r *http.Request) {
	var f pinggu.LicenceFilter
	if err := decodeQuery(r.URL.Query(), &f); err != nil {
		s.writeProblem(w, r, err)
		return
	}
	items, err := listAll(&f.ListOptions, func() ([]*pinggu.Licence, error) {
		items, _, err := s.opts.Licences.ListLicences(r.Context(), f)
		return items, err
	})
	if err != nil {
		s.writeProblem(w, r, err)
		return
	}
	writeCSVHeaders(w, "licences.csv")
	if err := ledgercsv.WriteLicences(w, items); err != nil {
		s.logger.Warn("write licences CSV", "err", err)
	}
}
