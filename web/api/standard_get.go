package api

import (
	"mime"
	"net/http"
	"strings"

	"github.com/pinggu/pinggu"
	"github.com/pinggu/pinggu/web/httpx"
)

// standardGet sends the canonical YAML of one standard version.
func (s *Handler) standardGet(w http.ResponseWriter, r *http.Request) error {
	var q standardQuery
	if err := httpx.DecodeQuery(r.URL.Query(), &q); err != nil {
		return err
	}
	sid := r.PathValue("id")
	if strings.HasSuffix(sid, ".yaml") {
		sid = strings.TrimSuffix(sid, ".yaml")
	}
	b, err := s.svc.Standards.StandardYAML(r.Context(), sid, q.Version)
	if err != nil {
		return err
	}
	if len(b) == 0 {
		return pinggu.Errorf(pinggu.ENOTFOUND, "评估标准不存在")
	}
	w.Header().Set("Content-Type", "application/yaml; charset=utf-8")
	w.Header().Set("Content-Disposition", mime.FormatMediaType("inline", map[string]string{"filename": sid + ".yaml"}))
	w.Header().Set("Cache-Control", "no-store")
	_, _ = w.Write(b)
	return nil
}
