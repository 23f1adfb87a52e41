package api

import (
	"net/http"

	"github.com/pinggu/pinggu"
	"github.com/pinggu/pinggu/web/httpx"
)

// assessmentSubmissions lists every submitted version of an assessment.
func (s *Handler) assessmentSubmissions(w http.ResponseWriter, r *http.Request) error {
	id, err := httpx.PathID(r)
	if err != nil {
		return err
	}
	subs, err := s.svc.Assessments.Submissions(r.Context(), id)
	if err != nil {
		return err
	}
	s.writeJSON(w, http.StatusOK, newList(subs, len(subs), pinggu.ListOptions{Limit: len(subs)}))
	return nil
}
