package ui

import (
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"

	"github.com/pinggu/pinggu"
	"github.com/pinggu/pinggu/web/httpx"
)

// ownerChoices is how many owners the select offers before the user must
// narrow them with a search.
const ownerChoices = 200

type serviceFormData struct {
	Action, Cancel, SearchAction, OrgQuery string
	Edit, OrgSearch                        bool
	Owners, Categories, Statuses           []option
	Provinces, TargetKinds                 []option
	Targets                                [][]string
}

var targetFields = []string{"target_kind", "target_value", "target_note"}

// serviceValues puts a service into form values.
func serviceValues(v *pinggu.Service) url.Values {
	out := url.Values{
		"org_id": {strconv.FormatInt(v.OrgID, 10)}, "name": {v.Name}, "category": {string(v.Category)},
		"status": {string(v.Status)}, "provinces": v.Provinces, "tags": {strings.Join(v.Tags, ", ")},
		"description": {v.Description},
	}
	for _, t := range v.Targets {
		out.Add("target_kind", string(t.Kind))
		out.Add("target_value", t.Value)
		out.Add("target_note", t.Note)
	}
	return out
}

// targetRows reads the target rows; a row with neither value nor note is a
// blank row left by the form, whatever its kind select says.
func targetRows(v url.Values) [][]string {
	var out [][]string
	for _, row := range rows(v, targetFields...) {
		if row[1] != "" || row[2] != "" {
			out = append(out, row)
		}
	}
	return out
}

// serviceFromForm applies the form to v; the status is set only on create.
func serviceFromForm(p *page, f url.Values, v *pinggu.Service, create bool) *pinggu.Validation {
	var val pinggu.Validation
	v.OrgID = 0
	if s := strings.TrimSpace(f.Get("org_id")); s != "" {
		id, ok := httpx.ParseID(s)
		if !ok {
			val.Add(0, "org_id", "%s", p.T("err.choose_valid"))
		}
		v.OrgID = id
	}
	v.Name = f.Get("name")
	v.Category = pinggu.Category(f.Get("category"))
	if create {
		v.Status = pinggu.ServiceStatus(f.Get("status"))
	}
	v.Provinces = slices.Clone(f["provinces"])
	v.Tags = splitList(f.Get("tags"))
	v.Description = f.Get("description")
	v.Targets = nil
	for _, row := range targetRows(f) {
		v.Targets = append(v.Targets, pinggu.Target{Kind: pinggu.TargetKind(row[0]), Value: row[1], Note: row[2]})
	}
	return &val
}

// renderServiceForm shows the create or edit form. The owner select holds
// the organisations in scope, narrowed by org_q when there are many.
func (s *Handler) renderServiceForm(w http.ResponseWriter, r *http.Request, p *page, d serviceFormData) error {
	ctx := r.Context()
	d.OrgQuery = strings.TrimSpace(r.URL.Query().Get("org_q"))
	orgs, total, err := s.svc.Organisations.ListOrganisations(ctx, pinggu.OrganisationFilter{Query: d.OrgQuery, ListOptions: pinggu.ListOptions{Limit: ownerChoices, Sort: "name"}})
	if err != nil {
		return err
	}
	d.OrgSearch = total > ownerChoices || d.OrgQuery != ""
	for _, o := range orgs {
		if o.Kind.IsEnterprise() {
			d.Owners = append(d.Owners, option{strconv.FormatInt(o.ID, 10), o.Name + " · " + provinceName(p.Lang, o.Province)})
		}
	}
	if cur := p.Form.V("org_id"); cur != "" && !slices.ContainsFunc(d.Owners, func(o option) bool { return o.Value == cur }) {
		if id, ok := httpx.ParseID(cur); ok {
			if o, err := s.svc.Organisations.FindOrganisation(ctx, id); err == nil {
				d.Owners = append([]option{{cur, o.Name}}, d.Owners...)
			}
		}
	}
	d.Categories = categoryOptions(p.Lang)
	d.Statuses = statusOptions(p.Lang, []pinggu.ServiceStatus{pinggu.StatusPlanned, pinggu.StatusInAssessment, pinggu.StatusApproved, pinggu.StatusLaunched})
	d.Provinces = provinceOptions(p.Lang, true)
	for _, k := range []pinggu.TargetKind{pinggu.TargetURL, pinggu.TargetAppListing, pinggu.TargetNumber} {
		d.TargetKinds = append(d.TargetKinds, option{string(k), p.TargetKindLabel(k)})
	}
	d.Targets = append(targetRows(p.Form.Values), []string{string(pinggu.TargetURL), "", ""})
	p.Data = d
	s.render(w, r, formStatus(p.Form), "service_form", p)
	return nil
}
