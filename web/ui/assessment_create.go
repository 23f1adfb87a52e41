package ui

import (
	"net/http"
	"strings"

	"github.com/pinggu/pinggu"
	"github.com/pinggu/pinggu/web/httpx"
)

// assessmentCreate starts the draft and opens its answering screen.
func (s *Handler) assessmentCreate(w http.ResponseWriter, r *http.Request) error {
	svc, err := s.assessedService(r)
	if err != nil {
		return err
	}
	_ = r.ParseForm()
	f := r.PostForm
	p := s.newPage(w, r, "page.assessment_new")
	p.Form = newForm(f)
	a := &pinggu.Assessment{ServiceID: svc.ID, Kind: pinggu.AssessmentKind(f.Get("kind")),
		Title: strings.TrimSpace(f.Get("title")), StandardsReason: strings.TrimSpace(f.Get("standards_reason"))}
	var v pinggu.Validation
	chosen := f["standard"]
	if len(chosen) == 0 {
		v.Add(0, "standard", "%s", p.T("err.asm_no_standard"))
	}
	// The store pins the current versions and asks for a reason when the
	// choice differs from what the service's category calls for.
	for _, id := range chosen {
		a.Standards = append(a.Standards, pinggu.StandardRef{ID: id})
	}
	if a.Kind == pinggu.KindSpecial {
		// A date is the last day the order runs: due at its end, in the
		// zone people see.
		if s := strings.TrimSpace(f.Get("due_at")); s != "" {
			if d, err := pinggu.ParseDate(s); err == nil {
				due := pinggu.EndOfDay(d)
				a.DueAt = &due
			} else {
				v.Add(0, "due_at", "%s", p.T("err.date"))
			}
		}
	}
	if a.Kind == pinggu.KindThirdParty {
		id, ok := httpx.ParseID(f.Get("assessor_org_id"))
		if !ok {
			v.Add(0, "assessor_org_id", "%s", p.T("err.asm_assessor"))
		}
		a.AssessorOrgID = id
	}
	err = v.Err(p.T("err.form", 1))
	if err == nil {
		err = s.svc.Assessments.CreateAssessment(r.Context(), a)
	}
	if err != nil {
		if !p.Form.fail(p, err) {
			return err
		}
		return s.renderAssessmentNew(w, r, p, svc, http.StatusUnprocessableEntity)
	}
	s.redirectFlash(w, r, "/assessments/"+httpx.FormatID(a.ID), "flash.asm_created")
	return nil
}
