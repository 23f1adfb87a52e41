package api

import (
	"net/http"

	"github.com/pinggu/pinggu"
	"github.com/pinggu/pinggu/ledgercsv"
	"github.com/pinggu/pinggu/web/httpx"
)

// serviceExport writes every service the filters select (all
// pages) as CSV that imports back unchanged.
func (s *Handler) serviceExport(w http.ResponseWriter, r *http.Request) error {
	var f pinggu.ServiceFilter
	if err := httpx.DecodeQuery(r.URL.Query(), &f); err != nil {
		return err
	}
	items, err := s.svc.Services.ExportServices(r.Context(), f)
	if err != nil {
		return err
	}
	writeCSVHeaders(w, "services.csv")
	if err := ledgercsv.WriteServices(w, items); err != nil {
		s.logger.Warn("write services CSV", "err", err)
	}
	return nil
}
