package web

import (
	"net/http"
	"strings"

	"github.com/pinggu/pinggu"
)

// uiFallback answers every path no route claims: a problem document under
// /api/, where clients expect JSON, and the UI's 404 page elsewhere.
func (s *Server) uiFallback(w http.ResponseWriter, r *http.Request) {
	if strings.HasPrefix(r.URL.Path, "/api/") {
		s.writeProblem(w, r, pinggu.Errorf(pinggu.ENOTFOUND, "资源不存在"))
		return
	}
	s.uiNotFound(w, r)
}
