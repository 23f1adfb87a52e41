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

type orgFormData struct {
	Action string
	Cancel string
	// The parent select holds the organisations in scope, narrowed by a
	// search (org_q) when there are too many to list.
	SearchAction, OrgQuery string
	OrgSearch              bool
	Kinds                  []option
	Provinces              []option
	Parents                []option
	Contacts               [][]string
}

var contactFields = []string{"contact_name", "contact_title", "contact_phone", "contact_email"}

// orgValues puts an organisation into form values.
func orgValues(o *pinggu.Organisation) url.Values {
	v := url.Values{
		"kind": {string(o.Kind)}, "name": {o.Name}, "uscc": {o.USCC}, "province": {o.Province},
		"address": {o.Address}, "note": {o.Note},
	}
	if o.ParentID != nil {
		v.Set("parent_id", strconv.FormatInt(*o.ParentID, 10))
	}
	if o.Key {
		v.Set("key_enterprise", "1")
	}
	for _, c := range o.Contacts {
		v.Add("contact_name", c.Name)
		v.Add("contact_title", c.Title)
		v.Add("contact_phone", c.Phone)
		v.Add("contact_email", c.Email)
	}
	return v
}

// orgFromForm applies the form to o. A malformed parent is reported with the
// domain's own validation so the user sees every problem at once.
func orgFromForm(p *page, v url.Values, o *pinggu.Organisation) *pinggu.Validation {
	var val pinggu.Validation
	o.Kind = pinggu.OrgKind(v.Get("kind"))
	o.Name = v.Get("name")
	o.USCC = v.Get("uscc")
	o.Province = v.Get("province")
	o.Address = v.Get("address")
	o.Note = strings.TrimSpace(v.Get("note"))
	o.Key = v.Get("key_enterprise") == "1"
	o.ParentID = nil
	if s := strings.TrimSpace(v.Get("parent_id")); s != "" {
		if id, err := strconv.ParseInt(s, 10, 64); err == nil && id > 0 {
			o.ParentID = &id
		} else {
			val.Add(0, "parent_id", "%s", p.T("err.choose_valid"))
		}
	}
	o.Contacts = nil
	for _, row := range rows(v, contactFields...) {
		o.Contacts = append(o.Contacts, pinggu.Contact{Name: row[0], Title: row[1], Phone: row[2], Email: row[3]})
	}
	return &val
}

// renderOrgForm shows the create or edit form; self is the organisation
// being edited (0 for a new one), left out of the parent choices.
func (s *Handler) renderOrgForm(w http.ResponseWriter, r *http.Request, p *page, action, cancel string, self int64, currentKind pinggu.OrgKind) error {
	d := orgFormData{Action: action, Cancel: cancel, Provinces: provinceOptions(p.Lang, true), SearchAction: r.URL.Path}
	if only := pinggu.ProvincesToRegister(p.Actor); only != nil {
		d.Provinces = slices.DeleteFunc(d.Provinces, func(o option) bool { return !slices.Contains(only, o.Value) })
	}
	if r.Method != http.MethodGet {
		d.SearchAction = cancel
		if self == 0 {
			d.SearchAction = "/organisations/new"
		} else {
			d.SearchAction += "/edit"
		}
	}
	d.OrgQuery = strings.TrimSpace(r.URL.Query().Get("org_q"))
	var kinds []pinggu.OrgKind
	for _, k := range pinggu.OrgKinds {
		if pinggu.Allowed(p.Actor, pinggu.ActOrganisationCreate, pinggu.Subject{Kind: string(k)}) || k == currentKind {
			kinds = append(kinds, k)
		}
	}
	d.Kinds = kindOptions(p.Lang, kinds)
	parents, total, err := s.svc.Organisations.ListOrganisations(r.Context(), pinggu.OrganisationFilter{Query: d.OrgQuery, ListOptions: pinggu.ListOptions{Limit: ownerChoices, Sort: "name"}})
	if err != nil {
		return err
	}
	d.OrgSearch = total > ownerChoices || d.OrgQuery != ""
	for _, o := range parents {
		if o.ID != self {
			d.Parents = append(d.Parents, option{strconv.FormatInt(o.ID, 10), o.Name + " · " + provinceName(p.Lang, o.Province)})
		}
	}
	// A parent outside the first page of choices must still show as chosen.
	if cur := p.Form.V("parent_id"); cur != "" && !slices.ContainsFunc(d.Parents, func(o option) bool { return o.Value == cur }) {
		if id, ok := httpx.ParseID(cur); ok {
			if o, err := s.svc.Organisations.FindOrganisation(r.Context(), id); err == nil {
				d.Parents = append(d.Parents, option{cur, o.Name})
			}
		}
	}
	for _, row := range rows(p.Form.Values, contactFields...) {
		d.Contacts = append(d.Contacts, row)
	}
	d.Contacts = append(d.Contacts, make([]string, len(contactFields)))
	p.Data = d
	s.render(w, r, formStatus(p.Form), "organisation_form", p)
	return nil
}
