package web

import (
	"net/http"

	"github.com/pinggu/pinggu"
)

// apiServiceUpdate merges the body into the stored service and saves it.
func (s *Server) apiServiceUpdate(w http.ResponseWriter, r *http.Request) {
	mergeUpdate(s, w, r, s.opts.Services.FindService,
		func(v *pinggu.Service, id int64) { v.ID = id },
		func(v *pinggu.Service) int64 { return v.OrgID },
		s.opts.Services.UpdateService)
}
