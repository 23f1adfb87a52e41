package web

import (
	"errors"
	"io"
	"net/http"

	"github.com/pinggu/pinggu"
)

type importData struct {
	Action, TemplateHref, BackHref string
	Problems                       []pinggu.FieldError
}

// importPage describes one CSV import: where it posts, its template and the
// list it returns to.
type importPage struct {
	titleKey, action, template, back, active string
}

var (
	orgImport     = importPage{"page.org_import", "/organisations/import", "/organisations/import/template.csv", "/organisations", "organisations"}
	serviceImport = importPage{"page.service_import", "/services/import", "/services/import/template.csv", "/services", "services"}
)

func (s *Server) renderImport(w http.ResponseWriter, r *http.Request, p *page, ip importPage, problems []pinggu.FieldError) {
	p.Active = ip.active
	if p.Form == nil {
		p.Form = newForm(nil)
	}
	p.Data = importData{Action: ip.action, TemplateHref: ip.template, BackHref: ip.back, Problems: problems}
	status := http.StatusOK
	if len(problems) > 0 || p.Form.Error != "" {
		status = http.StatusUnprocessableEntity
	}
	s.render(w, r, status, "import", p)
}

// importUpload opens the uploaded file; the caller closes it. A missing file
// is a field error on the form.
func importUpload(p *page, r *http.Request) (io.ReadCloser, bool) {
	if err := r.ParseMultipartForm(maxUploadBytes); err != nil {
		var tooBig *http.MaxBytesError
		if errors.As(err, &tooBig) {
			p.Form.Errors["file"] = p.T("err.too_large")
		} else {
			p.Form.Errors["file"] = p.T("err.no_file")
		}
		p.Form.Error = p.T("err.form", 1)
		return nil, false
	}
	f, _, err := r.FormFile("file")
	if err != nil {
		p.Form.Errors["file"] = p.T("err.no_file")
		p.Form.Error = p.T("err.form", 1)
		return nil, false
	}
	return f, true
}

// importFailed turns an import error into the rows of the problem table; it
// reports false for errors that are not about the file.
func importFailed(p *page, err error) ([]pinggu.FieldError, bool) {
	switch pinggu.ErrorCode(err) {
	case pinggu.EINVALID, pinggu.ECONFLICT:
	default:
		return nil, false
	}
	fields := pinggu.ErrorFields(err)
	if len(fields) == 0 {
		fields = []pinggu.FieldError{{Field: "file", Message: pinggu.ErrorMessage(err)}}
	}
	p.Form.Error = p.T("import.nothing_imported")
	return fields, true
}
