package web

import (
	"net/http"

	"github.com/pinggu/pinggu"
)

// uiAssessmentEvidenceUpload attaches a file from the per-item upload form
// and goes back to that item.
func (s *Server) uiAssessmentEvidenceUpload(w http.ResponseWriter, r *http.Request) {
	id, err := pathID(r)
	if err == nil {
		_, err = s.opts.Assessments.FindAssessment(r.Context(), id)
	}
	if err != nil {
		s.uiError(w, r, err)
		return
	}
	_, err = s.addEvidence(r, id)
	if err != nil {
		if pinggu.ErrorCode(err) == pinggu.ETOOLARGE || !isFormError(err) {
			s.uiError(w, r, err)
			return
		}
		p := s.newPage(w, r, "page.assessment")
		p.Form = newForm(nil)
		p.Form.fail(p, err)
		a, ferr := s.opts.Assessments.FindAssessment(r.Context(), id)
		if ferr != nil {
			s.uiError(w, r, ferr)
			return
		}
		s.renderAssessment(w, r, p, a, http.StatusUnprocessableEntity)
		return
	}
	s.redirectFlash(w, r, "/assessments/"+idPath(id)+itemAnchor(r), "flash.asm_evidence_added")
}

// isFormError reports whether err is one a form shows next to its fields.
func isFormError(err error) bool {
	c := pinggu.ErrorCode(err)
	return c == pinggu.EINVALID || c == pinggu.ECONFLICT
}

// itemAnchor is the fragment of the item the upload form named by its
// number, so the user lands back where it was.
func itemAnchor(r *http.Request) string {
	if n, ok := parseID(r.URL.Query().Get("n")); ok {
		return "#item-" + idPath(n)
	}
	return ""
}
