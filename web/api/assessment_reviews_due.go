package api

import (
	"net/http"

	"github.com/pinggu/pinggu"
	"github.com/pinggu/pinggu/web/httpx"
)

// reviewsDue lists launched services by their next periodic review.
func (s *Handler) reviewsDue(w http.ResponseWriter, r *http.Request) error {
	var q reviewsDueQuery
	err := httpx.DecodeQuery(r.URL.Query(), &q)
	if err == nil {
		switch q.Status {
		case "", pinggu.ReviewOK, pinggu.ReviewDueSoon, pinggu.ReviewOverdue:
		default:
			err = httpx.Invalid("status", "取值“%s”不存在", string(q.Status))
		}
	}
	if err != nil {
		return err
	}
	q.ListOptions = q.ListOptions.Normalize()
	items, total, err := s.svc.Assessments.ListReviewsDue(r.Context(), q)
	if err != nil {
		return err
	}
	s.writeJSON(w, http.StatusOK, newList(items, total, q.ListOptions))
	return nil
}
