package api

import (
	"net/http"

	"github.com/pinggu/pinggu/web/httpx"
)

// standardImport publishes a standard or a new version of one. The store
// validates the file whole and names each problem's line and field.
func (s *Handler) standardImport(w http.ResponseWriter, r *http.Request) error {
	name, data, err := httpx.StandardFile(r)
	if err != nil {
		return err
	}
	info, err := s.svc.Standards.ImportStandard(r.Context(), name, data)
	if err != nil {
		return err
	}
	s.writeJSON(w, http.StatusCreated, info)
	return nil
}
