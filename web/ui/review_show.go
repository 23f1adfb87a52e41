package ui

import (
	"net/http"
	"slices"

	"github.com/pinggu/pinggu"
	"github.com/pinggu/pinggu/web/httpx"
)

type reviewShowData struct {
	A           *pinggu.Assessment
	Sections    []sectionView
	Submissions []*pinggu.Submission
	Latest      int // version compared
	Previous    int // version it is compared with, 0 if none
	Changed     int
	CanStart    bool
	CanDecide   bool
	// NeedsReason says an acceptance needs a written reason (重大风险, or a
	// non-compliant high-severity item).
	NeedsReason bool
	// Filters narrow the items shown: all, the non-compliant and partly
	// compliant ones, or those changed since the previous version.
	Filters []filterLink
	Show    string
	Shown   int
}

// showChanged is the review's filter of items changed since the previous
// version.
const showChanged = "changed"

// reviewShow is the review screen: each item's answer beside its
// evidence, a comment box per item, accept or return, and the version
// history with the latest submission compared against the one before.
func (s *Handler) reviewShow(w http.ResponseWriter, r *http.Request) error {
	id, err := httpx.PathID(r)
	if err != nil {
		return err
	}
	a, err := s.svc.Assessments.FindAssessment(r.Context(), id)
	if err != nil {
		return err
	}
	p := s.newPage(w, r, "page.review")
	p.Form = newForm(nil)
	return s.renderReview(w, r, p, a, http.StatusOK)
}

func (s *Handler) renderReview(w http.ResponseWriter, r *http.Request, p *page, a *pinggu.Assessment, status int) error {
	subs, err := s.svc.Assessments.Submissions(r.Context(), a.ID)
	if err != nil {
		return err
	}
	p.Active = "assessment"
	p.Title = p.T("page.review") + p.Colon() + a.Title
	sub := pinggu.AssessmentSubject(a)
	show := r.URL.Query().Get("show")
	if show != showNonCompliant && show != showChanged {
		show = showAll
	}
	d := reviewShowData{A: a, Submissions: subs, Show: show,
		CanStart: pinggu.Allowed(p.Actor, pinggu.ActReviewStart, sub), CanDecide: pinggu.Allowed(p.Actor, pinggu.ActReviewDecide, sub),
		NeedsReason: pinggu.NeedsAcceptReason(a.Score)}
	all := groupItems(a, showAll)
	if n := len(subs); n > 0 {
		d.Latest = subs[n-1].Version
		if n > 1 {
			d.Previous = subs[n-2].Version
			d.Changed = compareSubmissions(all, subs[n-2], subs[n-1])
		}
	}
	d.Sections = filterSections(all, show)
	for _, sec := range d.Sections {
		d.Shown += len(sec.Items)
	}
	filters := []struct{ key, val string }{{"filter.asm_all", showAll}, {"filter.review_non_compliant", showNonCompliant}}
	if d.Previous != 0 {
		filters = append(filters, struct{ key, val string }{"filter.review_changed", showChanged})
	}
	base := "/assessments/" + httpx.FormatID(a.ID) + "/review"
	for _, f := range filters {
		href := base
		if f.val != "" {
			href += "?show=" + f.val
		}
		d.Filters = append(d.Filters, filterLink{Label: p.T(f.key), Href: href, Active: f.val == show})
	}
	p.Data = d
	s.render(w, r, status, "review_show", p)
	return nil
}

// filterSections keeps the items the review's filter shows: the
// non-compliant and partly compliant ones, or those changed since the
// previous version.
func filterSections(sections []sectionView, show string) []sectionView {
	if show == showAll {
		return sections
	}
	var out []sectionView
	for _, sec := range sections {
		kept := sec
		kept.Items = nil
		for _, it := range sec.Items {
			switch {
			case show == showChanged && it.Changed,
				show == showNonCompliant && (it.Answer == pinggu.AnswerNonCompliant || it.Answer == pinggu.AnswerPartial):
				kept.Items = append(kept.Items, it)
			}
		}
		if len(kept.Items) > 0 {
			out = append(out, kept)
		}
	}
	return out
}

// compareSubmissions marks the items whose submitted answer, reason, notes
// or evidence changed between two versions, keeping the older state to show.
func compareSubmissions(sections []sectionView, prev, latest *pinggu.Submission) int {
	n := 0
	for i := range sections {
		for j := range sections[i].Items {
			it := &sections[i].Items[j]
			old, had := prev.Answers[it.Key]
			cur := latest.Answers[it.Key]
			if had && old.Answer == cur.Answer && old.Reason == cur.Reason && old.Notes == cur.Notes && slices.Equal(old.Evidence, cur.Evidence) {
				continue
			}
			it.Changed = true
			o := old
			it.Previous = &o
			n++
		}
	}
	return n
}
