package ui

import (
	"net/http"

	"github.com/pinggu/pinggu"
	"github.com/pinggu/pinggu/web/httpx"
)

// assessmentEvidenceUpload attaches a file from the per-item upload form
// and goes back to that item.
func (s *Handler) assessmentEvidenceUpload(w http.ResponseWriter, r *http.Request) error {
	id, err := httpx.PathID(r)
	if err == nil {
		_, err = s.svc.Assessments.FindAssessment(r.Context(), id)
	}
	if err != nil {
		return err
	}
	_, err = httpx.AddEvidence(r, s.svc.Assessments, id)
	if err != nil {
		if pinggu.ErrorCode(err) == pinggu.ETOOLARGE || !isFormError(err) {
			return err
		}
		p := s.newPage(w, r, "page.assessment")
		p.Form = newForm(nil)
		p.Form.fail(p, err)
		a, ferr := s.svc.Assessments.FindAssessment(r.Context(), id)
		if ferr != nil {
			return ferr
		}
		s.renderAssessment(w, r, p, a, http.StatusUnprocessableEntity)
		return nil
	}
	s.redirectFlash(w, r, "/assessments/"+httpx.FormatID(id)+itemAnchor(r), "flash.asm_evidence_added")
	return nil
}

// isFormError reports whether err is one a form shows next to its fields.
func isFormError(err error) bool {
	c := pinggu.ErrorCode(err)
	return c == pinggu.EINVALID || c == pinggu.ECONFLICT
}

// itemAnchor is the fragment of the item the upload form named by its
// number, so the user lands back where it was.
func itemAnchor(r *http.Request) string {
	if n, ok := httpx.ParseID(r.URL.Query().Get("n")); ok {
		return "#item-" + httpx.FormatID(n)
	}
	return ""
}
