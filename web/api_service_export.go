package web

import (
	"net/http"

	"github.com/pinggu/pinggu"
	"github.com/pinggu/pinggu/ledgercsv"
)

// apiServiceExport writes every service the filters select (all
// pages) as CSV that imports back unchanged.
func (s *Server) apiServiceExport(w http.ResponseWriter, r *http.Request) {
	var f pinggu.ServiceFilter
	if err := decodeQuery(r.URL.Query(), &f); err != nil {
		s.writeProblem(w, r, err)
		return
	}
	items, err := s.opts.Services.ExportServices(r.Context(), f)
	if err != nil {
		s.writeProblem(w, r, err)
		return
	}
	writeCSVHeaders(w, "services.csv")
	if err := ledgercsv.WriteServices(w, items); err != nil {
		s.logger.Warn("write services CSV", "err", err)
	}
}
