package web

import (
	"net/http"

	"github.com/pinggu/pinggu"
)

func (s *Server) apiOrganisationImport(w http.ResponseWriter, r *http.Request) {
	s.writeProblem(w, r, pinggu.Errorf(pinggu.EINTERNAL, "pending"))
}
func (s *Server) apiOrganisationExport(w http.ResponseWriter, r *http.Request) {
	s.writeProblem(w, r, pinggu.Errorf(pinggu.EINTERNAL, "pending"))
}
func (s *Server) apiServiceImport(w http.ResponseWriter, r *http.Request) {
	s.writeProblem(w, r, pinggu.Errorf(pinggu.EINTERNAL, "pending"))
}
func (s *Server) apiServiceExport(w http.ResponseWriter, r *http.Request) {
	s.writeProblem(w, r, pinggu.Errorf(pinggu.EINTERNAL, "pending"))
}
func (s *Server) apiLicenceExport(w http.ResponseWriter, r *http.Request) {
	s.writeProblem(w, r, pinggu.Errorf(pinggu.EINTERNAL, "pending"))
}
