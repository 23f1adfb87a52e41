package web

import (
	"context"
	"net/http"
	"time"

	"github.com/pinggu/pinggu/web/httpx"
)

// healthStatus is the body of /healthz.
type healthStatus struct {
	Status   string `json:"status"` // ok or unavailable
	Version  string `json:"version"`
	Database string `json:"database"` // ok or error
}

// healthz reports whether the process and its database answer, for load
// balancers and orchestrators: 200 when healthy, 503 otherwise.
func (s *Server) healthz(w http.ResponseWriter, r *http.Request) {
	st := healthStatus{Status: "ok", Version: s.opts.Version, Database: "ok"}
	if s.opts.Health != nil {
		ctx, cancel := context.WithTimeout(r.Context(), 5*time.Second)
		defer cancel()
		if err := s.opts.Health(ctx); err != nil {
			s.logger.Error("health check", "err", err)
			st.Status, st.Database = "unavailable", "error"
		}
	}
	code := http.StatusOK
	if st.Status != "ok" {
		code = http.StatusServiceUnavailable
	}
	httpx.WriteJSON(w, s.logger, code, st)
}
