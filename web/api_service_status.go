package web

import (
	"net/http"

	"github.com/pinggu/pinggu"
)

// statusChangeRequest is the body of POST /api/services/{id}/status.
type statusChangeRequest struct {
	To     pinggu.ServiceStatus `json:"to"`
	Reason string               `json:"reason,omitempty"`
}

// apiServiceStatus moves a service along its lifecycle. The service is looked
// up first so an id outside the scope answers 404 whatever the body says.
func (s *Server) apiServiceStatus(w http.ResponseWriter, r *http.Request) {
	id, err := pathID(r)
	if err == nil {
		_, err = s.opts.Services.FindService(r.Context(), id)
	}
	var req statusChangeRequest
	if err == nil {
		err = s.decodeJSON(w, r, &req)
	}
	if err != nil {
		s.writeProblem(w, r, err)
		return
	}
	svc, err := s.opts.Services.SetServiceStatus(r.Context(), id, req.To, req.Reason)
	if err != nil {
		s.writeProblem(w, r, err)
		return
	}
	s.writeJSON(w, http.StatusOK, svc)
}
