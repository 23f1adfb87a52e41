package api

import (
	"net/http"

	"github.com/pinggu/pinggu"
	"github.com/pinggu/pinggu/web/httpx"
)

// assessmentAnswers saves answers. The assessment is looked up before the
// body is read, so an id outside the scope answers 404 whatever the body says.
func (s *Handler) assessmentAnswers(w http.ResponseWriter, r *http.Request) error {
	id, err := httpx.PathID(r)
	if err == nil {
		_, err = s.svc.Assessments.FindAssessment(r.Context(), id)
	}
	var answers []pinggu.ItemAnswer
	if err == nil {
		err = s.decodeJSON(w, r, &answers)
	}
	if err != nil {
		return err
	}
	a, err := s.svc.Assessments.SaveAnswers(r.Context(), id, answers)
	if err != nil {
		return err
	}
	s.writeJSON(w, http.StatusOK, a)
	return nil
}
