package ui

import (
	"net/http"

	"github.com/pinggu/pinggu"
)

// accountCreate creates an account with an initial password its owner must
// change at first login.
func (s *Handler) accountCreate(w http.ResponseWriter, r *http.Request) error {
	p := s.newPage(w, r, "account.new")
	_ = r.ParseForm()
	p.Form = newForm(r.PostForm)
	u := &pinggu.User{}
	accountFromForm(r.PostForm, u, true)
	pw := r.PostForm.Get("password")
	// Check the account and the password together so every problem shows.
	var val pinggu.Validation
	check := *u
	check.Validate(&val)
	val.Fields = append(val.Fields, pinggu.ErrorFields(pinggu.ValidatePassword(pw))...)
	err := val.Err(p.T("err.form", len(val.Fields)))
	if err == nil {
		err = s.svc.Users.CreateUser(r.Context(), u, pw)
	}
	if err != nil {
		if !p.Form.fail(p, err) {
			return err
		}
		return s.renderAccountForm(w, r, p, accountFormData{Action: "/accounts", SearchAction: "/accounts/new"})
	}
	s.redirectFlash(w, r, "/accounts", "flash.account_created")
	return nil
}
