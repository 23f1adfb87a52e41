package web

import (
	"net/http"

	"github.com/pinggu/pinggu"
)

// majorChangeRequest is the body of POST /api/services/{id}/major-change.
type majorChangeRequest struct {
	Description string `json:"description"`
}

// apiServiceMajorChange records a major change of a launched service, which
// brings its periodic review forward. The service is looked up first so an
// id outside the scope answers 404 whatever the body says.
func (s *Server) apiServiceMajorChange(w http.ResponseWriter, r *http.Request) {
	id, err := pathID(r)
	if err == nil {
		_, err = s.opts.Services.FindService(r.Context(), id)
	}
	var req majorChangeRequest
	if err == nil {
		err = s.decodeJSON(w, r, &req)
	}
	var svc *pinggu.Service
	if err == nil {
		svc, err = s.opts.Services.RecordMajorChange(r.Context(), id, req.Description)
	}
	if err != nil {
		s.writeProblem(w, r, err)
		return
	}
	s.writeJSON(w, http.StatusOK, svc)
}
