package web

import (
	"encoding/json"
	"net/http"
)

// apiOpenAPI serves the OpenAPI document, built once from the route table.
func (s *Server) apiOpenAPI(w http.ResponseWriter, r *http.Request) {
	s.openapiOnce.Do(func() {
		s.openapiJSON, s.openapiErr = json.MarshalIndent(openAPIDocument(s.opts.Version, apiRouteTable()), "", "  ")
	})
	if s.openapiErr != nil {
		s.writeProblem(w, r, s.openapiErr)
		return
	}
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	_, _ = w.Write(s.openapiJSON)
}
