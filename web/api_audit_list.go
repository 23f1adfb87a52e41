package web

import (
	"net/http"

	"github.com/pinggu/pinggu"
)

// apiAuditList lists audit entries, for auditors.
func (s *Server) apiAuditList(w http.ResponseWriter, r *http.Request) {
	if err := requireAuditor(r); err != nil {
		s.writeProblem(w, r, err)
		return
	}
	var f pinggu.AuditFilter
	if err := decodeQuery(r.URL.Query(), &f); err != nil {
		s.writeProblem(w, r, err)
		return
	}
	f.ListOptions = f.ListOptions.Normalize()
	items, total, err := s.opts.Audit.ListAudit(r.Context(), f)
	if err != nil {
		s.writeProblem(w, r, err)
		return
	}
	s.writeJSON(w, http.StatusOK, newList(items, total, f.ListOptions))
}

// requireAuditor keeps the audit log to auditors (separation of duties).
func requireAuditor(r *http.Request) error {
	if pinggu.ActorFrom(r.Context()).May(pinggu.ActAuditRead) {
		return nil
	}
	return pinggu.Errorf(pinggu.EFORBIDDEN, "仅审计员可查看审计日志")
}
