package web

import (
	"mime"
	"net/http"
	"strings"

	"github.com/pinggu/pinggu"
)

// apiStandardGet sends the canonical YAML of one standard version.
func (s *Server) apiStandardGet(w http.ResponseWriter, r *http.Request) {
	var q standardQuery
	if err := decodeQuery(r.URL.Query(), &q); err != nil {
		s.writeProblem(w, r, err)
		return
	}
	sid := r.PathValue("id")
	if strings.HasSuffix(sid, ".yaml") {
		sid = strings.TrimSuffix(sid, ".yaml")
	}
	b, err := s.opts.Standards.StandardYAML(r.Context(), sid, q.Version)
	if err != nil {
		s.writeProblem(w, r, err)
		return
	}
	if len(b) == 0 {
		s.writeProblem(w, r, pinggu.Errorf(pinggu.ENOTFOUND, "评估标准不存在"))
		return
	}
	w.Header().Set("Content-Type", "application/yaml; charset=utf-8")
	w.Header().Set("Content-Disposition", mime.FormatMediaType("inline", map[string]string{"filename": sid + ".yaml"}))
	w.Header().Set("Cache-Control", "no-store")
	_, _ = w.Write(b)
}
