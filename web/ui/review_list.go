package ui

import (
	"net/http"

	"github.com/pinggu/pinggu"
)

type reviewListData struct {
	Submitted, UnderReview []*pinggu.Assessment
	Overdue, DueSoon       []*pinggu.ReviewDue
	// Filtered is the one list of reviews a figure of the dashboard links
	// to (?status=overdue&province=…), with its pager.
	Filtered *reviewFiltered
}

type reviewFiltered struct {
	Status   pinggu.ReviewStatus
	Province string
	Items    []*pinggu.ReviewDue
	Pager    pager
}

// reviewList is the regulator's queue: assessments submitted or under
// review in its scope (a bureau's province), and the periodic reviews
// overdue or due soon.
func (s *Handler) reviewList(w http.ResponseWriter, r *http.Request) error {
	p := s.newPage(w, r, "page.reviews")
	p.Active = "reviews"
	ctx := r.Context()
	page := pinggu.ListOptions{Limit: pinggu.MaxLimit}
	var d reviewListData
	var err error
	q := r.URL.Query()
	if st := pinggu.ReviewStatus(q.Get("status")); st == pinggu.ReviewOverdue || st == pinggu.ReviewDueSoon {
		f := pinggu.ReviewDueFilter{Status: st, Province: q.Get("province"), ListOptions: listParams(r)}
		items, total, err := s.svc.Assessments.ListReviewsDue(ctx, f)
		if err != nil {
			return err
		}
		d.Filtered = &reviewFiltered{Status: st, Province: f.Province, Items: items, Pager: p.newPager(r, total, f.ListOptions)}
		p.Data = d
		s.render(w, r, http.StatusOK, "review_list", p)
		return nil
	}
	if d.Submitted, _, err = s.svc.Assessments.ListAssessments(ctx, pinggu.AssessmentFilter{State: pinggu.AssessSubmitted, ListOptions: page}); err == nil {
		d.UnderReview, _, err = s.svc.Assessments.ListAssessments(ctx, pinggu.AssessmentFilter{State: pinggu.AssessUnderReview, ListOptions: page})
	}
	if err == nil {
		d.Overdue, _, err = s.svc.Assessments.ReviewsDue(ctx, pinggu.ReviewOverdue, page)
	}
	if err == nil {
		d.DueSoon, _, err = s.svc.Assessments.ReviewsDue(ctx, pinggu.ReviewDueSoon, page)
	}
	if err != nil {
		return err
	}
	p.Data = d
	s.render(w, r, http.StatusOK, "review_list", p)
	return nil
}
