package web

import "net/http"

// uiAuditVerify walks the whole hash chain and shows the result above the
// log: intact with its length and head, or the first broken entry.
func (s *Server) uiAuditVerify(w http.ResponseWriter, r *http.Request) {
	report, err := s.opts.Audit.VerifyAudit(r.Context())
	if err != nil {
		s.uiError(w, r, err)
		return
	}
	p := s.newPage(w, r, "page.audit")
	s.renderAudit(w, r, p, report)
}
