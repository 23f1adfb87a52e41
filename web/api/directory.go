package api

import (
	"net/http"

	"github.com/pinggu/pinggu"
	"github.com/pinggu/pinggu/web/httpx"
)

// directoryQuery is the query of GET /api/directory/organisations.
type directoryQuery struct {
	Query string `json:"q,omitempty"`
	Limit int    `json:"limit,omitempty"`
}

// directory lists organisation names for placing accounts, without any
// business data, so system administrators need no ledger access.
func (s *Handler) directory(w http.ResponseWriter, r *http.Request) error {
	if err := requireUserAdmin(r, false); err != nil {
		return err
	}
	var q directoryQuery
	if err := httpx.DecodeQuery(r.URL.Query(), &q); err != nil {
		return err
	}
	lo := pinggu.ListOptions{Limit: q.Limit}.Normalize()
	refs, err := s.svc.Organisations.OrganisationDirectory(r.Context(), q.Query, lo.Limit)
	if err != nil {
		return err
	}
	s.writeJSON(w, http.StatusOK, newList(refs, len(refs), lo))
	return nil
}
