package ui

import (
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"

	"github.com/pinggu/pinggu"
)

// directoryChoices is how many organisations the account form offers before
// the administrator must search.
const directoryChoices = 200

type accountFormData struct {
	Action, SearchAction, OrgQuery string
	Edit, Locked                   bool
	ID                             int64
	LockedUntil, ResetError        string
	Roles, Provinces, Orgs         []option
}

func accountValues(u *pinggu.User) url.Values {
	v := url.Values{"username": {u.Username}, "name": {u.Name}, "email": {u.Email}, "role": {string(u.Role)}, "province": {u.Province}, "locale": {u.Locale}}
	if u.OrgID != 0 {
		v.Set("org_id", strconv.FormatInt(u.OrgID, 10))
	}
	if u.Disabled {
		v.Set("disabled", "1")
	}
	return v
}

// accountFromForm applies the form to u (the username only on create).
func accountFromForm(v url.Values, u *pinggu.User, create bool) {
	if create {
		u.Username = v.Get("username")
	}
	u.Name = v.Get("name")
	u.Email = strings.TrimSpace(v.Get("email"))
	u.Role = pinggu.Role(v.Get("role"))
	u.Province = v.Get("province")
	u.Locale = v.Get("locale")
	u.OrgID, _ = strconv.ParseInt(v.Get("org_id"), 10, 64)
	if !create {
		u.Disabled = v.Get("disabled") == "1"
	}
}

// renderAccountForm shows the account form; the unit select comes from the
// organisation directory, which carries names only, no business data.
func (s *Handler) renderAccountForm(w http.ResponseWriter, r *http.Request, p *page, d accountFormData) error {
	p.Active = "accounts"
	d.OrgQuery = strings.TrimSpace(r.URL.Query().Get("org_q"))
	refs, err := s.svc.Organisations.OrganisationDirectory(r.Context(), d.OrgQuery, directoryChoices)
	if err != nil {
		return err
	}
	for _, o := range refs {
		d.Orgs = append(d.Orgs, option{strconv.FormatInt(o.ID, 10), o.Name + " · " + kindLabel(p.Lang, o.Kind) + " · " + provinceName(p.Lang, o.Province)})
	}
	if cur := p.Form.V("org_id"); cur != "" && cur != "0" && !slices.ContainsFunc(d.Orgs, func(o option) bool { return o.Value == cur }) {
		name := p.Form.V("org_name")
		if name == "" {
			name = "#" + cur
		}
		d.Orgs = append([]option{{cur, name}}, d.Orgs...)
	}
	d.Roles = roleOptions(p.Lang)
	d.Provinces = provinceOptions(p.Lang, false)
	p.Data = d
	status := formStatus(p.Form)
	if d.ResetError != "" {
		status = http.StatusUnprocessableEntity
	}
	s.render(w, r, status, "account_form", p)
	return nil
}
