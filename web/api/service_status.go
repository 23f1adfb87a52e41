package api

import (
	"net/http"

	"github.com/pinggu/pinggu"
	"github.com/pinggu/pinggu/web/httpx"
)

// statusChangeRequest is the body of POST /api/services/{id}/status.
type statusChangeRequest struct {
	To     pinggu.ServiceStatus `json:"to"`
	Reason string               `json:"reason,omitempty"`
}

// serviceStatus moves a service along its lifecycle. The service is looked
// up first so an id outside the scope answers 404 whatever the body says.
func (s *Handler) serviceStatus(w http.ResponseWriter, r *http.Request) error {
	id, err := httpx.PathID(r)
	if err == nil {
		_, err = s.svc.Services.FindService(r.Context(), id)
	}
	var req statusChangeRequest
	if err == nil {
		err = s.decodeJSON(w, r, &req)
	}
	if err != nil {
		return err
	}
	svc, err := s.svc.Services.SetServiceStatus(r.Context(), id, req.To, req.Reason)
	if err != nil {
		return err
	}
	s.writeJSON(w, http.StatusOK, svc)
	return nil
}
