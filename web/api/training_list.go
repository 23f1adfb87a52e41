package api

import (
	"net/http"

	"github.com/pinggu/pinggu"
	"github.com/pinggu/pinggu/web/httpx"
)

// trainingList lists the events the caller sees: the ministry and support
// institutions all, a bureau its province's and the national ones, invited
// staff the events published to them.
func (s *Handler) trainingList(w http.ResponseWriter, r *http.Request) error {
	var f pinggu.TrainingFilter
	if err := httpx.DecodeQuery(r.URL.Query(), &f); err != nil {
		return err
	}
	f.ListOptions = f.ListOptions.Normalize()
	items, total, err := s.svc.Training.ListTrainings(r.Context(), f)
	if err != nil {
		return err
	}
	s.writeJSON(w, http.StatusOK, newList(items, total, f.ListOptions))
	return nil
}
