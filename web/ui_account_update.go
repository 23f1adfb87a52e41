package web

import (
	"net/http"
)

// uiAccountUpdate saves an account's name, email, role, unit and state.
func (s *Server) uiAccountUpdate(w http.ResponseWriter, r *http.Request) {
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
	p := s.newPage(w, r, "account.edit")
	_ = r.ParseForm()
	p.Form = newForm(r.PostForm)
	p.Form.Values.Set("username", u.Username)
	p.Form.Values.Set("org_name", u.OrgName)
	accountFromForm(r.PostForm, u, false)
	if err := s.opts.Users.UpdateUser(r.Context(), u); err != nil {
		if !p.Form.fail(p, err) {
			s.uiError(w, r, err)
			return
		}
		s.renderAccountForm(w, r, p, accountEditData(u, ""))
		return
	}
	s.redirectFlash(w, r, "/accounts", "flash.account_updated")
}
