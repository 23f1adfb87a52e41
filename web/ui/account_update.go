package ui

import (
	"net/http"

	"github.com/pinggu/pinggu/web/httpx"
)

// accountUpdate saves an account's name, email, role, unit and state.
func (s *Handler) accountUpdate(w http.ResponseWriter, r *http.Request) error {
	id, err := httpx.PathID(r)
	if err != nil {
		return err
	}
	u, err := s.svc.Users.FindUser(r.Context(), id)
	if err != nil {
		return err
	}
	p := s.newPage(w, r, "account.edit")
	_ = r.ParseForm()
	p.Form = newForm(r.PostForm)
	p.Form.Values.Set("username", u.Username)
	p.Form.Values.Set("org_name", u.OrgName)
	accountFromForm(r.PostForm, u, false)
	if err := s.svc.Users.UpdateUser(r.Context(), u); err != nil {
		if !p.Form.fail(p, err) {
			return err
		}
		return s.renderAccountForm(w, r, p, accountEditData(u, ""))
	}
	s.redirectFlash(w, r, "/accounts", "flash.account_updated")
	return nil
}
