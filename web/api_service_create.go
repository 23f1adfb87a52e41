package web

import (
	"net/http"

	"github.com/pinggu/pinggu"
)

// apiServiceCreate records a service; an owner outside the caller's scope answers 404.
func (s *Server) apiServiceCreate(w http.ResponseWriter, r *http.Request) {
	createOwned(s, w, r,
		func(v *pinggu.Service, id int64) { v.ID = id },
		func(v *pinggu.Service) int64 { return v.OrgID },
		s.opts.Services.CreateService)
}
