package web

import (
	"net/http"

	"github.com/pinggu/pinggu"
)

type standardImportData struct {
	Problems []pinggu.FieldError
	Message  string
}

// uiStandardImportShow shows the YAML upload form (the ministry's duty).
func (s *Server) uiStandardImportShow(w http.ResponseWriter, r *http.Request) {
	p := s.newPage(w, r, "page.standard_import")
	p.Active = "standards"
	if !p.Actor.May(pinggu.ActStandardImport) {
		s.uiForbidden(w, r)
		return
	}
	p.Data = standardImportData{}
	s.render(w, r, http.StatusOK, "standard_import", p)
}

// uiStandardImportSubmit publishes the uploaded YAML or shows the table of
// problems by line and field; nothing is published unless all is well.
func (s *Server) uiStandardImportSubmit(w http.ResponseWriter, r *http.Request) {
	name, data, err := standardFile(r)
	if err == nil {
		var info *pinggu.StandardInfo
		info, err = s.opts.Standards.ImportStandard(r.Context(), name, data)
		if err == nil {
			s.redirectFlash(w, r, "/standards/"+info.ID+"?version="+info.Version, "flash.standard_imported")
			return
		}
	}
	if !isFormError(err) {
		s.uiError(w, r, err)
		return
	}
	p := s.newPage(w, r, "page.standard_import")
	p.Active = "standards"
	p.Data = standardImportData{Problems: pinggu.ErrorFields(err), Message: pinggu.ErrorMessage(err)}
	s.render(w, r, http.StatusBadRequest, "standard_import", p)
}
