package ui

import (
	"net/http"

	"github.com/pinggu/pinggu"
)

type accountListData struct {
	Users []*pinggu.User
	Roles []option
	Pager pager
}

// accountList lists accounts for the system administrator.
func (s *Handler) accountList(w http.ResponseWriter, r *http.Request) error {
	p := s.newPage(w, r, "page.accounts")
	p.Active = "accounts"
	q := r.URL.Query()
	f := pinggu.UserFilter{Query: q.Get("q"), ListOptions: listParams(r)}
	if role := pinggu.Role(q.Get("role")); role.Valid() {
		f.Role = role
	}
	list, total, err := s.svc.Users.ListUsers(r.Context(), f)
	if err != nil {
		return err
	}
	p.Form = newForm(q)
	p.Data = accountListData{Users: list, Roles: roleOptions(p.Lang), Pager: p.newPager(r, total, f.ListOptions)}
	s.render(w, r, http.StatusOK, "accounts", p)
	return nil
}
