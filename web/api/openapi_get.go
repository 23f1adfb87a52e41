package api

import (
	"encoding/json"
	"net/http"
)

// openAPI serves the OpenAPI document, built once from the route table.
func (s *Handler) openAPI(w http.ResponseWriter, r *http.Request) error {
	s.openapiOnce.Do(func() {
		s.openapiJSON, s.openapiErr = json.MarshalIndent(openAPIDocument(s.opts.Version, Routes()), "", "  ")
	})
	if s.openapiErr != nil {
		return s.openapiErr
	}
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	_, _ = w.Write(s.openapiJSON)
	return nil
}
