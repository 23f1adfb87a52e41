package ui

import (
	"net/http"
	"net/url"
	"strconv"

	"github.com/pinggu/pinggu"
)

type orgListData struct {
	Orgs       []*pinggu.Organisation
	Kinds      []option
	Provinces  []option
	Pager      pager
	Sort       map[string]sortHead
	ExportHref string
	CanCreate  bool
}

// orgFilter reads the list's filters; the parameter names are the API's, so
// the export link can pass them on unchanged.
func orgFilter(q url.Values) pinggu.OrganisationFilter {
	f := pinggu.OrganisationFilter{Query: q.Get("q"), Province: q.Get("province")}
	if k := pinggu.OrgKind(q.Get("kind")); k.Valid() {
		f.Kind = k
	}
	f.KeyOnly, _ = strconv.ParseBool(q.Get("key_only"))
	f.Enterprise, _ = strconv.ParseBool(q.Get("enterprise"))
	return f
}

// exportHref is the API's CSV export with the list's filters and without its
// paging.
func exportHref(apiPath string, q url.Values) string {
	c := url.Values{}
	for k, v := range q {
		switch k {
		case "page", "sort", "desc":
		default:
			c[k] = v
		}
	}
	if len(c) == 0 {
		return apiPath
	}
	return apiPath + "?" + c.Encode()
}

// organisationList lists the organisations in scope with filters, sorting
// and pages.
func (s *Handler) organisationList(w http.ResponseWriter, r *http.Request) error {
	p := s.newPage(w, r, "page.organisations")
	p.Active = "organisations"
	q := r.URL.Query()
	f := orgFilter(q)
	f.ListOptions = listParams(r, "name", "kind", "province", "updated_at")
	list, total, err := s.svc.Organisations.ListOrganisations(r.Context(), f)
	if err != nil {
		return err
	}
	p.Form = newForm(q)
	p.Data = orgListData{
		Orgs: list, Kinds: kindOptions(p.Lang, pinggu.OrgKinds), Provinces: provinceOptions(p.Lang, true),
		Pager: p.newCappedPager(r, total, f.ListOptions, pinggu.CountCap(f.Query)),
		Sort: p.sortHeads(r, f.ListOptions, map[string]string{
			"name": "field.org_name", "kind": "field.kind", "province": "field.province", "updated_at": "field.updated_at",
		}),
		ExportHref: exportHref("/api/organisations/export.csv", q),
		CanCreate:  p.Actor.May(pinggu.ActLedgerWrite),
	}
	s.render(w, r, http.StatusOK, "organisations", p)
	return nil
}
