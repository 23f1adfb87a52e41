package api

import (
	"net/http"

	"github.com/pinggu/pinggu"
	"github.com/pinggu/pinggu/web/httpx"
)

// auditList lists audit entries, for auditors.
func (s *Handler) auditList(w http.ResponseWriter, r *http.Request) error {
	if err := requireAuditor(r); err != nil {
		return err
	}
	var f pinggu.AuditFilter
	if err := httpx.DecodeQuery(r.URL.Query(), &f); err != nil {
		return err
	}
	f.ListOptions = f.ListOptions.Normalize()
	items, total, err := s.svc.Audit.ListAudit(r.Context(), f)
	if err != nil {
		return err
	}
	s.writeJSON(w, http.StatusOK, newList(items, total, f.ListOptions))
	return nil
}

// requireAuditor keeps the audit log to auditors (separation of duties).
func requireAuditor(r *http.Request) error {
	if pinggu.ActorFrom(r.Context()).May(pinggu.ActAuditRead) {
		return nil
	}
	return pinggu.Errorf(pinggu.EFORBIDDEN, "仅审计员可查看审计日志")
}
