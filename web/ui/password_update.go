package ui

import (
	"net/http"

	"github.com/pinggu/pinggu"
)

// passwordUpdate changes the actor's own password.
func (s *Handler) passwordUpdate(w http.ResponseWriter, r *http.Request) error {
	p := s.newPage(w, r, "page.password")
	p.Form = newForm(nil)
	old, pw := r.PostFormValue("old_password"), r.PostFormValue("password")
	err := pinggu.ValidatePassword(pw)
	if err == nil && pw != r.PostFormValue("password2") {
		p.Form.Errors["password2"] = p.T("err.password_mismatch")
		p.Form.Error = p.T("err.form", 1)
	}
	if err == nil && p.Form.Error == "" {
		_, err = s.svc.Users.ChangePassword(r.Context(), old, pw)
	}
	switch {
	case err == nil && p.Form.Error == "":
		a := p.Actor
		a.MustChangePassword = false
		s.redirectFlash(w, r, homeFor(a), "flash.password_changed")
		return nil
	case pinggu.ErrorCode(err) == pinggu.EUNAUTHORIZED:
		p.Form.Errors["old_password"] = p.T("err.old_password")
		p.Form.Error = p.T("err.form", 1)
	case err != nil && !p.Form.fail(p, err):
		return err
	}
	s.render(w, r, formStatus(p.Form), "password", p)
	return nil
}
