package api

import (
	"net/http"

	"github.com/pinggu/pinggu"
	"github.com/pinggu/pinggu/web/httpx"
)

// majorChangeRequest is the body of POST /api/services/{id}/major-change.
type majorChangeRequest struct {
	Description string `json:"description"`
}

// serviceMajorChange records a major change of a launched service, which
// brings its periodic review forward. The service is looked up first so an
// id outside the scope answers 404 whatever the body says.
func (s *Handler) serviceMajorChange(w http.ResponseWriter, r *http.Request) error {
	id, err := httpx.PathID(r)
	if err == nil {
		_, err = s.svc.Services.FindService(r.Context(), id)
	}
	var req majorChangeRequest
	if err == nil {
		err = s.decodeJSON(w, r, &req)
	}
	var svc *pinggu.Service
	if err == nil {
		svc, err = s.svc.Services.RecordMajorChange(r.Context(), id, req.Description)
	}
	if err != nil {
		return err
	}
	s.writeJSON(w, http.StatusOK, svc)
	return nil
}
