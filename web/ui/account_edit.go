package ui

import (
	"net/http"
	"strconv"
	"time"

	"github.com/pinggu/pinggu"
	"github.com/pinggu/pinggu/web/httpx"
)

// accountEdit shows an account's form with password reset and unlock.
func (s *Handler) accountEdit(w http.ResponseWriter, r *http.Request) error {
	id, err := httpx.PathID(r)
	if err != nil {
		return err
	}
	u, err := s.svc.Users.FindUser(r.Context(), id)
	if err != nil {
		return err
	}
	p := s.newPage(w, r, "account.edit")
	p.Form = newForm(accountValues(u))
	p.Form.Values.Set("org_name", u.OrgName)
	return s.renderAccountForm(w, r, p, accountEditData(u, ""))
}

// accountEditData is the form data of an existing account.
func accountEditData(u *pinggu.User, resetError string) accountFormData {
	self := "/accounts/" + strconv.FormatInt(u.ID, 10)
	d := accountFormData{Action: self, SearchAction: self + "/edit", Edit: true, ID: u.ID, ResetError: resetError}
	if u.LockedUntil != nil && u.LockedUntil.After(time.Now()) {
		d.Locked = true
		d.LockedUntil = pinggu.FormatMinute(*u.LockedUntil)
	}
	return d
}
