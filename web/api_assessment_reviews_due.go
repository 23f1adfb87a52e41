package web

import (
	"net/http"

	"github.com/pinggu/pinggu"
)

// apiReviewsDue lists launched services by their next periodic review.
func (s *Server) apiReviewsDue(w http.ResponseWriter, r *http.Request) {
	var q reviewsDueQuery
	err := decodeQuery(r.URL.Query(), &q)
	if err == nil {
		switch q.Status {
		case "", pinggu.ReviewOK, pinggu.ReviewDueSoon, pinggu.ReviewOverdue:
		default:
			err = invalid("status", "取值“"+string(q.Status)+"”不存在")
		}
	}
	if err != nil {
		s.writeProblem(w, r, err)
		return
	}
	q.ListOptions = q.ListOptions.Normalize()
	items, total, err := s.opts.Assessments.ReviewsDue(r.Context(), q.Status, q.ListOptions)
	if err != nil {
		s.writeProblem(w, r, err)
		return
	}
	s.writeJSON(w, http.StatusOK, newList(items, total, q.ListOptions))
}
