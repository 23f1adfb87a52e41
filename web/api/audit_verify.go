package api

import "net/http"

// auditVerify walks the audit chain and reports the first break, if any.
func (s *Handler) auditVerify(w http.ResponseWriter, r *http.Request) error {
	if err := requireAuditor(r); err != nil {
		return err
	}
	rep, err := s.svc.Audit.VerifyAudit(r.Context())
	if err != nil {
		return err
	}
	s.writeJSON(w, http.StatusOK, rep)
	return nil
}
