package web

import "net/http"

// uiAssessmentEvidenceDelete removes an evidence file and goes back to its
// assessment.
func (s *Server) uiAssessmentEvidenceDelete(w http.ResponseWriter, r *http.Request) {
	id, err := pathID(r)
	if err != nil {
		s.uiError(w, r, err)
		return
	}
	ev, rc, err := s.opts.Assessments.OpenEvidence(r.Context(), id)
	if err != nil {
		s.uiError(w, r, err)
		return
	}
	rc.Close()
	if err := s.opts.Assessments.DeleteEvidence(r.Context(), id); err != nil {
		if isFormError(err) {
			s.redirectFlash(w, r, "/assessments/"+idPath(ev.AssessmentID), "flash.asm_evidence_locked")
			return
		}
		s.uiError(w, r, err)
		return
	}
	s.redirectFlash(w, r, "/assessments/"+idPath(ev.AssessmentID), "flash.asm_evidence_deleted")
}
