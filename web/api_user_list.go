package web

import (
	"net/http"

	"github.com/pinggu/pinggu"
)

// apiUserList lists accounts, for system administrators.
func (s *Server) apiUserList(w http.ResponseWriter, r *http.Request) {
	if err := requireUserAdmin(r, false); err != nil {
		s.writeProblem(w, r, err)
		return
	}
	var f pinggu.UserFilter
	if err := decodeQuery(r.URL.Query(), &f); err != nil {
		s.writeProblem(w, r, err)
		return
	}
	f.ListOptions = f.ListOptions.Normalize()
	items, total, err := s.opts.Users.ListUsers(r.Context(), f)
	if err != nil {
		s.writeProblem(w, r, err)
		return
	}
	s.writeJSON(w, http.StatusOK, newList(items, total, f.ListOptions))
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
