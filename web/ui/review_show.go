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
}

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
	p.Title = p.T("page.review") + "：" + a.Title
	sub := pinggu.AssessmentSubject(a)
	d := reviewShowData{A: a, Sections: groupItems(a, showAll), Submissions: subs,
		CanStart: pinggu.Allowed(p.Actor, pinggu.ActReviewStart, sub), CanDecide: pinggu.Allowed(p.Actor, pinggu.ActReviewDecide, sub)}
	if n := len(subs); n > 0 {
		d.Latest = subs[n-1].Version
		if n > 1 {
			d.Previous = subs[n-2].Version
			d.Changed = compareSubmissions(d.Sections, subs[n-2], subs[n-1])
		}
	}
	p.Data = d
	s.render(w, r, status, "review_show", p)
	return nil
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
