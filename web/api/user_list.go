package api

import (
	"net/http"

	"github.com/pinggu/pinggu"
	"github.com/pinggu/pinggu/web/httpx"
)

// userList lists accounts, for system administrators.
func (s *Handler) userList(w http.ResponseWriter, r *http.Request) error {
	if err := requireUserAdmin(r, false); err != nil {
		return err
	}
	var f pinggu.UserFilter
	if err := httpx.DecodeQuery(r.URL.Query(), &f); err != nil {
		return err
	}
	f.ListOptions = f.ListOptions.Normalize()
	items, total, err := s.svc.Users.ListUsers(r.Context(), f)
	if err != nil {
		return err
	}
	s.writeJSON(w, http.StatusOK, newList(items, total, f.ListOptions))
	return nil
}

// requireUserAdmin keeps account administration to system administrators.
// Other callers learn nothing about accounts: a named account does not exist
// for them (404); the list and create endpoints refuse them (403).
func requireUserAdmin(r *http.Request, record bool) error {
	if pinggu.ActorFrom(r.Context()).May(pinggu.ActUserManage) {
		return nil
	}
	if record {
		return pinggu.Errorf(pinggu.ENOTFOUND, "用户不存在")
	}
	return pinggu.Errorf(pinggu.EFORBIDDEN, "仅系统管理员可管理用户")
}
