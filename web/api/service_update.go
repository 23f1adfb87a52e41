package api

import (
	"net/http"

	"github.com/pinggu/pinggu"
)

// serviceUpdate merges the body into the stored service and saves it.
func (s *Handler) serviceUpdate(w http.ResponseWriter, r *http.Request) error {
	return mergeUpdate(s, w, r, s.svc.Services.FindService,
		func(v *pinggu.Service, id int64) { v.ID = id },
		func(v *pinggu.Service) int64 { return v.OrgID },
		s.svc.Services.UpdateService)
}
