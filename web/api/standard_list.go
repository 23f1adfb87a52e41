package api

import (
	"net/http"

	"github.com/pinggu/pinggu"
)

// standardList lists every published version of every standard.
func (s *Handler) standardList(w http.ResponseWriter, r *http.Request) error {
	items, err := s.svc.Standards.ListStandards(r.Context())
	if err != nil {
		return err
	}
	s.writeJSON(w, http.StatusOK, newList(items, len(items), pinggu.ListOptions{Limit: len(items)}))
	return nil
}
