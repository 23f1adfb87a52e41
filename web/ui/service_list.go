package ui

import (
	"net/http"
	"net/url"
	"strconv"

	"github.com/pinggu/pinggu"
)

type serviceListData struct {
	Services   []*pinggu.Service
	Categories []option
	Statuses   []option
	Provinces  []option
	OrgName    string
	Pager      pager
	Sort       map[string]sortHead
	ExportHref string
	CanCreate  bool
}

// serviceFilter reads the list's filters under the API's parameter names.
func serviceFilter(q url.Values) pinggu.ServiceFilter {
	f := pinggu.ServiceFilter{Query: q.Get("q"), Province: q.Get("province")}
	if c := pinggu.Category(q.Get("category")); c.Valid() {
		f.Category = c
	}
	if st := pinggu.ServiceStatus(q.Get("status")); st.Valid() {
		f.Status = st
	}
	f.OrgID, _ = strconv.ParseInt(q.Get("org_id"), 10, 64)
	return f
}

// serviceList lists the services in scope with filters, sorting and pages.
func (s *Handler) serviceList(w http.ResponseWriter, r *http.Request) error {
	p := s.newPage(w, r, "page.services")
	p.Active = "services"
	q := r.URL.Query()
	f := serviceFilter(q)
	f.ListOptions = listParams(r, "name", "category", "status", "province", "updated_at")
	d := serviceListData{
		Categories: categoryOptions(p.Lang), Statuses: statusOptions(p.Lang, pinggu.ServiceStatuses), Provinces: provinceOptions(p.Lang, true),
		ExportHref: exportHref("/api/services/export.csv", q), CanCreate: p.Actor.May(pinggu.ActServiceWrite),
	}
	if f.OrgID != 0 {
		// The owner filter shows the owner's name; an owner out of scope is
		// as absent as any other record.
		o, err := s.svc.Organisations.FindOrganisation(r.Context(), f.OrgID)
		if err != nil {
			return err
		}
		d.OrgName = o.Name
	}
	list, total, err := s.svc.Services.ListServices(r.Context(), f)
	if err != nil {
		return err
	}
	d.Services = list
	d.Pager = p.newCappedPager(r, total, f.ListOptions, pinggu.CountCap(f.Query))
	d.Sort = p.sortHeads(r, f.ListOptions, map[string]string{
		"name": "field.service_name", "category": "field.category", "status": "field.status", "province": "field.province", "updated_at": "field.updated_at",
	})
	p.Form = newForm(q)
	p.Data = d
	s.render(w, r, http.StatusOK, "services", p)
	return nil
}
