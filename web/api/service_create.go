package api

import (
	"net/http"

	"github.com/pinggu/pinggu"
)

// serviceCreate records a service; an owner outside the caller's scope answers 404.
func (s *Handler) serviceCreate(w http.ResponseWriter, r *http.Request) error {
	return createOwned(s, w, r,
		func(v *pinggu.Service, id int64) { v.ID = id },
		func(v *pinggu.Service) int64 { return v.OrgID },
		s.svc.Services.CreateService)
}
