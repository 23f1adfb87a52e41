package api

import (
	"net/http"

	"github.com/pinggu/pinggu"
	"github.com/pinggu/pinggu/web/httpx"
)

// assessmentList lists the assessments in the caller's scope.
func (s *Handler) assessmentList(w http.ResponseWriter, r *http.Request) error {
	var f pinggu.AssessmentFilter
	if err := decodeAssessmentFilter(r, &f); err != nil {
		return err
	}
	f.ListOptions = f.ListOptions.Normalize()
	items, total, err := s.svc.Assessments.ListAssessments(r.Context(), f)
	if err != nil {
		return err
	}
	s.writeJSON(w, http.StatusOK, newList(items, total, f.ListOptions))
	return nil
}

// decodeAssessmentFilter reads the filter; the kinds and states check
// themselves (Valid), so an unknown one is refused by name.
func decodeAssessmentFilter(r *http.Request, f *pinggu.AssessmentFilter) error {
	return httpx.DecodeQuery(r.URL.Query(), f)
}
