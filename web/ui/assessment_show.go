package ui

import (
	"net/http"
	"net/url"

	"github.com/pinggu/pinggu"
	"github.com/pinggu/pinggu/web/httpx"
)

// filterLink is one of the 全部/未作答/不符合 links of the answering screen.
type filterLink struct {
	Label, Href string
	Active      bool
}

type assessmentShowData struct {
	A         *pinggu.Assessment
	Sections  []sectionView
	Progress  progress
	Filters   []filterLink
	Show      string
	CanAnswer bool // the form takes answers and evidence
	CanReview bool // a regulator may start or make the review
	MaxMiB    int
}

// assessmentShow is the answering screen: every item grouped by standard
// and section with its requirement, guidance and expected evidence, the
// answer, notes and evidence files. For those who may not answer it is the
// same page read-only.
func (s *Handler) assessmentShow(w http.ResponseWriter, r *http.Request) error {
	id, err := httpx.PathID(r)
	if err != nil {
		return err
	}
	a, err := s.svc.Assessments.FindAssessment(r.Context(), id)
	if err != nil {
		return err
	}
	p := s.newPage(w, r, "page.assessment")
	p.Form = newForm(nil)
	s.renderAssessment(w, r, p, a, http.StatusOK)
	return nil
}

// renderAssessment shows the answering screen, with p.Form's errors if any.
func (s *Handler) renderAssessment(w http.ResponseWriter, r *http.Request, p *page, a *pinggu.Assessment, status int) {
	s.renderAssessmentWith(w, r, p, a, progressOf(a), status)
}

// renderAssessmentWith is renderAssessment with the progress of what is
// stored, for a refused form shown again with what the user sent: an answer
// that was not saved is not counted.
func (s *Handler) renderAssessmentWith(w http.ResponseWriter, r *http.Request, p *page, a *pinggu.Assessment, pr progress, status int) {
	p.Active = "assessment"
	p.Title = a.Title
	show := r.URL.Query().Get("show")
	if show != showUnanswered && show != showNonCompliant {
		show = showAll
	}
	d := assessmentShowData{
		A: a, Sections: groupItems(a, show), Progress: pr, Show: show,
		CanAnswer: pinggu.MayAnswer(p.Actor, a),
		CanReview: pinggu.MayReview(p.Actor, a),
		MaxMiB:    pinggu.MaxEvidenceSize >> 20,
	}
	base := "/assessments/" + httpx.FormatID(a.ID)
	for _, f := range []struct{ key, val string }{{"filter.asm_all", showAll}, {"filter.asm_unanswered", showUnanswered}, {"filter.asm_non_compliant", showNonCompliant}} {
		href := base
		if f.val != "" {
			href += "?" + url.Values{"show": {f.val}}.Encode()
		}
		d.Filters = append(d.Filters, filterLink{Label: p.T(f.key), Href: href, Active: f.val == show})
	}
	p.Data = d
	s.render(w, r, status, "assessment_show", p)
}
