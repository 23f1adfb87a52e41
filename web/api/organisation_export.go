package api

import (
	"net/http"

	"github.com/pinggu/pinggu"
	"github.com/pinggu/pinggu/ledgercsv"
	"github.com/pinggu/pinggu/web/httpx"
)

// organisationExport writes every organisation the filters select (all
// pages) as CSV that imports back unchanged.
func (s *Handler) organisationExport(w http.ResponseWriter, r *http.Request) error {
	var f pinggu.OrganisationFilter
	if err := httpx.DecodeQuery(r.URL.Query(), &f); err != nil {
		return err
	}
	items, err := s.svc.Organisations.ExportOrganisations(r.Context(), f)
	if err != nil {
		return err
	}
	writeCSVHeaders(w, "organisations.csv")
	if err := ledgercsv.WriteOrganisations(w, parentsFirst(items)); err != nil {
		s.logger.Warn("write organisations CSV", "err", err)
	}
	return nil
}

// parentsFirst orders organisations so that each parent in the list comes
// before its subsidiaries, keeping the list's order otherwise: an import
// resolves a parent named in the same file only from rows above it.
func parentsFirst(orgs []*pinggu.Organisation) []*pinggu.Organisation {
	byID := make(map[int64]*pinggu.Organisation, len(orgs))
	for _, o := range orgs {
		byID[o.ID] = o
	}
	out := make([]*pinggu.Organisation, 0, len(orgs))
	done := make(map[int64]bool, len(orgs))
	var add func(o *pinggu.Organisation)
	add = func(o *pinggu.Organisation) {
		if done[o.ID] {
			return
		}
		done[o.ID] = true // set before the parent so a cycle cannot recurse forever
		if p, ok := byID[parentOf(o)]; ok {
			add(p)
		}
		out = append(out, o)
	}
	for _, o := range orgs {
		add(o)
	}
	return out
}
