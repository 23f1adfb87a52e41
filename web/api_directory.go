package web

import (
	"net/http"

	"github.com/pinggu/pinggu"
)

// directoryQuery is the query of GET /api/directory/organisations.
type directoryQuery struct {
	Query string `json:"q,omitempty"`
	Limit int    `json:"limit,omitempty"`
}

// apiDirectory lists organisation names for placing accounts, without any
// business data, so system administrators need no ledger access.
func (s *Server) apiDirectory(w http.ResponseWriter, r *http.Request) {
	if err := requireUserAdmin(r, false); err != nil {
		s.writeProblem(w, r, err)
		return
	}
	var q directoryQuery
	if err := decodeQuery(r.URL.Query(), &q); err != nil {
		s.writeProblem(w, r, err)
		return
	}
	lo := pinggu.ListOptions{Limit: q.Limit}.Normalize()
	refs, err := s.opts.Organisations.OrganisationDirectory(r.Context(), q.Query, lo.Limit)
	if err != nil {
		s.writeProblem(w, r, err)
		return
	}
	s.writeJSON(w, http.StatusOK, newList(refs, len(refs), lo))
}
