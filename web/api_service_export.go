package web

import (
	"net/http"

	"github.com/pinggu/pinggu"
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
	if err := pinggu.WriteServicesCSV(w, items); err != nil {
		s.logger.Warn("write services CSV", "err", err)
	}
}
