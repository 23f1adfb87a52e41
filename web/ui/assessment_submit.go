package ui

import (
	"net/http"

	"github.com/pinggu/pinggu"
	"github.com/pinggu/pinggu/web/httpx"
)

type assessmentSubmitData struct {
	A          *pinggu.Assessment
	Score      pinggu.Score
	Unanswered []itemView
	Findings   []itemView // non-compliant items, which become findings
	Partial    []itemView
}

// assessmentSubmitShow summarises the gaps before submission: unanswered
// items block it, non-compliant ones are listed as the findings it records.
func (s *Handler) assessmentSubmitShow(w http.ResponseWriter, r *http.Request) error {
	id, err := httpx.PathID(r)
	if err != nil {
		return err
	}
	a, err := s.svc.Assessments.FindAssessment(r.Context(), id)
	if err != nil {
		return err
	}
	p := s.newPage(w, r, "page.assessment_submit")
	p.Form = newForm(nil)
	s.renderSubmit(w, r, p, a, http.StatusOK)
	return nil
}

func (s *Handler) renderSubmit(w http.ResponseWriter, r *http.Request, p *page, a *pinggu.Assessment, status int) {
	p.Active = "assessment"
	d := assessmentSubmitData{A: a, Score: pinggu.ScoreAssessment(a.ScoredItems())}
	for _, it := range a.Items {
		v := itemView{AssessmentItem: it}
		switch it.Answer {
		case "":
			d.Unanswered = append(d.Unanswered, v)
		case pinggu.AnswerNonCompliant:
			d.Findings = append(d.Findings, v)
		case pinggu.AnswerPartial:
			d.Partial = append(d.Partial, v)
		}
	}
	p.Data = d
	s.render(w, r, status, "assessment_submit", p)
}

// assessmentSubmit submits the assessment; a refusal (unanswered items,
// wrong state) shows the summary again with the reason.
func (s *Handler) assessmentSubmit(w http.ResponseWriter, r *http.Request) error {
	id, err := httpx.PathID(r)
	if err != nil {
		return err
	}
	if _, err := s.svc.Assessments.Submit(r.Context(), id); err != nil {
		p := s.newPage(w, r, "page.assessment_submit")
		p.Form = newForm(nil)
		if !p.Form.fail(p, err) {
			return err
		}
		a, ferr := s.svc.Assessments.FindAssessment(r.Context(), id)
		if ferr != nil {
			return ferr
		}
		s.renderSubmit(w, r, p, a, http.StatusUnprocessableEntity)
		return nil
	}
	s.redirectFlash(w, r, "/assessments/"+httpx.FormatID(id), "flash.asm_submitted")
	return nil
}
