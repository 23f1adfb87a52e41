package ui

import (
	"net/http"

	"github.com/pinggu/pinggu"
	"github.com/pinggu/pinggu/web/httpx"
)

type standardImportData struct {
	Problems []pinggu.FieldError
	Message  string
}

// standardImportShow shows the YAML upload form (the ministry's duty).
func (s *Handler) standardImportShow(w http.ResponseWriter, r *http.Request) error {
	p := s.newPage(w, r, "page.standard_import")
	p.Active = "standards"
	if !p.Actor.May(pinggu.ActStandardImport) {
		return errForbidden
	}
	p.Data = standardImportData{}
	s.render(w, r, http.StatusOK, "standard_import", p)
	return nil
}

// standardImportSubmit publishes the uploaded YAML or shows the table of
// problems by line and field; nothing is published unless all is well.
func (s *Handler) standardImportSubmit(w http.ResponseWriter, r *http.Request) error {
	name, data, err := httpx.StandardFile(r)
	if err == nil {
		var info *pinggu.StandardInfo
		info, err = s.svc.Standards.ImportStandard(r.Context(), name, data)
		if err == nil {
			s.redirectFlash(w, r, "/standards/"+info.ID+"?version="+info.Version, "flash.standard_imported")
			return nil
		}
	}
	if !isFormError(err) {
		return err
	}
	p := s.newPage(w, r, "page.standard_import")
	p.Active = "standards"
	p.Data = standardImportData{Problems: pinggu.ErrorFieldsIn(err, p.Lang), Message: p.Err(err)}
	s.render(w, r, http.StatusBadRequest, "standard_import", p)
	return nil
}
