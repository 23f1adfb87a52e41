package ui

import (
	"errors"
	"io"
	"net/http"
	"strings"

	"github.com/pinggu/pinggu"
	"github.com/pinggu/pinggu/web/httpx"
)

type importData struct {
	Action, TemplateHref, BackHref string
	Problems                       []importProblem
}

// importProblem is one row of the problem table: the line, the field as the
// user knows it (and as the code names it) and what is wrong.
type importProblem struct {
	Line         int
	Label, Field string
	Message      string
}

// importFieldKeys names the fields of both imports in the catalog; list
// fields such as contacts[2].email are named by their base.
var importFieldKeys = map[string]string{
	"kind": "field.kind", "uscc": "field.uscc", "province": "field.province", "parent": "field.parent",
	"parent_id": "field.parent", "key_enterprise": "field.key_enterprise", "address": "field.address", "note": "field.note",
	"contacts": "org.contacts", "owner": "field.owner", "org_id": "field.owner", "category": "field.category",
	"tags": "field.tags", "provinces": "field.provinces", "status": "field.status", "description": "field.description",
	"targets": "service.targets", "file": "import.file",
}

func (ip importPage) problems(p *page, fields []pinggu.FieldError) []importProblem {
	out := make([]importProblem, len(fields))
	for i, f := range fields {
		base, _, _ := strings.Cut(f.Field, "[")
		key, ok := importFieldKeys[base]
		if base == "name" {
			key, ok = ip.nameKey, true
		}
		label := f.Field
		if ok {
			label = p.T(key)
		}
		out[i] = importProblem{Line: f.Line, Label: label, Field: f.Field, Message: f.Message}
		if label == f.Field {
			out[i].Field = ""
		}
	}
	return out
}

// importPage describes one CSV import: where it posts, its template and the
// list it returns to.
type importPage struct {
	titleKey, action, template, back, active, nameKey string
}

var (
	orgImport     = importPage{"page.org_import", "/organisations/import", "/organisations/import/template.csv", "/organisations", "organisations", "field.org_name"}
	serviceImport = importPage{"page.service_import", "/services/import", "/services/import/template.csv", "/services", "services", "field.service_name"}
)

func (s *Handler) renderImport(w http.ResponseWriter, r *http.Request, p *page, ip importPage, fields []pinggu.FieldError) {
	p.Active = ip.active
	if p.Form == nil {
		p.Form = newForm(nil)
	}
	p.Data = importData{Action: ip.action, TemplateHref: ip.template, BackHref: ip.back, Problems: ip.problems(p, fields)}
	status := http.StatusOK
	if len(fields) > 0 || p.Form.Error != "" {
		status = http.StatusUnprocessableEntity
	}
	s.render(w, r, status, "import", p)
}

// importUpload opens the uploaded file; the caller closes it. A missing file
// is a field error on the form.
func importUpload(p *page, r *http.Request) (io.ReadCloser, bool) {
	if err := r.ParseMultipartForm(httpx.MaxUploadBytes); err != nil {
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
	fields := pinggu.ErrorFieldsIn(err, p.Lang)
	if len(fields) == 0 {
		fields = []pinggu.FieldError{{Field: "file", Message: p.Err(err)}}
	}
	p.Form.Error = p.T("import.nothing_imported")
	return fields, true
}
