package api

import (
	"net/http"

	"github.com/pinggu/pinggu"
	"github.com/pinggu/pinggu/ledgercsv"
	"github.com/pinggu/pinggu/web/httpx"
)

// licenceExport writes every licence the filters select (all
// pages) as CSV; there is no licence import yet.
func (s *Handler) licenceExport(w http.ResponseWriter, r *http.Request) error {
	var f pinggu.LicenceFilter
	if err := httpx.DecodeQuery(r.URL.Query(), &f); err != nil {
		return err
	}
	items, err := listAll(&f.ListOptions, func() ([]*pinggu.Licence, error) {
		items, _, err := s.svc.Licences.ListLicences(r.Context(), f)
		return items, err
	})
	if err != nil {
		return err
	}
	writeCSVHeaders(w, "licences.csv")
	if err := ledgercsv.WriteLicences(w, items); err != nil {
		s.logger.Warn("write licences CSV", "err", err)
	}
	return nil
}
