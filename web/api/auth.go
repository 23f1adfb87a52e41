package api

import (
	"net/http"

	"github.com/pinggu/pinggu"
	"github.com/pinggu/pinggu/web/httpx"
)

// passwordChangeRoutes are what an account whose password an administrator
// set may still use: it must choose its own before anything else, through
// the API as through the UI.
var passwordChangeRoutes = map[string]bool{
	"GET /api/me":           true,
	"POST /api/me/password": true,
	"POST /api/logout":      true,
}

// requireActor answers 401 for anonymous callers of routes that need one, and
// 403 for an actor that must first change its password.
func (s *Handler) requireActor(h http.HandlerFunc) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		a := pinggu.ActorFrom(r.Context())
		if a == nil {
			if reason := httpx.SessionEndFrom(r.Context()); reason != "" {
				s.writeProblem(w, r, pinggu.SessionEnded(reason))
				return
			}
			s.writeProblem(w, r, pinggu.Errorf(pinggu.EUNAUTHORIZED, "请先登录"))
			return
		}
		if a.MustChangePassword && !passwordChangeRoutes[r.Pattern] {
			s.writeProblem(w, r, pinggu.Errorf(pinggu.EFORBIDDEN, "请先修改管理员设置的初始密码（POST /api/me/password）"))
			return
		}
		h(w, r)
	}
}
