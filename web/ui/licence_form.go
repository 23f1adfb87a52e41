package ui

import (
	"net/http"
	"net/url"
	"sort"
	"strings"
	"time"

	"github.com/pinggu/pinggu"
)

type licenceFormData struct {
	Org            *pinggu.Organisation
	Action         string
	CategoryErrors []string
}

func licenceValues(l *pinggu.Licence) url.Values {
	return url.Values{
		"number": {l.Number}, "categories": {strings.Join(l.Categories, ", ")}, "issuer": {l.Issuer},
		"valid_from": {l.ValidFrom.UTC().Format("2006-01-02")}, "valid_to": {l.ValidTo.UTC().Format("2006-01-02")},
	}
}

// licenceFromForm applies the form to l. Dates are calendar days, kept at
// midnight UTC as the store and the CSV codec keep them.
func licenceFromForm(p *page, v url.Values, l *pinggu.Licence) *pinggu.Validation {
	var val pinggu.Validation
	l.Number = v.Get("number")
	l.Issuer = v.Get("issuer")
	l.Categories = nil
	for _, c := range splitList(v.Get("categories")) {
		l.Categories = append(l.Categories, strings.ToUpper(c))
	}
	for _, f := range []struct {
		name string
		dst  *time.Time
	}{{"valid_from", &l.ValidFrom}, {"valid_to", &l.ValidTo}} {
		*f.dst = time.Time{}
		s := strings.TrimSpace(v.Get(f.name))
		if s == "" {
			continue // the domain's validation names the missing date
		}
		t, err := time.Parse("2006-01-02", s)
		if err != nil {
			val.Add(0, f.name, "%s", p.T("err.date"))
			continue
		}
		*f.dst = t
	}
	return &val
}

// renderLicenceForm shows the licence form of org.
func (s *Handler) renderLicenceForm(w http.ResponseWriter, r *http.Request, p *page, org *pinggu.Organisation, action string) {
	d := licenceFormData{Org: org, Action: action}
	var keys []string
	for k := range p.Form.Errors {
		if strings.HasPrefix(k, "categories[") {
			keys = append(keys, k)
		}
	}
	sort.Strings(keys)
	for _, k := range keys {
		d.CategoryErrors = append(d.CategoryErrors, p.Form.Errors[k])
	}
	p.Active = "organisations"
	p.Data = d
	s.render(w, r, formStatus(p.Form), "licence_form", p)
}

// licenceAndValidate merges the form's own checks with the domain's, so
// a bad date and a missing number show together.
func licenceAndValidate(p *page, v url.Values, l *pinggu.Licence) error {
	val := licenceFromForm(p, v, l)
	if len(val.Fields) > 0 {
		l.Validate(val, 0)
		// The form already named the unparseable dates; drop the domain's
		// "missing" message for the same field.
		seen := map[string]bool{}
		var out []pinggu.FieldError
		for _, f := range val.Fields {
			if !seen[f.Field] {
				seen[f.Field] = true
				out = append(out, f)
			}
		}
		val.Fields = out
	}
	return val.Err(p.T("err.form", len(val.Fields)))
}
