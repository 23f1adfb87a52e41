package ui

import (
	"net/http"
	"strings"

	"github.com/pinggu/pinggu"
	"github.com/pinggu/pinggu/web/httpx"
)

// reviewDecide accepts or returns an assessment under review with the
// summary and the per-item comments (comment:KEY fields).
func (s *Handler) reviewDecide(w http.ResponseWriter, r *http.Request) error {
	id, err := httpx.PathID(r)
	if err != nil {
		return err
	}
	_ = r.ParseForm()
	f := r.PostForm
	d := pinggu.ReviewDecision{Decision: pinggu.AssessmentState(f.Get("decision")), Summary: strings.TrimSpace(f.Get("summary")),
		AcceptReason: strings.TrimSpace(f.Get("accept_reason"))}
	for name, vals := range f {
		if key, ok := strings.CutPrefix(name, "comment:"); ok {
			if c := strings.TrimSpace(first(vals)); c != "" {
				if d.Comments == nil {
					d.Comments = map[pinggu.ItemKey]string{}
				}
				d.Comments[pinggu.ItemKey(key)] = c
			}
		}
	}
	p := s.newPage(w, r, "page.review")
	p.Form = newForm(f)
	_, err = s.svc.Assessments.Review(r.Context(), id, d)
	if err != nil {
		if !p.Form.fail(p, err) {
			return err
		}
		if p.Form.E("summary") != "" && d.Summary == "" {
			p.Form.Errors["summary"] = p.T("err.review_summary")
		}
		a, ferr := s.svc.Assessments.FindAssessment(r.Context(), id)
		if ferr != nil {
			return ferr
		}
		return s.renderReview(w, r, p, a, http.StatusUnprocessableEntity)
	}
	key := "flash.review_accepted"
	if d.Decision == pinggu.AssessReturned {
		key = "flash.review_returned"
	}
	s.redirectFlash(w, r, "/assessments/"+httpx.FormatID(id)+"/review", key)
	return nil
}
