package web

import (
	"io"
	"net/http"

	"github.com/pinggu/pinggu"
)

// Interim until the root package's CSV codec lands.
func parseOrganisationsCSV(r io.Reader) ([]pinggu.OrganisationImportRow, error) {
	return nil, pinggu.Errorf(pinggu.EINTERNAL, "pending")
}
func parseServicesCSV(r io.Reader) ([]pinggu.ServiceImportRow, error) {
	return nil, pinggu.Errorf(pinggu.EINTERNAL, "pending")
}
func (s *Server) uiOrganisationTemplate(w http.ResponseWriter, r *http.Request) {}
func (s *Server) uiServiceTemplate(w http.ResponseWriter, r *http.Request)      {}
