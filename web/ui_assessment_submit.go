package web

import (
	"net/http"

	"github.com/pinggu/pinggu"
)

type assessmentSubmitData struct {
	A          *pinggu.Assessment
	Score      pinggu.Score
	Unanswered []itemView
	Findings   []itemView // non-compliant items, which become findings
	Partial    []itemView
}

// uiAssessmentSubmitShow summarises the gaps before submission: unanswered
// items block it, non-compliant ones are listed as the findings it records.
func (s *Server) uiAssessmentSubmitShow(w http.ResponseWriter, r *http.Request) {
	id, err := pathID(r)
	if err != nil {
		s.uiError(w, r, err)
		return
	}
	a, err := s.opts.Assessments.FindAssessment(r.Context(), id)
	if err != nil {
		s.uiError(w, r, err)
		return
	}
	p := s.newPage(w, r, "page.assessment_submit")
	p.Form = newForm(nil)
	s.renderSubmit(w, r, p, a, http.StatusOK)
}

func (s *Server) renderSubmit(w http.ResponseWriter, r *http.Request, p *page, a *pinggu.Assessment, status int) {
	p.Active = "assessment"
	d := assessmentSubmitData{A: a, Score: pinggu.ScoreAssessment(a.ScoredItems())}
	for i, it := range a.Items {
		v := itemView{AssessmentItem: it, N: i + 1}
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

// uiAssessmentSubmit submits the assessment; a refusal (unanswered items,
// wrong state) shows the summary again with the reason.
func (s *Server) uiAssessmentSubmit(w http.ResponseWriter, r *http.Request) {
	id, err := pathID(r)
	if err != nil {
		s.uiError(w, r, err)
		return
	}
	if _, err := s.opts.Assessments.Submit(r.Context(), id); err != nil {
		p := s.newPage(w, r, "page.assessment_submit")
		p.Form = newForm(nil)
		if !p.Form.fail(p, err) {
			s.uiError(w, r, err)
			return
		}
		a, ferr := s.opts.Assessments.FindAssessment(r.Context(), id)
		if ferr != nil {
			s.uiError(w, r, ferr)
			return
		}
		s.renderSubmit(w, r, p, a, http.StatusUnprocessableEntity)
		return
	}
	s.redirectFlash(w, r, "/assessments/"+idPath(id), "flash.asm_submitted")
}
