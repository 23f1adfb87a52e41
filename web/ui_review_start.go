package web

import "net/http"

// uiReviewStart takes a submitted assessment into review.
func (s *Server) uiReviewStart(w http.ResponseWriter, r *http.Request) {
	id, err := pathID(r)
	if err != nil {
		s.uiError(w, r, err)
		return
	}
	if _, err := s.opts.Assessments.StartReview(r.Context(), id); err != nil {
		if isFormError(err) {
			s.redirectFlash(w, r, "/assessments/"+idPath(id)+"/review", "flash.review_not_startable")
			return
		}
		s.uiError(w, r, err)
		return
	}
	s.redirectFlash(w, r, "/assessments/"+idPath(id)+"/review", "flash.review_started")
}
