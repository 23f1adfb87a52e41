package api

import (
	"net/http"
	"time"

	"github.com/pinggu/pinggu"
)

// dashboard answers the figures of the caller's dashboard, each with the
// query that made it and the list behind it.
func (s *Handler) dashboard(w http.ResponseWriter, r *http.Request) error {
	d, err := pinggu.BuildDashboard(r.Context(), s.svc.Stats, time.Now())
	if err != nil {
		return err
	}
	s.writeJSON(w, http.StatusOK, d)
	return nil
}
