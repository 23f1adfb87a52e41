package ui

import (
	"net/http"
	"strconv"

	"github.com/pinggu/pinggu"
	"github.com/pinggu/pinggu/web/httpx"
)

// accountPassword sets a new password for an account; its owner must
// change it at next login.
func (s *Handler) accountPassword(w http.ResponseWriter, r *http.Request) error {
	id, err := httpx.PathID(r)
	if err != nil {
		return err
	}
	u, err := s.svc.Users.FindUser(r.Context(), id)
	if err != nil {
		return err
	}
	_, err = s.svc.Users.ResetPassword(r.Context(), id, r.PostFormValue("password"))
	if err == nil {
		s.redirectFlash(w, r, "/accounts/"+strconv.FormatInt(id, 10)+"/edit", "flash.password_reset")
		return nil
	}
	if c := pinggu.ErrorCode(err); c != pinggu.EINVALID {
		return err
	}
	p := s.newPage(w, r, "account.edit")
	msg := p.Err(err)
	if f := pinggu.ErrorFields(err); len(f) > 0 {
		msg = f[0].In(p.Lang)
	}
	p.Form = newForm(accountValues(u))
	p.Form.Values.Set("org_name", u.OrgName)
	return s.renderAccountForm(w, r, p, accountEditData(u, msg))
}
