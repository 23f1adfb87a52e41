package web

import (
	"net/http"
	"strconv"

	"github.com/pinggu/pinggu"
)

// uiAccountPassword sets a new password for an account; its owner must
// change it at next login.
func (s *Server) uiAccountPassword(w http.ResponseWriter, r *http.Request) {
	id, err := pathID(r)
	if err != nil {
		s.uiError(w, r, err)
		return
	}
	u, err := s.opts.Users.FindUser(r.Context(), id)
	if err != nil {
		s.uiError(w, r, err)
		return
	}
	_, err = s.opts.Users.ResetPassword(r.Context(), id, r.PostFormValue("password"))
	if err == nil {
		s.redirectFlash(w, r, "/accounts/"+strconv.FormatInt(id, 10)+"/edit", "flash.password_reset")
		return
	}
	if c := pinggu.ErrorCode(err); c != pinggu.EINVALID {
		s.uiError(w, r, err)
		return
	}
	msg := pinggu.ErrorMessage(err)
	if f := pinggu.ErrorFields(err); len(f) > 0 {
		msg = f[0].Message
	}
	p := s.newPage(w, r, "account.edit")
	p.Form = newForm(accountValues(u))
	p.Form.Values.Set("org_name", u.OrgName)
	s.renderAccountForm(w, r, p, accountEditData(u, msg))
}
