package web

import "net/http"

// apiAuditVerify walks the audit chain and reports the first break, if any.
func (s *Server) apiAuditVerify(w http.ResponseWriter, r *http.Request) {
	if err := requireAuditor(r); err != nil {
		s.writeProblem(w, r, err)
		return
	}
	rep, err := s.opts.Audit.VerifyAudit(r.Context())
	if err != nil {
		s.writeProblem(w, r, err)
		return
	}
	s.writeJSON(w, http.StatusOK, rep)
}
