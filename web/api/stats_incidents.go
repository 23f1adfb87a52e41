package api

import (
	"net/http"
	"time"

	"github.com/pinggu/pinggu"
	"github.com/pinggu/pinggu/web/httpx"
)

// incidentStatsQuery is the query of GET /api/stats/incidents.
type incidentStatsQuery struct {
	// Year ("2026") of declaration in China Standard Time; this year when
	// empty.
	Year string `json:"year,omitempty"`
}

// statsIncidents answers the incidents' response-time figures of a year
// for the regulators who command incidents, in their jurisdiction.
func (s *Handler) statsIncidents(w http.ResponseWriter, r *http.Request) error {
	var q incidentStatsQuery
	if err := httpx.DecodeQuery(r.URL.Query(), &q); err != nil {
		return err
	}
	now := time.Now()
	if q.Year == "" {
		q.Year = pinggu.Year(now)
	}
	st, err := pinggu.BuildIncidentStats(r.Context(), s.svc.Stats, now, q.Year)
	if err != nil {
		return err
	}
	if s.svc.Incidents != nil {
		durs, err := s.svc.Incidents.IncidentDurations(r.Context(), q.Year)
		if err != nil {
			return err
		}
		st.AddMedians(durs)
	}
	s.writeJSON(w, http.StatusOK, st)
	return nil
}
