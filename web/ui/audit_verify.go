package ui

import "net/http"

// auditVerify walks the whole hash chain and shows the result above the
// log: intact with its length and head, or the first broken entry.
func (s *Handler) auditVerify(w http.ResponseWriter, r *http.Request) error {
	report, err := s.svc.Audit.VerifyAudit(r.Context())
	if err != nil {
		return err
	}
	p := s.newPage(w, r, "page.audit")
	return s.renderAudit(w, r, p, report)
}
