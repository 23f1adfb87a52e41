package ui

import (
	"net/http"

	"github.com/pinggu/pinggu"
)

type licenceListData struct {
	Licences []*pinggu.Licence
	States   []option
	Pager    pager
	Sort     map[string]sortHead
	// ExportHref is the API's CSV export with the same filters.
	ExportHref string
}

// licenceList lists the licences in scope; expiring and expired ones are
// marked so they stand out.
func (s *Handler) licenceList(w http.ResponseWriter, r *http.Request) error {
	p := s.newPage(w, r, "page.licences")
	p.Active = "licences"
	q := r.URL.Query()
	f := pinggu.LicenceFilter{Query: q.Get("q"), ListOptions: listParams(r, "number", "org_name", "valid_to")}
	var states []option
	for _, st := range []pinggu.LicenceState{pinggu.LicenceValid, pinggu.LicenceExpiring, pinggu.LicenceExpired, pinggu.LicencePending} {
		states = append(states, option{string(st), p.LicenceStateLabel(st)})
		if q.Get("state") == string(st) {
			f.State = st
		}
	}
	list, total, err := s.svc.Licences.ListLicences(r.Context(), f)
	if err != nil {
		return err
	}
	p.Form = newForm(q)
	p.Data = licenceListData{
		Licences: list, States: states, Pager: p.newPager(r, total, f.ListOptions),
		Sort:       p.sortHeads(r, f.ListOptions, map[string]string{"number": "field.licence_number", "org_name": "field.holder", "valid_to": "field.valid_period"}),
		ExportHref: exportHref("/api/licences/export.csv", q),
	}
	s.render(w, r, http.StatusOK, "licences", p)
	return nil
}
