package ui

import (
	"net/http"

	"github.com/pinggu/pinggu/web/httpx"
)

// assessmentEvidenceDelete removes an evidence file and goes back to its
// assessment.
func (s *Handler) assessmentEvidenceDelete(w http.ResponseWriter, r *http.Request) error {
	id, err := httpx.PathID(r)
	if err != nil {
		return err
	}
	ev, rc, err := s.svc.Assessments.OpenEvidence(r.Context(), id)
	if err != nil {
		return err
	}
	rc.Close()
	if err := s.svc.Assessments.DeleteEvidence(r.Context(), id); err != nil {
		if isFormError(err) {
			s.redirectFlash(w, r, "/assessments/"+httpx.FormatID(ev.AssessmentID), "flash.asm_evidence_locked")
			return nil
		}
		return err
	}
	s.redirectFlash(w, r, "/assessments/"+httpx.FormatID(ev.AssessmentID), "flash.asm_evidence_deleted")
	return nil
}
